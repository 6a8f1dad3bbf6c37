/**
 * The import against a real Neo4j of its own (a scratch instance: these tests write, and
 * the read-only tests beside them must keep seeing exactly the seed): batches are separate
 * transactions, a re-import changes nothing, and a failure part-way leaves the graph
 * exactly as it was, by fingerprint of every label, type and property.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Driver } from 'neo4j-driver';
import { createDriver } from '../neo4j/driver';
import type { Label } from '../neo4j/graph-schema';
import { Executor, type TransactionRunner } from '../neo4j/executor';
import { migrate } from '../neo4j/migrations';
import { fromRoot } from '../paths';
import { regionAndDescendants, seedNodes, seedRelationships, seedRelationshipsBetween } from '../testing/seed-fixtures';
import { type ScratchNeo4j, startScratchNeo4j } from '../testing/test-database';
import { exportGraph, UnknownScopeError } from './export';
import { ImportFailedError, folderSource, importFolder, importSeedFiles } from './import';
import { NODE_FILES, nodeFileOf, RELATIONSHIP_FILES } from './seed-files';
import { SeedValidationError } from './validate';

const SEED_DIR = fromRoot('seed');
const START_TIMEOUT_MS = 5 * 60_000;

let scratch: ScratchNeo4j;
let driver: Driver;
let executor: Executor;

beforeAll(async () => {
  scratch = await startScratchNeo4j();
  driver = createDriver(scratch);
  executor = new Executor(driver, scratch.database);
  await migrate(executor);
}, START_TIMEOUT_MS);

afterAll(async () => {
  await driver?.close();
  await scratch?.stop();
}, START_TIMEOUT_MS);

/** Counts per label and type, and a hash of every node and relationship with its typed properties. */
async function fingerprint() {
  const text = (value: string) => `CASE WHEN valueType(${value}) STARTS WITH 'LIST' THEN reduce(s = '', x IN ${value} | s + '|' + toString(x)) ELSE toString(${value}) END`;
  const typed = (entity: string) => `[k IN keys(${entity}) | k + ':' + valueType(${entity}[k]) + '=' + ${text(`${entity}[k]`)}]`;
  const nodes = await executor.read(`MATCH (n) RETURN labels(n) AS labels, ${typed('n')} AS props`);
  const relationships = await executor.read(
    `MATCH (a)-[r]->(b) RETURN type(r) AS type, labels(a) AS fromLabels, a.id AS from, labels(b) AS toLabels, b.id AS to, ${typed('r')} AS props`,
  );
  const counts: Record<string, number> = {};
  const lines: string[] = [];
  for (const row of nodes) {
    const labels = (row.labels as string[]).sort().join(':');
    counts[labels] = (counts[labels] ?? 0) + 1;
    lines.push(`(${labels} ${(row.props as string[]).sort().join(', ')})`);
  }
  for (const row of relationships) {
    counts[`[${row.type}]`] = (counts[`[${row.type}]`] ?? 0) + 1;
    const end = (labels: unknown, id: unknown) => `${(labels as string[]).sort().join(':')} ${String(id)}`;
    lines.push(`(${end(row.fromLabels, row.from)})-[${row.type} ${(row.props as string[]).sort().join(', ')}]->(${end(row.toLabels, row.to)})`);
  }
  const hash = createHash('sha256').update(lines.sort().join('\n')).digest('hex');
  return { counts, hash, entities: lines.length };
}

async function emptyGraph() {
  await executor.write('MATCH (n) DETACH DELETE n');
}

/** The seed, then changes no seed row describes, so the import must overwrite and an undo restore them. */
async function seededAndChanged() {
  await emptyGraph();
  await importFolder(executor, SEED_DIR);
  await executor.write(`MATCH (r:Region {id: 'AT11'})
    SET r.name = 'changed by a test', r.note = 42, r.flag = true, r.seen = datetime('2020-01-01T10:00:00.123456789+01:00[Europe/Berlin]'),
        r.span = duration('P1DT2H'), r.ratio = 0.1 + 0.2`);
  await executor.write("MATCH (:Organization)-[p:PARTICIPATES_IN]->(:Project {id: 'KO1029'}) SET p.checked = date('2021-02-03'), p.weight = 7");
  // Gone from the graph but present in the seed: the import creates them, an undo removes them again.
  await executor.write("MATCH (p:Project {id: 'KO1001'}) DETACH DELETE p");
  await executor.write("MATCH (:Project {id: 'KO1029'})-[l:LOCATED_IN]->() DELETE l");
  // Not in the seed: the import leaves it alone.
  await executor.write("CREATE (:Region {id: 'ZZ-TEST', name: 'only in this graph', level: 'country', countryCode: 'ZZ'})");
}

