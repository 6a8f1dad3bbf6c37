import { RegionLevel, type Region } from '../region/region.type';
import { toProgramme, toProgrammeCoverage } from './programme.mapper';

const stored = {
  id: 'interreg-bsr-2014-2020',
  name: 'Interreg Baltic Sea Region 2014-2020',
  shortName: 'Interreg BSR',
  kind: 'Interreg V-B',
  source: 'article',
};

describe('toProgramme', () => {
  it('maps absent optional properties to null', () => {
    expect(toProgramme(stored)).toEqual({
      ...stored,
      period: null,
      areaAsStated: null,
      managingAuthority: null,
      budgetAsStated: null,
      platformCallOpen: null,
      sourceUrls: [],
    });
  });

  it('keeps a stored false for platformCallOpen apart from an absent one', () => {
    expect(toProgramme({ ...stored, platformCallOpen: false }).platformCallOpen).toBe(false);
    expect(toProgramme({ ...stored, platformCallOpen: true }).platformCallOpen).toBe(true);
  });
});

describe('toProgrammeCoverage', () => {
  it('takes eligibility and provenance from the relationship, not the region', () => {
    const region: Region = {
      id: 'FI1D1',
      name: 'Etelä-Savo',
      level: RegionLevel.NUTS3,
      countryCode: 'FI',
      kind: null,
      source: 'nuts2013',
      sourceUrls: [],
    };
    expect(toProgrammeCoverage({ eligibility: 'core', source: 'cbc', sourceUrl: 'https://a.example ; https://b.example' }, region)).toEqual({
      eligibility: 'core',
      region,
      source: 'cbc',
      sourceUrls: ['https://a.example', 'https://b.example'],
    });
  });
});
