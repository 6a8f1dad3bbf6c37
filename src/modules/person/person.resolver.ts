import { Arg, Args, Ctx, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { NotFoundError } from '../../errors';
import { connectionTypes, pageWindow, toConnection } from '../shared/pagination';
import { PeopleArgs } from './person.args';
import { Employment, Person, Talk } from './person.type';

@ObjectType()
export class PersonConnection extends connectionTypes(Person, 'Person') {}

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, { description: 'One person by id; NOT_FOUND if there is none' })
  async person(@Arg('id', () => ID) id: string, @Ctx() { loaders }: Context): Promise<Person> {
    const person = await loaders.person.byId.load(id);
    if (!person) throw new NotFoundError('Person', id);
    return person;
  }

  @Query(() => PersonConnection, { description: 'People, filtered, sorted and paginated' })
  async people(@Args() args: PeopleArgs, @Ctx() { repositories, maxPageSize }: Context) {
    const window = pageWindow(args, maxPageSize);
    return toConnection(await repositories.person.list(args.filter, args.sort, window), window);
  }

  @FieldResolver(() => [Employment], { description: 'Organizations the person works for, with the position held' })
  worksFor(@Root() person: Person, @Ctx() { loaders }: Context): Promise<Employment[]> {
    return loaders.person.worksFor.load(person.id);
  }

  @FieldResolver(() => [Talk], { description: 'Events the person spoke at, with the topic' })
  spokeAt(@Root() person: Person, @Ctx() { loaders }: Context): Promise<Talk[]> {
    return loaders.person.spokeAt.load(person.id);
  }
}
