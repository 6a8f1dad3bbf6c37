import type { Executor } from '../../neo4j/executor';
import { regionAncestorsCypher } from './region.cypher';
import { createRegionLoaders } from './region.loaders';

const region = (id: string, level: string) => ({ id, name: id, level, countryCode: 'RU', source: 'iso3166-2' });

describe('createRegionLoaders', () => {
  it('batches the ancestors of several regions into one statement and answers in key order', async () => {
    const read = jest.fn().mockResolvedValue([
      // Rows come back in any order and only for ids that have ancestors.
      { id: 'RU-NWFD', nodes: [region('RU', 'country')] },
      { id: 'RU-PSK', nodes: [region('RU-NWFD', 'federal_district'), region('RU', 'country')] },
    ]);
    const loaders = createRegionLoaders({ read } as unknown as Executor);

    const results = await Promise.all(['RU-PSK', 'RU', 'RU-NWFD'].map((id) => loaders.ancestors.load(id)));

    expect(read).toHaveBeenCalledTimes(1);
    expect(read).toHaveBeenCalledWith(regionAncestorsCypher, { ids: ['RU-PSK', 'RU', 'RU-NWFD'] });
    expect(results.map((ancestors) => ancestors.map(({ id }) => id))).toEqual([['RU-NWFD', 'RU'], [], ['RU']]);
  });
});
