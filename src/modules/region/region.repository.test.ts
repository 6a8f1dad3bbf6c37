import type { Executor } from '../../neo4j/executor';
import { SortDirection } from '../shared/pagination';
import { RegionSortField } from './region.args';
import { regionListStatements } from './region.cypher';
import { RegionRepository, toRegion } from './region.repository';
import { RegionLevel } from './region.type';

function fakeExecutor() {
  const read = jest.fn().mockResolvedValue([{ unknownReferences: [], totalCount: 0, items: [] }]);
  return { executor: { read } as unknown as Executor, read };
}

describe('toRegion', () => {
  it('maps stored properties, keeping the stored level as the enum value', () => {
    expect(
      toRegion({ id: 'RU-NWFD', name: 'North-West Federal District', level: 'federal_district', countryCode: 'RU', source: 'article' }),
    ).toEqual({
      id: 'RU-NWFD',
      name: 'North-West Federal District',
      level: RegionLevel.FEDERAL_DISTRICT,
      countryCode: 'RU',
      source: 'article',
      sourceUrls: [],
    });
  });

  it('rejects a level outside RegionLevel rather than passing it to the schema', () => {
    expect(() => toRegion({ id: 'XX1', name: 'X', level: 'nuts1', countryCode: 'XX', source: 'nuts2013' })).toThrow(
      'Stored region "XX1" has unknown level "nuts1"',
    );
  });
});

describe('RegionRepository.list', () => {
  it('upper-cases the country code and sends absent filters as null', async () => {
    const { executor, read } = fakeExecutor();
    await new RegionRepository(executor).list({ countryCode: ' fi ', text: '  ' }, undefined, { offset: 0, limit: 20 });
    expect(read).toHaveBeenCalledWith(regionListStatements[RegionSortField.NAME][SortDirection.ASC], {
      level: null,
      withinId: null,
      countryCode: 'FI',
      text: null,
      offset: 0,
      limit: 20,
    });
  });

  it('treats a blank country code as no filter', async () => {
    const { executor, read } = fakeExecutor();
    await new RegionRepository(executor).list({ countryCode: ' ' }, undefined, { offset: 0, limit: 20 });
    expect(read.mock.calls[0][1]).toMatchObject({ countryCode: null });
  });

  it('runs the statement of the requested sort key and direction', async () => {
    const { executor, read } = fakeExecutor();
    await new RegionRepository(executor).list(undefined, { field: RegionSortField.LEVEL, direction: SortDirection.DESC }, {
      offset: 20,
      limit: 10,
    });
    expect(read.mock.calls[0][0]).toBe(regionListStatements[RegionSortField.LEVEL][SortDirection.DESC]);
  });
});
