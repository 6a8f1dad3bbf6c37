import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CURATED_DECISION_COLUMNS, readCuratedDecisions } from './curated-decisions';

const written = (text: string) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'coopgraph-decisions-')), 'organization-matches.csv');
  fs.writeFileSync(file, text);
  return file;
};
const header = `${CURATED_DECISION_COLUMNS.join(',')}\n`;

describe('readCuratedDecisions', () => {
  it('reads same and different decisions, a country left empty where the row states none', () => {
    const file = written(`${header}University of Tartu,EE,Tartu Ülikool,EE,same,one university\nCommittee of X,,State Committee of X,RU,different,\n`);
    expect(readCuratedDecisions(file)).toEqual({
      decisions: [
        { name: 'University of Tartu', countryCode: 'EE', otherName: 'Tartu Ülikool', otherCountryCode: 'EE', verdict: 'same', at: 'organization-matches.csv line 2' },
        { name: 'Committee of X', countryCode: '', otherName: 'State Committee of X', otherCountryCode: 'RU', verdict: 'different', at: 'organization-matches.csv line 3' },
      ],
      problems: [],
    });
  });

  it('lists every bad cell with its line and field, and keeps none of the bad rows', () => {
    const file = written(`${header}A,EE,B,EE,same,\n,Estonia,B,EE,maybe,\nC,EE,,ee,different,\n`);
    const { decisions, problems } = readCuratedDecisions(file);
    expect(decisions).toHaveLength(1);
    expect(problems).toEqual([
      { file: 'organization-matches.csv', row: 3, field: 'name', message: 'is required but empty' },
      { file: 'organization-matches.csv', row: 3, field: 'country', message: expect.stringContaining('"Estonia" is not a two-letter country code') },
      { file: 'organization-matches.csv', row: 3, field: 'decision', message: '"maybe" is not same or different' },
      { file: 'organization-matches.csv', row: 4, field: 'other_name', message: 'is required but empty' },
      { file: 'organization-matches.csv', row: 4, field: 'other_country', message: expect.stringContaining('"ee" is not a two-letter country code') },
    ]);
  });

  it('refuses a file without the columns, naming the missing ones', () => {
    const { problems } = readCuratedDecisions(written('name,other_name,decision\nA,B,same\n'));
    expect(problems).toEqual([{ file: 'organization-matches.csv', row: 1, field: 'country, other_country, note', message: expect.stringContaining('the header must be') }]);
  });

  it('reads an absent file as no decisions', () => {
    expect(readCuratedDecisions(path.join(os.tmpdir(), 'no-such-dir-coopgraph', 'organization-matches.csv'))).toEqual({ decisions: [], problems: [] });
  });
});
