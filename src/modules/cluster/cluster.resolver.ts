/** Responsible for the cluster queries: one by id, and the filtered, sorted, paginated list. Relationship fields are generated (relationships/). */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, ID, Info, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { NotFoundError } from '../../errors';
import { pageWindow, toConnection } from '../shared/pagination';
import { selectsField } from '../shared/selection';
import { ClustersArgs } from './cluster.args';
import { Cluster, ClusterConnection } from './cluster.type';

@Resolver(() => Cluster)
export class ClusterResolver {
  @Query(() => Cluster, { description: 'One cluster by id; NOT_FOUND if there is none' })
  async cluster(@Arg('id', () => ID) id: string, @Ctx() { nodes }: Context): Promise<Cluster> {
    const found = await nodes.cluster.load(id);
    if (!found) throw new NotFoundError('Cluster', id);
    return found;
  }

  @Query(() => ClusterConnection, { description: 'Clusters, filtered, sorted and paginated' })
  async clusters(@Args() args: ClustersArgs, @Ctx() { repositories, maxPageSize }: Context, @Info() info: GraphQLResolveInfo) {
    const window = pageWindow(args, maxPageSize);
    return toConnection(await repositories.cluster.list(args.filter, args.sort, window, selectsField(info, 'totalCount')));
  }
}
