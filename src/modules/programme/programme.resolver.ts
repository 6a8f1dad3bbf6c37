import { Arg, Args, Ctx, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { NotFoundError } from '../../errors';
import { Cluster } from '../cluster/cluster.type';
import { Project } from '../project/project.type';
import { connectionTypes, pageWindow, toConnection } from '../shared/pagination';
import { ProgrammesArgs } from './programme.args';
import { Programme, ProgrammeCoverage } from './programme.type';

@ObjectType()
export class ProgrammeConnection extends connectionTypes(Programme, 'Programme') {}

@Resolver(() => Programme)
export class ProgrammeResolver {
  @Query(() => Programme, { description: 'One programme by id; NOT_FOUND if there is none' })
  async programme(@Arg('id', () => ID) id: string, @Ctx() { loaders }: Context): Promise<Programme> {
    const programme = await loaders.programme.byId.load(id);
    if (!programme) throw new NotFoundError('Programme', id);
    return programme;
  }

  @Query(() => ProgrammeConnection, { description: 'Programmes, filtered, sorted and paginated' })
  async programmes(@Args() args: ProgrammesArgs, @Ctx() { repositories, maxPageSize }: Context) {
    const window = pageWindow(args, maxPageSize);
    return toConnection(await repositories.programme.list(args.filter, args.sort, window), window);
  }

  @FieldResolver(() => [Project], { description: 'Projects the programme funds, by title' })
  projects(@Root() programme: Programme, @Ctx() { loaders }: Context): Promise<Project[]> {
    return loaders.programme.projects.load(programme.id);
  }

  @FieldResolver(() => [ProgrammeCoverage], { description: 'Regions of the programme area, core and adjoining' })
  coverage(@Root() programme: Programme, @Ctx() { loaders }: Context): Promise<ProgrammeCoverage[]> {
    return loaders.programme.coverage.load(programme.id);
  }

  @FieldResolver(() => [Cluster], { description: 'Clusters and platforms the programme supports' })
  clusters(@Root() programme: Programme, @Ctx() { loaders }: Context): Promise<Cluster[]> {
    return loaders.programme.clusters.load(programme.id);
  }
}