/** An executor that fails the Nth write transaction before it starts, and records every statement it runs. */
class FaultyExecutor extends Executor {
  transactions: string[][] = [];
  rowsSeenCommitted = -1;

  constructor(private readonly failOn = Number.POSITIVE_INFINITY) {
    super(driver, scratch.database);
  }

  override async writeTransaction<T>(work: (tx: TransactionRunner) => Promise<T>): Promise<T> {
    if (this.transactions.length + 1 === this.failOn) {
      // Seen from another session: earlier batches are already committed, not pending in one transaction.
      const [row] = await executor.read('MATCH (n) RETURN count(n) AS nodes');
      this.rowsSeenCommitted = Number(row.nodes);
      this.transactions.push([]);
      throw new Error(`injected failure at write transaction ${this.failOn}`);
    }
    const statements: string[] = [];
    this.transactions.push(statements);
    return super.writeTransaction((tx) =>
      work({
        run: (cypher, parameters) => {
          statements.push(cypher);
          return tx.run(cypher, parameters);
        },
      }),
    );
  }
}

/** Write batches the seed needs at `batchSize`, counted from the CSV files: one run per file and endpoint-label pair. */
function expectedBatches(batchSize: number): number {
  const nodeFile = (label: string) => path.basename(NODE_FILES.find((spec) => spec.label === label)!.file, '.csv');
  let batches = 0;
  for (const spec of NODE_FILES) batches += Math.ceil(seedNodes(path.basename(spec.file, '.csv')).length / batchSize);
  for (const spec of RELATIONSHIP_FILES) {
    for (const pair of spec.endpoints) {
      batches += Math.ceil(seedRelationshipsBetween(spec.type, nodeFile(pair.from), nodeFile(pair.to)).length / batchSize);
    }
  }
  return batches;
}

function seedCopy(): string {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'coopgraph-import-'));
  fs.cpSync(SEED_DIR, copy, { recursive: true });
  return copy;
}

