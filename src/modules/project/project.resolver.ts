import { Arg, Args, Ctx, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { NotFoundError } from '../../errors';
import { Cluster } from '../cluster/cluster.type';
import { Event } from '../event/event.type';
import { Organization } from '../organization/organization.type';
import { Programme } from '../programme/programme.type';
import { Region } from '../region/region.type';
import { ThematicArea } from '../theme/theme.type';
import { connectionTypes, pageWindow, toConnection } from '../shared/pagination';
import { ProjectsArgs } from './project.args';
import { Participation, Project } from './project.type';

@ObjectType()
export class ProjectConnection extends connectionTypes(Project, 'Project') {}

@Resolver(() => Project)
export class ProjectResolver {
  @Query(() => Project, { description: 'One project by id; NOT_FOUND if there is none' })
  async project(@Arg('id', () => ID) id: string, @Ctx() { loaders }: Context): Promise<Project> {
    const project = await loaders.project.byId.load(id);
    if (!project) throw new NotFoundError('Project', id);
    return project;
  }

  @Query(() => ProjectConnection, { description: 'Projects, filtered, sorted and paginated' })
  async projects(@Args() args: ProjectsArgs, @Ctx() { repositories, maxPageSize }: Context) {
    const window = pageWindow(args, maxPageSize);
    return toConnection(await repositories.project.list(args.filter, args.sort, window), window);
  }

  @FieldResolver(() => Programme, { nullable: true, description: 'The programme that funds the project' })
  async programme(@Root() project: Project, @Ctx() { loaders }: Context): Promise<Programme | null> {
    const [programme] = await loaders.project.programmes.load(project.id);
    return programme ?? null;
  }

  @FieldResolver(() => [Participation], { description: 'Partner organizations with their roles' })
  partners(@Root() project: Project, @Ctx() { loaders }: Context): Promise<Participation[]> {
    return loaders.project.participants.load(project.id);
  }

  @FieldResolver(() => [Region], { description: 'Regions the project works in' })
  regions(@Root() project: Project, @Ctx() { loaders }: Context): Promise<Region[]> {
    return loaders.project.regions.load(project.id);
  }

  @FieldResolver(() => [ThematicArea])
  themes(@Root() project: Project, @Ctx() { loaders }: Context): Promise<ThematicArea[]> {
    return loaders.project.themes.load(project.id);
  }

  @FieldResolver(() => [Cluster], { description: 'Clusters and platforms the project belongs to' })
  clusters(@Root() project: Project, @Ctx() { loaders }: Context): Promise<Cluster[]> {
    return loaders.project.clusters.load(project.id);
  }

  @FieldResolver(() => [Event], { description: 'Events where the project was presented' })
  presentedAt(@Root() project: Project, @Ctx() { loaders }: Context): Promise<Event[]> {
    return loaders.project.presentedAt.load(project.id);
  }

  @FieldResolver(() => [Event], { description: 'Events where the project’s partnership agreement was signed' })
  agreementSignedAt(@Root() project: Project, @Ctx() { loaders }: Context): Promise<Event[]> {
    return loaders.project.agreementSignedAt.load(project.id);
  }
}

@Resolver(() => Participation)
export class ParticipationResolver {
  @FieldResolver(() => Organization)
  async organization(@Root() participation: Participation, @Ctx() { loaders }: Context): Promise<Organization> {
    const organization = await loaders.organization.byId.load(participation.organizationId);
    if (!organization) throw new NotFoundError('Organization', participation.organizationId);
    return organization;
  }

  @FieldResolver(() => Project)
  async project(@Root() participation: Participation, @Ctx() { loaders }: Context): Promise<Project> {
    const project = await loaders.project.byId.load(participation.projectId);
    if (!project) throw new NotFoundError('Project', participation.projectId);
    return project;
  }
}
