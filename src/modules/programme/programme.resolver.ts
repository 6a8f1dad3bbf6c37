/** Responsible for the programme queries: one by id, and the filtered, sorted, paginated list. Relationship fields are generated (relationships/). */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, ID, Info, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { NotFoundError } from '../../errors';
import { pageWindow, toConnection } from '../shared/pagination';
import { selectsField } from '../shared/selection';
import { ProgrammesArgs } from './programme.args';
import { Programme, ProgrammeConnection } from './programme.type';

@Resolver(() => Programme)
export class ProgrammeResolver {
  @Query(() => Programme, { description: 'One programme by id; NOT_FOUND if there is none' })
  async programme(@Arg('id', () => ID) id: string, @Ctx() { nodes }: Context): Promise<Programme> {
    const found = await nodes.programme.load(id);
    if (!found) throw new NotFoundError('Programme', id);
    return found;
  }

  @Query(() => ProgrammeConnection, { description: 'Programmes, filtered, sorted and paginated' })
  async programmes(@Args() args: ProgrammesArgs, @Ctx() { repositories, maxPageSize }: Context, @Info() info: GraphQLResolveInfo) {
    const window = pageWindow(args, maxPageSize);
    return toConnection(await repositories.programme.list(args.filter, args.sort, window, selectsField(info, 'totalCount')));
  }
}
