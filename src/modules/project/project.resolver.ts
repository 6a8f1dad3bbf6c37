/** Responsible for the project queries: one by id, and the filtered, sorted, paginated list. Relationship fields are generated (relationships/). */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, ID, Info, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { NotFoundError } from '../../errors';
import { pageWindow, toConnection } from '../shared/pagination';
import { selectsField } from '../shared/selection';
import { ProjectsArgs } from './project.args';
import { Project, ProjectConnection } from './project.type';

@Resolver(() => Project)
export class ProjectResolver {
  @Query(() => Project, { description: 'One project by id; NOT_FOUND if there is none' })
  async project(@Arg('id', () => ID) id: string, @Ctx() { nodes }: Context): Promise<Project> {
    const found = await nodes.project.load(id);
    if (!found) throw new NotFoundError('Project', id);
    return found;
  }

  @Query(() => ProjectConnection, { description: 'Projects, filtered, sorted and paginated' })
  async projects(@Args() args: ProjectsArgs, @Ctx() { repositories, maxPageSize }: Context, @Info() info: GraphQLResolveInfo) {
    const window = pageWindow(args, maxPageSize);
    return toConnection(await repositories.project.list(args.filter, args.sort, window, selectsField(info, 'totalCount')));
  }
}
