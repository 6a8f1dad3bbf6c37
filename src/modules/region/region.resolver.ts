/** Responsible for the region queries: one by id, and the filtered, sorted, paginated list. Relationship fields are generated (relationships/). */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, ID, Info, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { NotFoundError } from '../../errors';
import { pageWindow, toConnection } from '../shared/pagination';
import { selectsField } from '../shared/selection';
import { RegionsArgs } from './region.args';
import { Region, RegionConnection } from './region.type';

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => Region, { description: 'One region by id; NOT_FOUND if there is none' })
  async region(@Arg('id', () => ID) id: string, @Ctx() { nodes }: Context): Promise<Region> {
    const found = await nodes.region.load(id);
    if (!found) throw new NotFoundError('Region', id);
    return found;
  }

  @Query(() => RegionConnection, { description: 'Regions, filtered, sorted and paginated' })
  async regions(@Args() args: RegionsArgs, @Ctx() { repositories, maxPageSize }: Context, @Info() info: GraphQLResolveInfo) {
    const window = pageWindow(args, maxPageSize);
    return toConnection(await repositories.region.list(args.filter, args.sort, window, selectsField(info, 'totalCount')));
  }
}
