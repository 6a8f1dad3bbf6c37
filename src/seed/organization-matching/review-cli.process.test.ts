/**
 * `npm run orgs:review` on the keep.eu fixture slice: the pairs it lists are pairs of names
 * the slice's partner rows state, in one country, best first, below the merge threshold; the
 * CSV it prints reads back as curated decisions once decided; bad options exit 2.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { fromRoot } from '../../paths';
import { readCuratedDecisions } from './curated-decisions';

const FIXTURES = fromRoot('src', 'seed', 'keep-eu', 'fixtures');
const review = (args: string[]) =>
  spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', fromRoot('src', 'seed', 'organization-matching', 'review-cli.ts'), ...args], {
    cwd: fromRoot(),
    encoding: 'utf8',
    timeout: 120_000,
  });

const partners = parse(fs.readFileSync(path.join(FIXTURES, 'partners.csv'), 'utf8'), { columns: true, delimiter: ';' }) as Array<Record<string, string>>;
const statedIn = new Set(partners.map((row) => `${row['Country code'].slice(0, 2)}|${row['Project Partner'].replace(/\s+/g, ' ').trim()}`));

describe('npm run orgs:review', () => {
  it('lists pairs of stated names of one country, best first, each below the merge threshold, with its evidence', () => {
    const run = review([FIXTURES, '--json', '--limit', '0', '--min-score', '0']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.total).toBe(report.pairs.length);
    expect(report.pairs.length).toBeGreaterThan(0);
    const scores = report.pairs.map((pair: { score: number }) => pair.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const pair of report.pairs) {
      expect(pair.a.countryCode).toBe(pair.b.countryCode);
      expect(statedIn.has(`${pair.a.countryCode}|${pair.a.name}`) && statedIn.has(`${pair.b.countryCode}|${pair.b.name}`)).toBe(true);
      expect(pair.score).toBeLessThan(report.thresholds.merge);
      expect(pair.reasons.length).toBeGreaterThan(0);
    }
  }, 120_000);

  it('prints rows of the curated file that read back as decisions once decided', () => {
    const run = review([FIXTURES, '--csv', '--limit', '3', '--min-score', '0']);
    expect(run.status).toBe(0);
    const [header, ...rows] = run.stdout.split('\n').filter((line) => line !== '');
    expect(header).toBe('name,country,other_name,other_country,decision,note');
    expect(rows.length).toBeGreaterThan(0);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'coopgraph-review-')), 'organization-matches.csv');
    const records = parse(run.stdout, { columns: true }) as Array<Record<string, string>>;
    const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;
    fs.writeFileSync(file, [header, ...records.map((record) => [record.name, record.country, record.other_name, record.other_country, 'different', record.note].map(quote).join(','))].join('\n'));
    const read = readCuratedDecisions(file);
    expect(read.problems).toEqual([]);
    expect(read.decisions.map((decision) => [decision.name, decision.otherName])).toEqual(records.map((record) => [record.name, record.other_name]));
  }, 120_000);

  it('refuses a score outside 0 to 1 with exit 2, naming the option', () => {
    const run = review(['--min-score', '2']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--min-score: expected a number from 0 to 1, got "2"');
  }, 120_000);
});
