import { Arg, Args, Ctx, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { NotFoundError } from '../../errors';
import { Cluster } from '../cluster/cluster.type';
import { Event } from '../event/event.type';
import { Person } from '../person/person.type';
import { Programme } from '../programme/programme.type';
import { Participation } from '../project/project.type';
import { Region } from '../region/region.type';
import { connectionTypes, pageWindow, toConnection } from '../shared/pagination';
import { OrganizationsArgs } from './organization.args';
import { Organization } from './organization.type';

@ObjectType()
export class OrganizationConnection extends connectionTypes(Organization, 'Organization') {}

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => Organization, { description: 'One organization by id; NOT_FOUND if there is none' })
  async organization(@Arg('id', () => ID) id: string, @Ctx() { loaders }: Context): Promise<Organization> {
    const organization = await loaders.organization.byId.load(id);
    if (!organization) throw new NotFoundError('Organization', id);
    return organization;
  }

  @Query(() => OrganizationConnection, { description: 'Organizations, filtered, sorted and paginated' })
  async organizations(@Args() args: OrganizationsArgs, @Ctx() { repositories, maxPageSize }: Context) {
    const window = pageWindow(args, maxPageSize);
    return toConnection(await repositories.organization.list(args.filter, args.sort, window), window);
  }

  @FieldResolver(() => [Participation], { description: 'The projects it takes part in, with its role in each' })
  participations(@Root() organization: Organization, @Ctx() { loaders }: Context): Promise<Participation[]> {
    return loaders.organization.participations.load(organization.id);
  }

  @FieldResolver(() => Region, { nullable: true, description: 'The region it is based in' })
  async region(@Root() organization: Organization, @Ctx() { loaders }: Context): Promise<Region | null> {
    const [region] = await loaders.organization.regions.load(organization.id);
    return region ?? null;
  }

  @FieldResolver(() => [Person], { description: 'People who work for it' })
  people(@Root() organization: Organization, @Ctx() { loaders }: Context): Promise<Person[]> {
    return loaders.organization.people.load(organization.id);
  }

  @FieldResolver(() => [Cluster], { description: 'Clusters and platforms it coordinates' })
  coordinates(@Root() organization: Organization, @Ctx() { loaders }: Context): Promise<Cluster[]> {
    return loaders.organization.coordinates.load(organization.id);
  }

  @FieldResolver(() => [Event], { description: 'Events it organized' })
  organized(@Root() organization: Organization, @Ctx() { loaders }: Context): Promise<Event[]> {
    return loaders.organization.organized.load(organization.id);
  }

  @FieldResolver(() => [Programme], { description: 'Distinct programmes funding the projects it takes part in' })
  programmes(@Root() organization: Organization, @Ctx() { loaders }: Context): Promise<Programme[]> {
    return loaders.organization.programmes.load(organization.id);
  }
}
