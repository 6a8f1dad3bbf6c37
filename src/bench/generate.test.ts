import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { validateSeedDir } from '../seed/validate';
import { generateGraph, TEXT_WORD } from './generate';
import { fulltextPrefixQuery } from './floor';

const SCALE = 300;

function rows(folder: string, file: string): Array<Record<string, string>> {
  return parse(fs.readFileSync(path.join(folder, file), 'utf8'), { columns: true }) as Array<Record<string, string>>;
}

function countBy(values: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

describe('benchmark graph generator', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-generate-'));
  const first = generateGraph(SCALE, path.join(root, 'one'));
  const second = generateGraph(SCALE, path.join(root, 'two'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('writes the same files for the same scale (seeded, no Math.random)', () => {
    for (const file of Object.keys(first.rows)) {
      expect(fs.readFileSync(path.join(second.folder, file), 'utf8')).toBe(fs.readFileSync(path.join(first.folder, file), 'utf8'));
    }
  });

  it('passes the seed validator: headers, types, provenance and endpoints', async () => {
    expect((await validateSeedDir(first.folder)).errors).toEqual([]);
  });

  it('gives every project one programme, 2–8 partners with exactly one lead, 1–3 regions and 1–2 themes', () => {
    const projects = rows(first.folder, 'nodes/projects.csv').map((row) => row.id);
    expect(projects).toHaveLength(SCALE);
    const participations = rows(first.folder, 'relationships/PARTICIPATES_IN.csv');
    const partners = countBy(participations.map((row) => row.to));
    const leads = countBy(participations.filter((row) => row.role === 'lead').map((row) => row.to));
    const funded = countBy(rows(first.folder, 'relationships/FUNDED_BY.csv').map((row) => row.from));
    const regions = countBy(rows(first.folder, 'relationships/LOCATED_IN.csv').map((row) => row.from));
    const themes = countBy(rows(first.folder, 'relationships/ADDRESSES.csv').map((row) => row.from));
    for (const id of projects) {
      expect(funded.get(id)).toBe(1);
      expect(leads.get(id)).toBe(1);
      expect(partners.get(id)).toBeGreaterThanOrEqual(2);
      expect(partners.get(id)).toBeLessThanOrEqual(8);
      expect(regions.get(id)).toBeGreaterThanOrEqual(1);
      expect(regions.get(id)).toBeLessThanOrEqual(3);
      expect(themes.get(id)).toBeGreaterThanOrEqual(1);
      expect(themes.get(id)).toBeLessThanOrEqual(2);
    }
  });

  it('makes organization popularity heavy-tailed and reports the busiest one', () => {
    const perOrganization = countBy(rows(first.folder, 'relationships/PARTICIPATES_IN.csv').map((row) => row.from));
    const sortedCounts = [...perOrganization.values()].sort((a, b) => b - a);
    expect(first.busiestOrganization.participations).toBe(sortedCounts[0]);
    expect(perOrganization.get(first.busiestOrganization.id)).toBe(sortedCounts[0]);
    // The busiest takes part in several times the median organization's share.
    expect(sortedCounts[0]).toBeGreaterThan(3 * sortedCounts[Math.floor(sortedCounts.length / 2)]);
  });

  it('copies the real regions with their hierarchy and puts a real share of projects in Germany', () => {
    const seedRegions = rows(path.resolve(__dirname, '..', '..', 'seed'), 'nodes/regions.csv');
    expect(rows(first.folder, 'nodes/regions.csv')).toEqual(seedRegions);
    const located = rows(first.folder, 'relationships/LOCATED_IN.csv');
    const german = new Set(located.filter((row) => row.to.startsWith('DE')).map((row) => row.from));
    expect(german.size / SCALE).toBeGreaterThan(0.2);
    expect(german.size / SCALE).toBeLessThan(0.7);
    expect(rows(first.folder, 'relationships/PART_OF.csv').some((row) => row.from === 'DE1' && row.to === 'DE')).toBe(true);
  });

  it('groups 5–15 projects per cluster and titles the search word in a few percent of projects', () => {
    const members = countBy(rows(first.folder, 'relationships/MEMBER_OF.csv').map((row) => row.to));
    for (const count of members.values()) {
      expect(count).toBeGreaterThanOrEqual(5);
      expect(count).toBeLessThanOrEqual(15);
    }
    const titles = rows(first.folder, 'nodes/projects.csv').map((row) => row.title.toLowerCase().split(' '));
    const withWord = titles.filter((words) => words.includes(TEXT_WORD)).length;
    expect(withWord / SCALE).toBeGreaterThan(0.01);
    expect(withWord / SCALE).toBeLessThan(0.2);
  });

  it('refuses a scale that is not a whole number of at least 100, naming it', () => {
    expect(() => generateGraph(12.5, path.join(root, 'bad'))).toThrow('scale must be a whole number of projects, at least 100 (got 12.5)');
  });
});

describe('fulltextPrefixQuery', () => {
  it('requires every word as a prefix and escapes Lucene syntax so it is searched literally', () => {
    expect(fulltextPrefixQuery('Water  Lab')).toBe('+water* +lab*');
    expect(fulltextPrefixQuery('a(b) "c" x~ AND*')).toBe('+a\\(b\\)* +\\"c\\"* +x\\~* +and\\**');
  });
});
