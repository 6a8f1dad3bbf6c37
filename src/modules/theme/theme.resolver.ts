/** Responsible for the thematic area queries: one by id, and the filtered, sorted, paginated list. Relationship fields are generated (relationships/). */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, ID, Info, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { NotFoundError } from '../../errors';
import { pageWindow, toConnection } from '../shared/pagination';
import { selectsField } from '../shared/selection';
import { ThematicAreasArgs } from './theme.args';
import { ThematicArea, ThematicAreaConnection } from './theme.type';

@Resolver(() => ThematicArea)
export class ThemeResolver {
  @Query(() => ThematicArea, { description: 'One thematic area by id; NOT_FOUND if there is none' })
  async thematicArea(@Arg('id', () => ID) id: string, @Ctx() { nodes }: Context): Promise<ThematicArea> {
    const found = await nodes.theme.load(id);
    if (!found) throw new NotFoundError('ThematicArea', id);
    return found;
  }

  @Query(() => ThematicAreaConnection, { description: 'Thematic areas, filtered, sorted and paginated' })
  async thematicAreas(@Args() args: ThematicAreasArgs, @Ctx() { repositories, maxPageSize }: Context, @Info() info: GraphQLResolveInfo) {
    const window = pageWindow(args, maxPageSize);
    return toConnection(await repositories.theme.list(args.filter, args.sort, window, selectsField(info, 'totalCount')));
  }
}
