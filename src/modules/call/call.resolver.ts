/** Responsible for the call queries: one by id, and the filtered, sorted, paginated list. Relationship fields are generated (relationships/). */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, ID, Info, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { NotFoundError } from '../../errors';
import { pageWindow, toConnection } from '../shared/pagination';
import { selectsField } from '../shared/selection';
import { CallsArgs } from './call.args';
import { Call, CallConnection } from './call.type';

@Resolver(() => Call)
export class CallResolver {
  @Query(() => Call, { description: 'One call for proposals by id; NOT_FOUND if there is none' })
  async call(@Arg('id', () => ID) id: string, @Ctx() { nodes }: Context): Promise<Call> {
    const found = await nodes.call.load(id);
    if (!found) throw new NotFoundError('Call', id);
    return found;
  }

  @Query(() => CallConnection, { description: 'Calls for proposals, filtered, sorted and paginated' })
  async calls(@Args() args: CallsArgs, @Ctx() { repositories, maxPageSize }: Context, @Info() info: GraphQLResolveInfo) {
    const window = pageWindow(args, maxPageSize);
    return toConnection(await repositories.call.list(args.filter, args.sort, window, selectsField(info, 'totalCount')));
  }
}
