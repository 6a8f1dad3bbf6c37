import { Arg, Args, Ctx, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { NotFoundError } from '../../errors';
import { Cluster } from '../cluster/cluster.type';
import { Organization } from '../organization/organization.type';
import { Project } from '../project/project.type';
import { Region } from '../region/region.type';
import { connectionTypes, pageWindow, toConnection } from '../shared/pagination';
import { EventsArgs } from './event.args';
import { Event, Speaker } from './event.type';

@ObjectType()
export class EventConnection extends connectionTypes(Event, 'Event') {}

@Resolver(() => Event)
export class EventResolver {
  @Query(() => Event, { description: 'One event by id; NOT_FOUND if there is none' })
  async event(@Arg('id', () => ID) id: string, @Ctx() { loaders }: Context): Promise<Event> {
    const event = await loaders.event.byId.load(id);
    if (!event) throw new NotFoundError('Event', id);
    return event;
  }

  @Query(() => EventConnection, { description: 'Events, filtered, sorted and paginated' })
  async events(@Args() args: EventsArgs, @Ctx() { repositories, maxPageSize }: Context) {
    const window = pageWindow(args, maxPageSize);
    return toConnection(await repositories.event.list(args.filter, args.sort, window), window);
  }

  @FieldResolver(() => Event, { nullable: true, description: 'The larger event this one was held within' })
  async partOf(@Root() event: Event, @Ctx() { loaders }: Context): Promise<Event | null> {
    const [parent] = await loaders.event.partOf.load(event.id);
    return parent ?? null;
  }

  @FieldResolver(() => [Event], { description: 'Events held within this one (e.g. round tables of a forum)' })
  parts(@Root() event: Event, @Ctx() { loaders }: Context): Promise<Event[]> {
    return loaders.event.parts.load(event.id);
  }

  @FieldResolver(() => Region, { nullable: true, description: 'The region the event was held in' })
  async heldIn(@Root() event: Event, @Ctx() { loaders }: Context): Promise<Region | null> {
    const [region] = await loaders.event.heldIn.load(event.id);
    return region ?? null;
  }

  @FieldResolver(() => [Organization])
  organizers(@Root() event: Event, @Ctx() { loaders }: Context): Promise<Organization[]> {
    return loaders.event.organizers.load(event.id);
  }

  @FieldResolver(() => [Speaker], { description: 'People who spoke, with their topics' })
  speakers(@Root() event: Event, @Ctx() { loaders }: Context): Promise<Speaker[]> {
    return loaders.event.speakers.load(event.id);
  }

  @FieldResolver(() => [Cluster], { description: 'Clusters presented at the event' })
  presentedClusters(@Root() event: Event, @Ctx() { loaders }: Context): Promise<Cluster[]> {
    return loaders.event.presentedClusters.load(event.id);
  }

  @FieldResolver(() => [Project], { description: 'Projects presented at the event' })
  presentedProjects(@Root() event: Event, @Ctx() { loaders }: Context): Promise<Project[]> {
    return loaders.event.presentedProjects.load(event.id);
  }

  @FieldResolver(() => [Project], { description: 'Projects whose partnership agreement was signed at the event' })
  agreementsSigned(@Root() event: Event, @Ctx() { loaders }: Context): Promise<Project[]> {
    return loaders.event.agreementsSigned.load(event.id);
  }
}
