import { toRegion } from './region.mapper';
import { RegionLevel } from './region.type';

describe('toRegion', () => {
  it('maps stored properties, keeping the stored level as the enum value', () => {
    expect(
      toRegion({ id: 'RU-NWFD', name: 'North-West Federal District', level: 'federal_district', countryCode: 'RU', source: 'article' }),
    ).toEqual({
      id: 'RU-NWFD',
      name: 'North-West Federal District',
      level: RegionLevel.FEDERAL_DISTRICT,
      countryCode: 'RU',
      kind: null,
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
