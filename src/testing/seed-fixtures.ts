/**
 * Responsible for reading the committed seed CSV files directly, so integration tests
 * compute their expected answers from the data itself, independently of the loader,
 * the Cypher and the resolvers under test.
 */
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { fromRoot } from '../paths';
import { byCodeUnits } from './compare';

export type SeedRow = Record<string, string>;

/** Rows of `seed/nodes/<file>.csv`. */
export function seedNodes(file: string): SeedRow[] {
  return [...parsedOnce(fromRoot('seed', 'nodes', `${file}.csv`))];
}

// The seed files are read once per test file: with the keep.eu export they hold tens of
// thousands of rows, and helpers such as regionAndDescendants are called inside loops.
const parsed = new Map<string, readonly SeedRow[]>();
function parsedOnce(file: string): readonly SeedRow[] {
  let rows = parsed.get(file);
  if (!rows) {
    rows = Object.freeze((parse(fs.readFileSync(file, 'utf8'), { columns: true }) as SeedRow[]).map((row) => Object.freeze(row)));
    parsed.set(file, rows);
  }
  return rows;
}

/** Rows of `seed/relationships/<TYPE>.csv`. */
export function seedRelationships(type: string): SeedRow[] {
  return [...parsedOnce(fromRoot('seed', 'relationships', `${type}.csv`))];
}

/** Rows of the repository's curated organization decisions (seed/organization-matches.csv). */
export function curatedOrganizationDecisions(): SeedRow[] {
  return [...parsedOnce(fromRoot('seed', 'organization-matches.csv'))];
}

/** Rows of a relationship file whose `from` and `to` ids belong to the given node files. */
export function seedRelationshipsBetween(type: string, fromFile: string, toFile: string): SeedRow[] {
  const fromIds = new Set(seedNodes(fromFile).map((row) => row.id));
  const toIds = new Set(seedNodes(toFile).map((row) => row.id));
  return seedRelationships(type).filter((row) => fromIds.has(row.from) && toIds.has(row.to));
}

/** Maps each region id to itself and all its sub-regions, from the PART_OF rows. */
export function regionAndDescendants(regionId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const row of seedRelationshipsBetween('PART_OF', 'regions', 'regions')) {
    children.set(row.to, [...(children.get(row.to) ?? []), row.from]);
  }
  const result = new Set<string>([regionId]);
  const queue = [regionId];
  while (queue.length > 0) {
    for (const child of children.get(queue.pop()!) ?? []) {
      if (!result.has(child)) {
        result.add(child);
        queue.push(child);
      }
    }
  }
  return result;
}

/** Project id → programme id, from FUNDED_BY. */
export function programmeOfProject(): Map<string, string> {
  return new Map(seedRelationships('FUNDED_BY').map((row) => [row.from, row.to]));
}

/** Groups values by key. */
export function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/** An empty CSV cell as GraphQL returns an absent property. */
export const orNull = (value: string) => (value === '' ? null : value);

/** The `sourceUrls` a row's `source_url` cell becomes. */
export const sourceUrls = (row: SeedRow) => (row.source_url === '' ? [] : row.source_url.split(' ; '));

/** Rows of `seed/nodes/<file>.csv` by id. */
export function rowsById(file: string): Map<string, SeedRow> {
  return new Map(seedNodes(file).map((row) => [row.id, row]));
}

// The stored sort keys of src/neo4j/derived.ts, computed from seed rows independently of
// the code: lower-cased text (or the date, '~' when missing) + NUL + id, compared by code units.
/** The stored key of a name sort. */
export const nameKey = (row: SeedRow): string => `${row.name.toLowerCase()}\u0000${row.id}`;
/** The stored key of a project title sort (title, else acronym, else id). */
export const titleKey = (row: SeedRow): string => `${(row.title || row.acronym || row.id).toLowerCase()}\u0000${row.id}`;
/** The stored key of a start-date sort. */
export const startKey = (row: SeedRow): string => `${row.start_date || '~'}\u0000${row.id}`;

/** `idList` ordered by `key` over the seed rows in `rows`. */
export const orderedBy =
  (rows: Map<string, SeedRow>, key: (row: SeedRow) => string) =>
  (idList: string[]): string[] =>
    idList
      .map((id) => rows.get(id)!)
      .sort((a, b) => byCodeUnits(key(a), key(b)))
      .map((row) => row.id);
