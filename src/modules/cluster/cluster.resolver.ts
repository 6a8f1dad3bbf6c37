import { Arg, Args, Ctx, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { NotFoundError } from '../../errors';
import { Event } from '../event/event.type';
import { Organization } from '../organization/organization.type';
import { Programme } from '../programme/programme.type';
import { Project } from '../project/project.type';
import { Region } from '../region/region.type';
import { ThematicArea } from '../theme/theme.type';
import { connectionTypes, pageWindow, toConnection } from '../shared/pagination';
import { ClustersArgs } from './cluster.args';
import { Cluster } from './cluster.type';

@ObjectType()
export class ClusterConnection extends connectionTypes(Cluster, 'Cluster') {}

@Resolver(() => Cluster)
export class ClusterResolver {
  @Query(() => Cluster, { description: 'One cluster by id; NOT_FOUND if there is none' })
  async cluster(@Arg('id', () => ID) id: string, @Ctx() { loaders }: Context): Promise<Cluster> {
    const cluster = await loaders.cluster.byId.load(id);
    if (!cluster) throw new NotFoundError('Cluster', id);
    return cluster;
  }

  @Query(() => ClusterConnection, { description: 'Clusters, filtered, sorted and paginated' })
  async clusters(@Args() args: ClustersArgs, @Ctx() { repositories, maxPageSize }: Context) {
    const window = pageWindow(args, maxPageSize);
    return toConnection(await repositories.cluster.list(args.filter, args.sort, window), window);
  }

  @FieldResolver(() => [Project], { description: 'Member projects' })
  members(@Root() cluster: Cluster, @Ctx() { loaders }: Context): Promise<Project[]> {
    return loaders.cluster.members.load(cluster.id);
  }

  @FieldResolver(() => [Programme], { description: 'Distinct programmes funding the member projects' })
  programmes(@Root() cluster: Cluster, @Ctx() { loaders }: Context): Promise<Programme[]> {
    return loaders.cluster.programmes.load(cluster.id);
  }

  @FieldResolver(() => Int, { description: 'Number of distinct programmes funding the member projects' })
  async programmeCount(@Root() cluster: Cluster, @Ctx() { loaders }: Context): Promise<number> {
    return (await loaders.cluster.programmes.load(cluster.id)).length;
  }

  @FieldResolver(() => [Programme], { description: 'Programmes that support the cluster itself (e.g. Interreg BSR platform support)' })
  supportedBy(@Root() cluster: Cluster, @Ctx() { loaders }: Context): Promise<Programme[]> {
    return loaders.cluster.supportedBy.load(cluster.id);
  }

  @FieldResolver(() => [Organization], { description: 'Organizations that coordinate the cluster' })
  coordinators(@Root() cluster: Cluster, @Ctx() { loaders }: Context): Promise<Organization[]> {
    return loaders.cluster.coordinators.load(cluster.id);
  }

  @FieldResolver(() => Region, { nullable: true, description: 'The region the cluster is based in' })
  async region(@Root() cluster: Cluster, @Ctx() { loaders }: Context): Promise<Region | null> {
    const [region] = await loaders.cluster.regions.load(cluster.id);
    return region ?? null;
  }

  @FieldResolver(() => [ThematicArea], { description: 'Thematic areas the cluster focuses on' })
  themes(@Root() cluster: Cluster, @Ctx() { loaders }: Context): Promise<ThematicArea[]> {
    return loaders.cluster.themes.load(cluster.id);
  }

  @FieldResolver(() => [Event], { description: 'Events where the cluster was presented' })
  presentedAt(@Root() cluster: Cluster, @Ctx() { loaders }: Context): Promise<Event[]> {
    return loaders.cluster.presentedAt.load(cluster.id);
  }
}
