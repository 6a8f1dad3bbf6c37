import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { BadUserInputError } from '../../errors';
import { ClusterProgrammeSpan, ClusterProjectsInRegion, OrganizationProgrammeSpan } from './analytics.type';

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
  })
  clustersSpanningProgrammes(
    @Arg('minProgrammes', () => Int, { defaultValue: 2 }) minProgrammes: number,
    @Ctx() { repositories }: Context,
  ): Promise<ClusterProgrammeSpan[]> {
    return repositories.analytics.clustersSpanningProgrammes(atLeastOne(minProgrammes, 'minProgrammes'));
  }

  @Query(() => [OrganizationProgrammeSpan], {
    description: 'Organizations taking part in projects of at least `minProgrammes` distinct programmes, the broadest first',
  })
  organizationsAcrossProgrammes(
    @Arg('minProgrammes', () => Int, { defaultValue: 2 }) minProgrammes: number,
    @Arg('first', () => Int, { defaultValue: 50, description: 'At most this many (bounded by the server maximum page size)' })
    first: number,
    @Ctx() { repositories, maxPageSize }: Context,
  ): Promise<OrganizationProgrammeSpan[]> {
    if (first < 0 || first > maxPageSize) {
      throw new BadUserInputError(`Argument "first" must be between 0 and ${maxPageSize}, got ${first}`, 'first');
    }
    return repositories.analytics.organizationsAcrossProgrammes(atLeastOne(minProgrammes, 'minProgrammes'), first);
  }
}
