import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { BadUserInputError, NotFoundError } from '../../errors';
import { PageArgs, pageWindow, toConnection } from '../shared/pagination';
import { selectsField } from '../shared/selection';
import type { SpanScope } from './analytics.cypher';
import {
  ClusterProgrammeSpan,
  ClusterProgrammeSpanConnection,
  ClusterProjectsInRegion,
  OrganizationProgrammeSpan,
  OrganizationProgrammeSpanConnection,
  ProgrammeSpan,
  ProjectProgrammeSpanConnection,
} from './analytics.type';

function atLeastOne(value: number, argument: string): number {
  if (value < 1) throw new BadUserInputError(`Argument "${argument}" must be at least 1, got ${value}`, argument);
  return value;
}

@Resolver()
export class AnalyticsResolver {
  @Query(() => [ClusterProjectsInRegion], {
    description:
      'Projects located in a region (or its sub-regions) that belong to a cluster whose members span at least `minProgrammes` programmes, grouped by cluster',
  })
  projectsInCrossProgrammeClusters(
    @Arg('regionId', () => ID) regionId: string,
    @Arg('minProgrammes', () => Int, { defaultValue: 2 }) minProgrammes: number,
    @Ctx() { repositories }: Context,
  ): Promise<ClusterProjectsInRegion[]> {
    return repositories.analytics.projectsInCrossProgrammeClusters(regionId, atLeastOne(minProgrammes, 'minProgrammes'));
  }

  @Query(() => [ClusterProgrammeSpan], {
    description: 'Clusters whose member projects come from at least `minProgrammes` distinct programmes, the broadest first',
    deprecationReason: 'Use `programmeSpan { clusters }`: paginated, with totalCount, and for a region too',
  })
  clustersSpanningProgrammes(
    @Arg('minProgrammes', () => Int, { defaultValue: 2 }) minProgrammes: number,
    @Ctx() { repositories }: Context,
  ): Promise<ClusterProgrammeSpan[]> {
    return repositories.analytics.clustersSpanningProgrammes(atLeastOne(minProgrammes, 'minProgrammes'));
  }

  @Query(() => [OrganizationProgrammeSpan], {
    description: 'Organizations taking part in projects of at least `minProgrammes` distinct programmes, the broadest first',
    deprecationReason: 'Use `programmeSpan { organizations }`: paginated, with totalCount, and for a region too',
  })
  async organizationsAcrossProgrammes(
    @Arg('minProgrammes', () => Int, { defaultValue: 2 }) minProgrammes: number,
    @Arg('first', () => Int, { defaultValue: 50, description: 'At most this many (bounded by the server maximum page size)' })
    first: number,
    @Ctx() { repositories, maxPageSize }: Context,
  ): Promise<OrganizationProgrammeSpan[]> {
    if (first < 0 || first > maxPageSize) {
      throw new BadUserInputError(`Argument "first" must be between 0 and ${maxPageSize}, got ${first}`, 'first');
    }
    const page = await repositories.analytics.organizationSpans({ includeSubRegions: true }, atLeastOne(minProgrammes, 'minProgrammes'), { limit: first }, false);
    return page.items.map((item) => item.node);
  }

  @Query(() => ProgrammeSpan, {
    description:
      'Projects, clusters and organizations ranked by how many distinct programmes each connects to, in one region (sub-regions included unless `includeSubRegions: false`) or, without `regionId`, in the whole graph; NOT_FOUND for an unknown region',
  })
  async programmeSpan(
    @Arg('regionId', () => ID, { nullable: true }) regionId: string | null | undefined,
    @Arg('includeSubRegions', { defaultValue: true }) includeSubRegions: boolean,
    @Arg('minProgrammes', () => Int, { defaultValue: 2 }) minProgrammes: number,
    @Ctx() { nodes }: Context,
  ): Promise<ProgrammeSpan> {
    atLeastOne(minProgrammes, 'minProgrammes');
    if (regionId === null || regionId === undefined) return { region: null, includeSubRegions, minProgrammes };
    const region = await nodes.region.load(regionId);
    if (!region) throw new NotFoundError('Region', regionId);
    return { region, includeSubRegions, minProgrammes };
  }
}

const scopeOf = (span: ProgrammeSpan): SpanScope => ({ regionId: span.region?.id, includeSubRegions: span.includeSubRegions });

@Resolver(() => ProgrammeSpan)
export class ProgrammeSpanResolver {
  @FieldResolver(() => ProjectProgrammeSpanConnection, {
    description:
      'Projects (located in the region) by the programmes they reach: their own and those of the projects they share a cluster with; ties by number of clusters, then title',
  })
  async projects(@Root() span: ProgrammeSpan, @Args() args: PageArgs, @Ctx() { repositories, maxPageSize }: Context, @Info() info: GraphQLResolveInfo) {
    const window = pageWindow(args, maxPageSize);
    return toConnection(await repositories.analytics.projectSpans(scopeOf(span), span.minProgrammes, window, selectsField(info, 'totalCount')));
  }

  @FieldResolver(() => ClusterProgrammeSpanConnection, {
    description: 'Clusters (with a member located in the region) by the programmes of all their members; ties by number of members, then name',
  })
  async clusters(@Root() span: ProgrammeSpan, @Args() args: PageArgs, @Ctx() { repositories, maxPageSize }: Context, @Info() info: GraphQLResolveInfo) {
    const window = pageWindow(args, maxPageSize);
    return toConnection(await repositories.analytics.clusterSpans(scopeOf(span), span.minProgrammes, window, selectsField(info, 'totalCount')));
  }

  @FieldResolver(() => OrganizationProgrammeSpanConnection, {
    description:
      'Organizations (based in the region) by the programmes of all the projects they take part in; ties by number of projects, then name',
  })
  async organizations(@Root() span: ProgrammeSpan, @Args() args: PageArgs, @Ctx() { repositories, maxPageSize }: Context, @Info() info: GraphQLResolveInfo) {
    const window = pageWindow(args, maxPageSize);
    return toConnection(await repositories.analytics.organizationSpans(scopeOf(span), span.minProgrammes, window, selectsField(info, 'totalCount')));
  }
}
