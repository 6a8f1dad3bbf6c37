/**
 * Precision and recall of organization matching on a hand-labelled sample of 200 candidate
 * pairs from the keep.eu export the repository carries (fixtures/LABELLING.md says how the
 * pairs were drawn and labelled). The labels were made by reading the names, never from
 * the matcher's output; the matcher runs here without the curated decisions, so the
 * figures are those of the scores alone.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { fromRoot } from '../../paths';
import { convertKeepEu } from '../keep-eu/convert';
import { readKeepEuExport } from '../keep-eu/read-export';
import { recordKey, type MatchResult } from './match-organizations';

interface LabelledPair {
  pair: string;
  country: string;
  name_a: string;
  name_b: string;
  label: 'same' | 'different';
  why: string;
}

const SAMPLE = path.join(__dirname, 'fixtures', 'labelled-pairs.csv');
const pairs = parse(readFileSync(SAMPLE, 'utf8'), { columns: true, bom: true }) as LabelledPair[];

describe('organization matching on the hand-labelled keep.eu sample', () => {
  let matching: MatchResult;
  beforeAll(async () => {
    const source = await readKeepEuExport(fromRoot('seed', 'keep-eu', 'keep_closed_1420.xlsx'));
    matching = convertKeepEu(source, { source: 'keep-eu', sourceUrl: 'https://keep.eu/', knownRegions: new Set() }).organizationMatching as MatchResult;
  }, 60_000);

  it('is a sample of at least 150 labelled pairs of records the export really has', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(150);
    expect(new Set(pairs.map((pair) => pair.label))).toEqual(new Set(['same', 'different']));
    const records = new Set(matching.groups.flatMap((group) => group.members.map((member) => recordKey(member.record.countryCode, member.record.name))));
    const missing = pairs.filter((pair) => !records.has(recordKey(pair.country, pair.name_a)) || !records.has(recordKey(pair.country, pair.name_b)));
    expect(missing.map((pair) => pair.pair)).toEqual([]);
  });

  it('joins labelled-same pairs with recall of at least 0.75 and precision of at least 0.95', () => {
    const groupOf = new Map<string, number>();
    matching.groups.forEach((group, index) => group.members.forEach((member) => groupOf.set(recordKey(member.record.countryCode, member.record.name), index)));
    const joined = (pair: LabelledPair) => groupOf.get(recordKey(pair.country, pair.name_a)) === groupOf.get(recordKey(pair.country, pair.name_b));
    const truePositives = pairs.filter((pair) => pair.label === 'same' && joined(pair)).length;
    const falsePositives = pairs.filter((pair) => pair.label === 'different' && joined(pair)).length;
    const falseNegatives = pairs.filter((pair) => pair.label === 'same' && !joined(pair)).length;
    const precision = truePositives / (truePositives + falsePositives);
    const recall = truePositives / (truePositives + falseNegatives);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.75);
  });
});