describe('importFolder', () => {
  it('writes each batch in its own transaction and loads exactly the rows of the files', async () => {
    await emptyGraph();
    const counting = new FaultyExecutor();
    const report = await importFolder(counting, SEED_DIR, { batchSize: 500 });

    const writes = counting.transactions.filter((statements) => statements.some((cypher) => /^UNWIND \$rows[\s\S]*(MERGE|CREATE)/.test(cypher)));
    // Regions outnumber one batch: one file, several transactions.
    // Into an empty graph every label is new, so its rows are created rather than merged.
    const regionBatches = writes.filter((statements) => statements[0].includes('CREATE (n:Region)'));
    expect(regionBatches).toHaveLength(Math.ceil(seedNodes('regions').length / 500));
    expect(regionBatches.length).toBeGreaterThan(1);
    expect(writes).toHaveLength(expectedBatches(500));
    expect(writes.every((statements) => statements.length === 1)).toBe(true);
    expect(report.batches).toBe(expectedBatches(500));

    for (const spec of NODE_FILES) {
      const [row] = await executor.read(`MATCH (n:${spec.label}) RETURN count(n) AS n`);
      expect({ label: spec.label, count: Number(row.n) }).toEqual({ label: spec.label, count: seedNodes(path.basename(spec.file, '.csv')).length });
      expect(report.counts.nodes[spec.label]).toBe(Number(row.n));
    }
    for (const spec of RELATIONSHIP_FILES) {
      const [row] = await executor.read(`MATCH ()-[r:${spec.type}]->() RETURN count(r) AS n`);
      expect({ type: spec.type, count: Number(row.n) }).toEqual({ type: spec.type, count: seedRelationships(spec.type).length });
    }
    // The derived sort keys were recomputed after the load.
    const [missing] = await executor.read('MATCH (p:Project) WHERE p.sortTitle IS NULL RETURN count(p) AS n');
    expect(Number(missing.n)).toBe(0);
  });

  it('changes nothing when the same folder is imported again, and restores a property changed since', async () => {
    await emptyGraph();
    await importFolder(executor, SEED_DIR);
    const loaded = await fingerprint();
    expect(loaded.entities).toBe(
      NODE_FILES.reduce((sum, spec) => sum + seedNodes(path.basename(spec.file, '.csv')).length, 0) +
        RELATIONSHIP_FILES.reduce((sum, spec) => sum + seedRelationships(spec.type).length, 0),
    );

    await importFolder(executor, SEED_DIR, { batchSize: 250 });
    expect(await fingerprint()).toEqual(loaded);

    await executor.write("MATCH (r:Region {id: 'AT11'}) SET r.name = 'changed by a test'");
    await importFolder(executor, SEED_DIR);
    expect(await fingerprint()).toEqual(loaded);
  });

  it('undoes every committed batch when a later one fails on an empty graph', async () => {
    await emptyGraph();
    const before = await fingerprint();
    const batches = expectedBatches(200);
    const faulty = new FaultyExecutor(batches);

    const failure = await importFolder(faulty, SEED_DIR, { batchSize: 200 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ImportFailedError);
    expect((failure as Error).message).toMatch(/injected failure at write transaction \d+/);
    // The last batch is the last rows of the last relationship file.
    const last = RELATIONSHIP_FILES[RELATIONSHIP_FILES.length - 1];
    const rows = seedRelationships(last.type).length;
    expect((failure as Error).message).toContain(`${last.file} rows ${Math.floor((rows - 1) / 200) * 200 + 1}-${rows}`);
    // Nearly the whole seed was committed when the last batch failed...
    expect(faulty.rowsSeenCommitted).toBeGreaterThan(2000);
    // ...and nothing of it is left.
    expect(await fingerprint()).toEqual(before);
    expect(before.entities).toBe(0);
  });

  it('restores overwritten nodes and relationships, and removes created ones, when a late batch fails', async () => {
    await seededAndChanged();
    const before = await fingerprint();
    const faulty = new FaultyExecutor(expectedBatches(300));

    const failure = await importFolder(faulty, SEED_DIR, { batchSize: 300 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ImportFailedError);
    expect((failure as ImportFailedError).rowsUndone).toBeGreaterThan(4000);
    expect(await fingerprint()).toEqual(before);
    const [region] = await executor.read("MATCH (r:Region {id: 'AT11'}) RETURN r.name AS name, r.note AS note");
    expect(region).toEqual({ name: 'changed by a test', note: 42 });
  });

  it('reads the files again to write them, and undoes everything when one changed since it was validated', async () => {
    await emptyGraph();
    const before = await fingerprint();
    const folder = folderSource(SEED_DIR);
    const changing = 'relationships/MEMBER_OF.csv';
    const opened = new Map<string, number>();
    const source = {
      ...folder,
      open: (file: string) => {
        opened.set(file, (opened.get(file) ?? 0) + 1);
        // The second read (the writing pass) sees the file with its last row edited.
        if (file !== changing || opened.get(file) === 1) return folder.open(file);
        const lines = fs.readFileSync(path.join(SEED_DIR, file), 'utf8').trimEnd().split('\n');
        lines[lines.length - 1] = lines[lines.length - 1].replace(/,illustrative,|,cbc,|,article,/, ',nuts2013,');
        return Readable.from([Buffer.from(`${lines.join('\n')}\n`)]);
      },
    };
    const failure = await importSeedFiles(executor, source, { batchSize: 500 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ImportFailedError);
    expect((failure as Error).message).toContain(`${SEED_DIR}/${changing} changed after it was validated`);
    expect(await fingerprint()).toEqual(before);
    // Read twice, once to validate and once to write: the files are never held in memory.
    expect([opened.get('nodes/projects.csv'), opened.get('relationships/PARTICIPATES_IN.csv'), opened.get(changing)]).toEqual([2, 2, 2]);
  });

  it('rolls the graph back when Neo4j itself rejects a row of a later file', async () => {
    await seededAndChanged();
    const before = await fingerprint();
    const copy = seedCopy();
    // Validation accepts any id, but no range index (and so no uniqueness constraint) holds a key of this size.
    const events = path.join(copy, 'nodes', 'events.csv');
    const lines = fs.readFileSync(events, 'utf8').trimEnd().split('\n');
    lines.push(lines[lines.length - 1].replace(/^[^,]+/, 'x'.repeat(40_000)));
    fs.writeFileSync(events, `${lines.join('\n')}\n`);

    try {
      const failure = await importFolder(executor, copy, { batchSize: 500 }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ImportFailedError);
      expect((failure as Error).message).toMatch(/nodes\/events\.csv rows 1-3: .*too large to index/);
      expect(await fingerprint()).toEqual(before);
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });

  it('refuses, and rolls back, when an existing property has a type the journal cannot restore', async () => {
    await seededAndChanged();
    await executor.write("MATCH (c:Cluster {id: 'pskov-regional-project-cluster'}) SET c.tags = ['a', 'b']");
    const before = await fingerprint();

    const failure = await importFolder(executor, SEED_DIR).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ImportFailedError);
    expect((failure as Error).message).toMatch(/nodes\/clusters\.csv.*Cluster "pskov-regional-project-cluster" has property tags of type LIST<STRING/);
    expect(await fingerprint()).toEqual(before);
  });

  it('rejects a bad row naming file, line and field, and writes nothing', async () => {
    await seededAndChanged();
    const before = await fingerprint();
    const copy = seedCopy();
    const projectsFile = path.join(copy, 'nodes', 'projects.csv');
    const lines = fs.readFileSync(projectsFile, 'utf8').split('\n');
    const lineIndex = lines.findIndex((line) => line.startsWith('KO1029,'));
    lines[lineIndex] = lines[lineIndex].replace('2018-11-01', '2018-13-01');
    lines.push(lines[lineIndex].replace('KO1029,', 'KO0000-TEST,'));
    fs.writeFileSync(projectsFile, lines.join('\n'));

    try {
      const counting = new FaultyExecutor();
      const failure = importFolder(counting, copy);
      await expect(failure).rejects.toBeInstanceOf(SeedValidationError);
      await expect(failure).rejects.toThrow(new RegExp(`projects\\.csv line ${lineIndex + 1}, field start_date: "2018-13-01"`));
      expect(counting.transactions).toHaveLength(0);
      expect(await fingerprint()).toEqual(before);
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });

  it('writes nothing on a dry run and reports what it would write', async () => {
    await emptyGraph();
    const counting = new FaultyExecutor();
    const report = await importFolder(counting, SEED_DIR, { dryRun: true });
    expect(report).toMatchObject({ dryRun: true, batches: 0 });
    expect(report.counts.relationships.PARTICIPATES_IN).toBe(seedRelationships('PARTICIPATES_IN').length);
    expect(counting.transactions).toHaveLength(0);
    expect((await fingerprint()).entities).toBe(0);
  });

  it('takes a folder with only some files: writes them, and removes nothing of the files it lacks', async () => {
    await emptyGraph();
    await importFolder(executor, SEED_DIR);
    const before = await fingerprint();
    const partial = fs.mkdtempSync(path.join(os.tmpdir(), 'coopgraph-partial-'));
    try {
      fs.mkdirSync(path.join(partial, 'nodes'));
      fs.copyFileSync(path.join(SEED_DIR, 'nodes', 'datasets.csv'), path.join(partial, 'nodes', 'datasets.csv'));
      // programmes.csv without its first row: that programme's projects still name it.
      const lines = fs.readFileSync(path.join(SEED_DIR, 'nodes', 'programmes.csv'), 'utf8').trimEnd().split('\n');
      const droppedId = lines[1].split(',')[0];
      fs.writeFileSync(path.join(partial, 'nodes', 'programmes.csv'), `${[lines[0], ...lines.slice(2)].join('\n')}\n`);
      const report = await importFolder(executor, partial);
      expect(report.counts.nodes.Programme).toBe(lines.length - 2);
      // Its FUNDED_BY rows (file not given) are not removed, so the programme they use stays.
      expect(report.swept).toEqual({ removed: { nodes: {}, relationships: {} }, kept: { Programme: 1 } });
      expect(await executor.read('MATCH (p:Programme {id: $id}) RETURN p.id AS id', { id: droppedId })).toHaveLength(1);
      expect(await fingerprint()).toEqual(before);
    } finally {
      fs.rmSync(partial, { recursive: true, force: true });
    }
  });

  it('exports a graph that, imported into an empty database, is the same graph', async () => {
    await emptyGraph();
    await importFolder(executor, SEED_DIR);
    const seeded = await fingerprint();
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'coopgraph-export-'));
    try {
      // Small batches, so the keyset paging of nodes and of start nodes is exercised.
      const report = await exportGraph(executor, folder, { batchSize: 500 });
      for (const spec of [...NODE_FILES, ...RELATIONSHIP_FILES]) {
        const expected = spec.kind === 'node' ? seedNodes(path.basename(spec.file, '.csv')).length : seedRelationships(spec.type).length;
        expect({ file: spec.file, rows: report.rows[spec.file] }).toEqual({ file: spec.file, rows: expected });
      }
      await emptyGraph();
      await importFolder(executor, folder);
      expect(await fingerprint()).toEqual(seeded);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('exports one dataset: its rows only, and its own dataset row', async () => {
    await emptyGraph();
    await importFolder(executor, SEED_DIR);
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'coopgraph-export-dataset-'));
    try {
      const report = await exportGraph(executor, folder, { dataset: 'article' });
      expect(report.rows['nodes/datasets.csv']).toBe(1);
      for (const spec of [...NODE_FILES, ...RELATIONSHIP_FILES]) {
        if (spec.file === 'nodes/datasets.csv') continue;
        const rows = spec.kind === 'node' ? seedNodes(path.basename(spec.file, '.csv')) : seedRelationships(spec.type);
        expect({ file: spec.file, rows: report.rows[spec.file] }).toEqual({ file: spec.file, rows: rows.filter((row) => row.source === 'article').length });
      }
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});

const nodeFile = (label: string) => path.basename(nodeFileOf(label as Label).file, '.csv');

/**
 * What a programme or region export must hold, from the seed rows alone: the projects, the
 * nodes they reach in one hop, the regions of projects, organizations and clusters with every
 * region above them, every relationship row with both ends among those nodes, and the datasets
 * the rows cite. Keyed by label and by relationship type, as `from→to` strings.
 */
function expectedSubset(projectIds: Set<string>) {
  const targets = (type: string, fromFile: string, toFile: string, from: Set<string>) =>
    new Set(seedRelationshipsBetween(type, fromFile, toFile).filter((row) => from.has(row.from)).map((row) => row.to));
  const organizations = new Set(seedRelationshipsBetween('PARTICIPATES_IN', 'organizations', 'projects').filter((row) => projectIds.has(row.to)).map((row) => row.from));
  const clusters = targets('MEMBER_OF', 'projects', 'clusters', projectIds);
  const regions = new Set([
    ...targets('LOCATED_IN', 'projects', 'regions', projectIds),
    ...targets('BASED_IN', 'organizations', 'regions', organizations),
    ...targets('BASED_IN', 'clusters', 'regions', clusters),
  ]);
  const parents = new Map(seedRelationshipsBetween('PART_OF', 'regions', 'regions').map((row) => [row.from, row.to]));
  for (const region of [...regions]) for (let up = parents.get(region); up !== undefined; up = parents.get(up)) regions.add(up);
  const nodes: Record<string, Set<string>> = {
    Project: projectIds,
    Programme: targets('FUNDED_BY', 'projects', 'programmes', projectIds),
    Organization: organizations,
    ThematicArea: targets('ADDRESSES', 'projects', 'thematic-areas', projectIds),
    Cluster: clusters,
    Region: regions,
  };
  const relationships: Record<string, Set<string>> = {};
  const sources = new Set<string>();
  for (const label of Object.keys(nodes)) {
    for (const row of seedNodes(nodeFile(label))) if (nodes[label].has(row.id)) sources.add(row.source);
  }
  for (const spec of RELATIONSHIP_FILES) {
    relationships[spec.type] = new Set();
    for (const { from, to } of spec.endpoints) {
      if (!nodes[from] || !nodes[to]) continue;
      for (const row of seedRelationshipsBetween(spec.type, nodeFile(from), nodeFile(to))) {
        if (!nodes[from].has(row.from) || !nodes[to].has(row.to)) continue;
        relationships[spec.type].add(`${row.from}→${row.to}`);
        sources.add(row.source);
      }
    }
  }
  const all: Record<string, Set<string>> = { ...nodes, Dataset: sources };
  return { nodes: all, relationships };
}

/** The graph's ids per label and `from→to` pairs per relationship type. */
async function graphContents() {
  const nodes: Record<string, Set<string>> = {};
  for (const spec of NODE_FILES) {
    nodes[spec.label] = new Set((await executor.read(`MATCH (n:${spec.label}) RETURN n.id AS id`)).map((row) => String(row.id)));
  }
  const relationships: Record<string, Set<string>> = {};
  for (const spec of RELATIONSHIP_FILES) {
    relationships[spec.type] = new Set((await executor.read(`MATCH (a)-[:${spec.type}]->(b) RETURN a.id AS from, b.id AS to`)).map((row) => `${row.from}→${row.to}`));
  }
  return { nodes, relationships };
}

describe('exportGraph scoped to a programme or a region', () => {
  beforeAll(async () => {
    await emptyGraph();
    await importFolder(executor, SEED_DIR);
  }, START_TIMEOUT_MS);

  /** Exports `scope` from the seeded graph, imports it into an emptied one, and compares with `expected`. */
  async function exportAndReimport(scope: { programme?: string; region?: string }, projectIds: Set<string>) {
    const expected = expectedSubset(projectIds);
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'coopgraph-export-scope-'));
    try {
      const report = await exportGraph(executor, folder, { ...scope, batchSize: 7 });
      for (const spec of NODE_FILES) {
        expect({ file: spec.file, rows: report.rows[spec.file] }).toEqual({ file: spec.file, rows: expected.nodes[spec.label]?.size ?? 0 });
      }
      await emptyGraph();
      await importFolder(executor, folder);
      const imported = await graphContents();
      for (const spec of NODE_FILES) {
        expect({ label: spec.label, ids: [...imported.nodes[spec.label]].sort() }).toEqual({ label: spec.label, ids: [...(expected.nodes[spec.label] ?? [])].sort() });
      }
      for (const spec of RELATIONSHIP_FILES) {
        expect({ type: spec.type, pairs: [...imported.relationships[spec.type]].sort() }).toEqual({ type: spec.type, pairs: [...expected.relationships[spec.type]].sort() });
      }
      return expected;
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
      await emptyGraph();
      await importFolder(executor, SEED_DIR);
    }
  }

  it('a programme export imports into an empty database as exactly its projects and what they reach', async () => {
    const programme = 'kolarctic-2014-2020';
    const projectIds = new Set(seedRelationships('FUNDED_BY').filter((row) => row.to === programme).map((row) => row.from));
    const expected = await exportAndReimport({ programme }, projectIds);
    // The subset is more than its projects: partners, their regions up to the country, themes, the datasets cited.
    expect(expected.nodes.Project.size).toBe(20);
    expect(expected.nodes.Region.has('RU')).toBe(true);
    expect(expected.relationships.PART_OF.size).toBeGreaterThan(0);
    expect(expected.nodes.Dataset.size).toBeGreaterThan(1);
  });

  it('a region export holds the projects located in the region and its sub-regions', async () => {
    const within = regionAndDescendants('FI1D');
    expect(within.size).toBeGreaterThan(1);
    const projectIds = new Set(seedRelationshipsBetween('LOCATED_IN', 'projects', 'regions').filter((row) => within.has(row.to)).map((row) => row.from));
    await exportAndReimport({ region: 'FI1D' }, projectIds);
  });

  it('a programme and a region together: the programme projects located in the region', async () => {
    const within = regionAndDescendants('FI1D');
    const located = new Set(seedRelationshipsBetween('LOCATED_IN', 'projects', 'regions').filter((row) => within.has(row.to)).map((row) => row.from));
    const programme = 'kolarctic-2014-2020';
    const projectIds = new Set(seedRelationships('FUNDED_BY').filter((row) => row.to === programme && located.has(row.from)).map((row) => row.from));
    expect(projectIds.size).toBeGreaterThan(0);
    await exportAndReimport({ programme, region: 'FI1D' }, projectIds);
  });

  it('refuses an unknown programme or region, naming the id, and writes nothing', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'coopgraph-export-unknown-'));
    try {
      const failure = await exportGraph(executor, folder, { programme: 'no-such-programme', region: 'FI1D' }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(UnknownScopeError);
      expect((failure as Error).message).toBe('No programme with id "no-such-programme" in the graph');
      expect(fs.readdirSync(folder)).toEqual([]);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
