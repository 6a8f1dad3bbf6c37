import { Arg, Args, Ctx, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { NotFoundError } from '../../errors';
import { Cluster } from '../cluster/cluster.type';
import { Project } from '../project/project.type';
import { connectionTypes, pageWindow, toConnection } from '../shared/pagination';
import { ThematicAreasArgs } from './theme.args';
import { ThematicArea } from './theme.type';

@ObjectType()
export class ThematicAreaConnection extends connectionTypes(ThematicArea, 'ThematicArea') {}

@Resolver(() => ThematicArea)
export class ThemeResolver {
  @Query(() => ThematicArea, { description: 'One thematic area by id; NOT_FOUND if there is none' })
  async thematicArea(@Arg('id', () => ID) id: string, @Ctx() { loaders }: Context): Promise<ThematicArea> {
    const thematicArea = await loaders.theme.byId.load(id);
    if (!thematicArea) throw new NotFoundError('ThematicArea', id);
    return thematicArea;
  }

  @Query(() => ThematicAreaConnection, { description: 'Thematic areas, filtered, sorted and paginated' })
  async thematicAreas(@Args() args: ThematicAreasArgs, @Ctx() { repositories, maxPageSize }: Context) {
    const window = pageWindow(args, maxPageSize);
    return toConnection(await repositories.theme.list(args.filter, args.sort, window), window);
  }

  @FieldResolver(() => [Project], { description: 'Projects addressing the thematic area, by title' })
  projects(@Root() thematicArea: ThematicArea, @Ctx() { loaders }: Context): Promise<Project[]> {
    return loaders.theme.projects.load(thematicArea.id);
  }

  @FieldResolver(() => [Cluster], { description: 'Clusters focusing on the thematic area' })
  clusters(@Root() thematicArea: ThematicArea, @Ctx() { loaders }: Context): Promise<Cluster[]> {
    return loaders.theme.clusters.load(thematicArea.id);
  }
}
