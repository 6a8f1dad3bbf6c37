/** Responsible for the dataset queries: every dataset, and one by id. */
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { NotFoundError } from '../../errors';
import { Dataset } from './dataset.type';

@Resolver(() => Dataset)
export class DatasetResolver {
  @Query(() => [Dataset], { description: 'Every dataset of the graph with its licence and credit line, by id' })
  datasets(@Ctx() { repositories }: Context): Promise<Dataset[]> {
    return repositories.dataset.all();
  }

  @Query(() => Dataset, { description: 'One dataset by id (what `source` fields hold); NOT_FOUND if there is none' })
  async dataset(@Arg('id', () => ID) id: string, @Ctx() { nodes }: Context): Promise<Dataset> {
    const found = await nodes.dataset.load(id);
    if (!found) throw new NotFoundError('Dataset', id);
    return found;
  }
}
