import { Arg, Args, Ctx, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { NotFoundError } from '../../errors';
import { Cluster } from '../cluster/cluster.type';
import { Event } from '../event/event.type';
import { Organization } from '../organization/organization.type';
import { Programme } from '../programme/programme.type';
import { Project } from '../project/project.type';
import { connectionTypes, pageWindow, toConnection } from '../shared/pagination';
import { RegionsArgs } from './region.args';
import { Region } from './region.type';

@ObjectType()
export class RegionConnection extends connectionTypes(Region, 'Region') {}

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => Region, { description: 'One region by id; NOT_FOUND if there is none' })
  async region(@Arg('id', () => ID) id: string, @Ctx() { loaders }: Context): Promise<Region> {
    const region = await loaders.region.byId.load(id);
    if (!region) throw new NotFoundError('Region', id);
    return region;
  }

  @Query(() => RegionConnection, { description: 'Regions, filtered, sorted and paginated' })
  async regions(@Args() args: RegionsArgs, @Ctx() { repositories, maxPageSize }: Context) {
    const window = pageWindow(args, maxPageSize);
    return toConnection(await repositories.region.list(args.filter, args.sort, window), window);
  }

  @FieldResolver(() => Region, { nullable: true, description: 'The region this one is part of; null for a country' })
  async parent(@Root() region: Region, @Ctx() { loaders }: Context): Promise<Region | null> {
    const [parent] = await loaders.region.parent.load(region.id);
    return parent ?? null;
  }

  @FieldResolver(() => [Region], { description: 'Regions directly part of this one' })
  children(@Root() region: Region, @Ctx() { loaders }: Context): Promise<Region[]> {
    return loaders.region.children.load(region.id);
  }

  @FieldResolver(() => [Region], { description: 'Every region this one lies in, nearest first (up to the country)' })
  ancestors(@Root() region: Region, @Ctx() { loaders }: Context): Promise<Region[]> {
    return loaders.region.ancestors.load(region.id);
  }

  @FieldResolver(() => [Project], { description: 'Projects located in the region' })
  projects(
    @Root() region: Region,
    @Arg('includeSubRegions', () => Boolean, { defaultValue: true, description: 'Also projects located in its sub-regions' })
    includeSubRegions: boolean,
    @Ctx() { loaders }: Context,
  ): Promise<Project[]> {
    return (includeSubRegions ? loaders.region.projectsWithSubRegions : loaders.region.projects).load(region.id);
  }

  @FieldResolver(() => [Organization], { description: 'Organizations based in the region' })
  organizations(
    @Root() region: Region,
    @Arg('includeSubRegions', () => Boolean, { defaultValue: true, description: 'Also organizations based in its sub-regions' })
    includeSubRegions: boolean,
    @Ctx() { loaders }: Context,
  ): Promise<Organization[]> {
    return (includeSubRegions ? loaders.region.organizationsWithSubRegions : loaders.region.organizations).load(region.id);
  }

  @FieldResolver(() => [Programme], { description: 'Programmes whose area includes the region: they cover it or a region it lies in' })
  programmes(@Root() region: Region, @Ctx() { loaders }: Context): Promise<Programme[]> {
    return loaders.region.programmes.load(region.id);
  }

  @FieldResolver(() => [Cluster], { description: 'Clusters based in the region (only this region, not its sub-regions)' })
  clusters(@Root() region: Region, @Ctx() { loaders }: Context): Promise<Cluster[]> {
    return loaders.region.clusters.load(region.id);
  }

  @FieldResolver(() => [Event], { description: 'Events held in the region (only this region, not its sub-regions)' })
  events(@Root() region: Region, @Ctx() { loaders }: Context): Promise<Event[]> {
    return loaders.region.events.load(region.id);
  }
}
