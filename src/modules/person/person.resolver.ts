/** Responsible for the person queries: one by id, and the filtered, sorted, paginated list. Relationship fields are generated (relationships/). */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, ID, Info, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { NotFoundError } from '../../errors';
import { pageWindow, toConnection } from '../shared/pagination';
import { selectsField } from '../shared/selection';
import { PeopleArgs } from './person.args';
import { Person, PersonConnection } from './person.type';

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, { description: 'One person by id; NOT_FOUND if there is none' })
  async person(@Arg('id', () => ID) id: string, @Ctx() { nodes }: Context): Promise<Person> {
    const found = await nodes.person.load(id);
    if (!found) throw new NotFoundError('Person', id);
    return found;
  }

  @Query(() => PersonConnection, { description: 'People, filtered, sorted and paginated' })
  async people(@Args() args: PeopleArgs, @Ctx() { repositories, maxPageSize }: Context, @Info() info: GraphQLResolveInfo) {
    const window = pageWindow(args, maxPageSize);
    return toConnection(await repositories.person.list(args.filter, args.sort, window, selectsField(info, 'totalCount')));
  }
}
