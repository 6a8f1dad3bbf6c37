/** Responsible for the event queries: one by id, and the filtered, sorted, paginated list. Relationship fields are generated (relationships/). */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, ID, Info, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { NotFoundError } from '../../errors';
import { pageWindow, toConnection } from '../shared/pagination';
import { selectsField } from '../shared/selection';
import { EventsArgs } from './event.args';
import { Event, EventConnection } from './event.type';

@Resolver(() => Event)
export class EventResolver {
  @Query(() => Event, { description: 'One event by id; NOT_FOUND if there is none' })
  async event(@Arg('id', () => ID) id: string, @Ctx() { nodes }: Context): Promise<Event> {
    const found = await nodes.event.load(id);
    if (!found) throw new NotFoundError('Event', id);
    return found;
  }

  @Query(() => EventConnection, { description: 'Events, filtered, sorted and paginated' })
  async events(@Args() args: EventsArgs, @Ctx() { repositories, maxPageSize }: Context, @Info() info: GraphQLResolveInfo) {
    const window = pageWindow(args, maxPageSize);
    return toConnection(await repositories.event.list(args.filter, args.sort, window, selectsField(info, 'totalCount')));
  }
}
