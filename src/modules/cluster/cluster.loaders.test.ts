import type { Executor } from '../../neo4j/executor';
import { clusterProgrammesCypher } from './cluster.cypher';
import { createClusterLoaders } from './cluster.loaders';

const programme = (id: string) => ({ id, name: id, shortName: id, kind: 'ENI CBC', source: 'cbc' });

describe('createClusterLoaders', () => {
  it('batches the programmes of several clusters into one statement and answers in key order', async () => {
    const read = jest.fn().mockResolvedValue([
      { id: 'pskov-cluster', programmes: [programme('estonia-russia-2014-2020'), programme('latvia-russia-2014-2020')] },
    ]);
    const loaders = createClusterLoaders({ read } as unknown as Executor);

    const results = await Promise.all(['empty-platform', 'pskov-cluster'].map((id) => loaders.programmes.load(id)));

    expect(read).toHaveBeenCalledTimes(1);
    expect(read).toHaveBeenCalledWith(clusterProgrammesCypher, { ids: ['empty-platform', 'pskov-cluster'] });
    expect(results.map((programmes) => programmes.map(({ id }) => id))).toEqual([
      [],
      ['estonia-russia-2014-2020', 'latvia-russia-2014-2020'],
    ]);
  });
});
