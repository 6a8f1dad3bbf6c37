/** Responsible for Query.projectByExternalId; Project.externalIds is generated (relationships/). */
import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { Project } from '../project/project.type';
import { ExternalIdArgs, externalIdKeyOf } from './external-id.args';

@Resolver()
export class ExternalIdResolver {
  @Query(() => Project, { nullable: true, description: 'The project a source knows by this identifier, or null when no project has it' })
  projectByExternalId(@Args() args: ExternalIdArgs, @Ctx() { projectsByExternalId }: Context): Promise<Project | null> {
    return projectsByExternalId.load(externalIdKeyOf(args));
  }
}
