/**
 * Importing keep.eu exports into a graph that already holds data, on a scratch Neo4j of
 * its own: created counts computed from the raw rows, a second run unchanged, a failure
 * part-way undone, other datasets' facts untouched, the repository's own export unchanged
 * against the seed, and the command itself (its dry run as JSON, its error for a bad file).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Driver } from 'neo4j-driver';
import { Label, RelType } from '../../neo4j/graph-schema';
import { createDriver } from '../../neo4j/driver';
import { Executor, type TransactionRunner } from '../../neo4j/executor';
import { migrate } from '../../neo4j/migrations';
import { fromRoot } from '../../paths';
import { type ScratchNeo4j, startScratchNeo4j } from '../../testing/test-database';
import { diffAgainstGraph } from '../graph-state';
import { ImportFailedError, importFolder, importSeedFiles, validated } from '../import';
import { NODE_FILES, RELATIONSHIP_FILES } from '../seed-files';
import { slugify } from '../slug';
import { prepareKeepEu } from './keep-eu-import';

const FIXTURES = path.join(__dirname, 'fixtures');
const START_TIMEOUT_MS = 5 * 60_000;
type Raw = Record<string, string>;
const raw = (file: string): Raw[] => parse(fs.readFileSync(path.join(FIXTURES, file), 'utf8'), { columns: true, delimiter: ';' }) as Raw[];

let scratch: ScratchNeo4j;
let driver: Driver;
let executor: Executor;
let seedWithoutKeepEu: string;

/** The committed seed with every keep-eu-2019 row left out: the graph as it was before keep.eu. */
function copyWithoutKeepEu(): string {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'coopgraph-no-keep-eu-'));
  for (const spec of [...NODE_FILES, ...RELATIONSHIP_FILES]) {
    const text = fs.readFileSync(fromRoot('seed', spec.file), 'utf8');
    const records = parse(text, { columns: false }) as string[][];
    const sourceColumn = records[0].indexOf('source');
    const kept = records.filter((record, index) => index === 0 || sourceColumn < 0 || record[sourceColumn] !== 'keep-eu-2019');
    const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
    fs.mkdirSync(path.dirname(path.join(copy, spec.file)), { recursive: true });
    fs.writeFileSync(path.join(copy, spec.file), `${kept.map((record) => record.map(quote).join(',')).join('\n')}\n`);
  }
  return copy;
}

beforeAll(async () => {
  scratch = await startScratchNeo4j();
  driver = createDriver(scratch);
  executor = new Executor(driver, scratch.database);
  await migrate(executor);
  seedWithoutKeepEu = copyWithoutKeepEu();
}, START_TIMEOUT_MS);

afterAll(async () => {
  await driver?.close();
  await scratch?.stop();
  if (seedWithoutKeepEu) fs.rmSync(seedWithoutKeepEu, { recursive: true, force: true });
}, START_TIMEOUT_MS);

/** Every node and relationship with its properties, hashed; counts per label and type. */
async function fingerprint() {
  const nodes = await executor.read('MATCH (n) RETURN labels(n)[0] AS label, n.id AS id, [k IN keys(n) | k + "=" + toString(n[k])] AS props');
  const relationships = await executor.read(
    'MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS from, b.id AS to, [k IN keys(r) | k + "=" + toString(r[k])] AS props',
  );
  const lines = [
    ...nodes.map((row) => `${row.label} ${row.id} ${(row.props as string[]).sort().join('|')}`),
    ...relationships.map((row) => `${row.type} ${row.from} ${row.to} ${(row.props as string[]).sort().join('|')}`),
  ].sort();
  return { entities: lines.length, hash: createHash('sha256').update(lines.join('\n')).digest('hex') };
}

async function freshGraph(folder: string) {
  await executor.write('MATCH (n) DETACH DELETE n');
  await importFolder(executor, folder);
}

const count = async (cypher: string, parameters: Record<string, unknown> = {}) => Number((await executor.read(cypher, parameters))[0].n);

describe('importing a keep.eu export into a graph', () => {
  const projects = raw('projects.csv');
  const partners = raw('partners.csv');

  it('creates what the rows state, under the dataset named, and a second run changes nothing', async () => {
    await freshGraph(seedWithoutKeepEu);
    const before = await count('MATCH (p:Project) RETURN count(p) AS n');
    const prepared = await prepareKeepEu(executor, FIXTURES, { dataset: 'keep-eu-slice' });
    await importSeedFiles(executor, prepared.source);

    const projectKeys = new Set(projects.map((row) => `${row.Programme}|${row.Acronym}`));
    expect(await count('MATCH (p:Project) RETURN count(p) AS n')).toBe(before + projectKeys.size);
    expect(await count("MATCH (p:Project {source: 'keep-eu-slice'}) RETURN count(p) AS n")).toBe(projectKeys.size);
    // One participation per (project, organization); the slice has no organization twice in a project.
    const participations = new Set(partners.map((row) => `${row.Programme}|${row.Acronym}|${slugify(row['Project Partner'])}`));
    expect(await count("MATCH ()-[r:PARTICIPATES_IN {source: 'keep-eu-slice'}]->() RETURN count(r) AS n")).toBe(participations.size);
    const leads = partners.filter((row) => row['Lead Partner'] === 'Yes').length;
    expect(await count("MATCH ()-[r:PARTICIPATES_IN {source: 'keep-eu-slice', role: 'lead'}]->() RETURN count(r) AS n")).toBe(leads);
    const [dataset] = await executor.read("MATCH (d:Dataset {id: 'keep-eu-slice'}) RETURN d.credit AS credit, d.url AS url");
    expect(dataset).toMatchObject({ url: 'https://keep.eu/', credit: expect.stringContaining('Contains data from keep.eu') });

    const imported = await fingerprint();
    const again = await prepareKeepEu(executor, FIXTURES, { dataset: 'keep-eu-slice' });
    const plan = await validated(again.source, () => undefined);
    const diff = await diffAgainstGraph(executor, plan.validation);
    const changed = [...Object.values(diff.nodes), ...Object.values(diff.relationships)].filter((counts) => counts && (counts.created > 0 || counts.updated > 0));
    expect(changed).toEqual([]);
    expect(diff.nodes[Label.Project]?.unchanged).toBe(projectKeys.size);
    await importSeedFiles(executor, again.source);
    expect(await fingerprint()).toEqual(imported);
  });

  it('matches partner rows to an organization another dataset holds under another spelling, and says why', async () => {
    await freshGraph(seedWithoutKeepEu);
    const stated = 'Kotka Maritime Research Association';
    const rows = partners.filter((row) => row['Project Partner'] === stated);
    expect(rows.length).toBeGreaterThan(0);
    // Another dataset's organization: the same body, written with a legal form and in capitals.
    await executor.write(
      `MATCH (region:Region {id: $region})
       CREATE (o:Organization {id: 'kotka-maritime-research', name: 'KOTKA MARITIME RESEARCH ASSOCIATION RY', city: 'Kotka', source: 'cbc', sourceUrls: ['https://example.org/kotka']})
       CREATE (o)-[:BASED_IN {source: 'cbc', sourceUrls: ['https://example.org/kotka']}]->(region)`,
      { region: rows[0]['NUTS3 (or equivalent)'].split('/')[0].trim() },
    );
    const prepared = await prepareKeepEu(executor, FIXTURES, { dataset: 'keep-eu-slice' });
    await importSeedFiles(executor, prepared.source);
    const participations = await executor.read(
      "MATCH (o:Organization)-[r:PARTICIPATES_IN {source: 'keep-eu-slice'}]->() WHERE r.nameAsStated = $stated RETURN o.id AS id, o.name AS name, r.matchReason AS reason",
      { stated },
    );
    expect(participations).toHaveLength(new Set(rows.map((row) => `${row.Programme}|${row.Acronym}`)).size);
    for (const participation of participations) {
      expect(participation).toMatchObject({ id: 'kotka-maritime-research', name: 'KOTKA MARITIME RESEARCH ASSOCIATION RY' });
      expect(participation.reason).toContain('legal form');
    }
    expect(await count("MATCH (o:Organization {source: 'keep-eu-slice'}) WHERE o.name = $stated RETURN count(o) AS n", { stated })).toBe(0);
    expect(prepared.notes.some((note) => note.startsWith('partner rows matched to an organization another dataset holds'))).toBe(true);
  });

  it('refers to what other datasets hold and leaves their facts as they were', async () => {
    // The full seed holds the slice's projects and organizations as keep-eu-2019 (and 30 cbc ones).
    await freshGraph(fromRoot('seed'));
    const before = await fingerprint();
    const prepared = await prepareKeepEu(executor, FIXTURES, { dataset: 'keep-eu-other' });
    await importSeedFiles(executor, prepared.source);
    const after = await fingerprint();
    // Only the new dataset's own node was added: every project, organization, region and
    // relationship of the slice already belongs to keep-eu-2019.
    expect(after.entities).toBe(before.entities + 1);
    expect(await count("MATCH (n) WHERE n.source = 'keep-eu-other' RETURN count(n) AS n")).toBe(0);
    expect(await count("MATCH ()-[r]->() WHERE r.source = 'keep-eu-other' RETURN count(r) AS n")).toBe(0);
    expect(prepared.notes.some((note) => /Project node\(s\) another dataset holds are referred to, not overwritten/.test(note))).toBe(true);
  });

  it('finds the repository’s own export unchanged against the seed it was derived into', async () => {
    await freshGraph(fromRoot('seed'));
    const prepared = await prepareKeepEu(executor, fromRoot('seed', 'keep-eu', 'keep_closed_1420.xlsx'), { dataset: 'keep-eu-2019' });
    const plan = await validated(prepared.source, () => undefined);
    const diff = await diffAgainstGraph(executor, plan.validation);
    const notUnchanged = Object.entries({ ...diff.nodes, ...diff.relationships }).filter(
      ([, counts]) => counts && (counts.created > 0 || counts.updated > 0 || counts.removed > 0),
    );
    expect(notUnchanged).toEqual([]);
    expect(diff.nodes[Label.Project]?.unchanged).toBe(1852);
    expect(diff.relationships[RelType.FUNDED_BY]?.unchanged).toBe(1852);
  });

  it('leaves the graph as it was when a write fails part-way', async () => {
    await freshGraph(seedWithoutKeepEu);
    const before = await fingerprint();
    const prepared = await prepareKeepEu(executor, FIXTURES, { dataset: 'keep-eu-slice' });
    let writes = 0;
    const failing = new (class extends Executor {
      override async writeTransaction<T>(work: (tx: TransactionRunner) => Promise<T>): Promise<T> {
        writes += 1;
        if (writes === 4) throw new Error('injected failure at write 4');
        return super.writeTransaction(work);
      }
    })(driver, scratch.database);
    await expect(importSeedFiles(failing, prepared.source, { batchSize: 5 })).rejects.toBeInstanceOf(ImportFailedError);
    expect(await fingerprint()).toEqual(before);
  });
});

describe('re-importing a newer export of a dataset', () => {
  const projects = raw('projects.csv');
  const partners = raw('partners.csv');
  // The newer export lacks one project: RIBS of Central Baltic.
  const dropped = (row: Raw) => row.Acronym === 'RIBS';

  function newerExport(): string {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'keep-eu-newer-'));
    const quote = (cell: string) => (/[";\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
    for (const file of ['projects.csv', 'partners.csv']) {
      const records = parse(fs.readFileSync(path.join(FIXTURES, file), 'utf8'), { columns: false, delimiter: ';' }) as string[][];
      const acronym = records[0].indexOf('Acronym');
      const kept = records.filter((record, index) => index === 0 || record[acronym] !== 'RIBS');
      fs.writeFileSync(path.join(folder, file), `${kept.map((record) => record.map(quote).join(';')).join('\n')}\n`);
    }
    return folder;
  }

  /** Every entity of datasets other than `dataset`, hashed: what the import must not touch. */
  async function othersFingerprint(dataset: string) {
    const nodes = await executor.read('MATCH (n) WHERE coalesce(n.source, "") <> $dataset RETURN n.id AS id, [k IN keys(n) WHERE NOT k STARTS WITH "sort" AND k <> "searchText" | k + "=" + toString(n[k])] AS props', { dataset });
    const relationships = await executor.read('MATCH (a)-[r]->(b) WHERE r.source <> $dataset RETURN type(r) + a.id + b.id AS key, [k IN keys(r) | k + "=" + toString(r[k])] AS props', { dataset });
    const lines = [...nodes.map((row) => `${row.id} ${(row.props as string[]).sort().join('|')}`), ...relationships.map((row) => `${row.key} ${(row.props as string[]).sort().join('|')}`)].sort();
    return createHash('sha256').update(lines.join('\n')).digest('hex');
  }

  it('removes what the new version no longer contains, keeps what is still stated, and touches no other dataset', async () => {
    await freshGraph(seedWithoutKeepEu);
    await importSeedFiles(executor, (await prepareKeepEu(executor, FIXTURES, { dataset: 'keep-eu-slice' })).source);
    const others = await othersFingerprint('keep-eu-slice');
    const folder = newerExport();
    try {
      const report = await importSeedFiles(executor, (await prepareKeepEu(executor, folder, { dataset: 'keep-eu-slice' })).source);
      const ribs = projects.find(dropped);
      const ribsId = (await executor.read("MATCH (p:Project {acronym: 'RIBS'}) RETURN p.id AS id")).map((row) => row.id);
      expect(ribs).toBeDefined();
      expect(ribsId).toEqual([]);
      // RIBS's partners: those in no other project of the slice are gone, the others stay.
      const ribsPartners = new Set(partners.filter(dropped).map((row) => slugify(row['Project Partner'])));
      const elsewhere = new Set(partners.filter((row) => !dropped(row)).map((row) => slugify(row['Project Partner'])));
      const gone = [...ribsPartners].filter((id) => !elsewhere.has(id));
      expect(gone.length).toBeGreaterThan(0);
      const left = await executor.read('UNWIND $ids AS id MATCH (o:Organization {id: id}) RETURN o.id AS id', { ids: [...ribsPartners] });
      expect(left.map((row) => row.id).sort()).toEqual([...ribsPartners].filter((id) => elsewhere.has(id)).sort());
      expect(report.swept.removed.nodes[Label.Project]).toBe(1);
      expect(report.swept.removed.relationships[RelType.PARTICIPATES_IN]).toBe(partners.filter(dropped).length);
      expect(await count("MATCH (p:Project {source: 'keep-eu-slice'}) RETURN count(p) AS n")).toBe(new Set(projects.filter((row) => !dropped(row)).map((row) => row.Acronym)).size);
      expect(await othersFingerprint('keep-eu-slice')).toBe(others);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('puts back what it removed when the import fails while removing', async () => {
    await freshGraph(seedWithoutKeepEu);
    await importSeedFiles(executor, (await prepareKeepEu(executor, FIXTURES, { dataset: 'keep-eu-slice' })).source);
    const before = await fingerprint();
    const folder = newerExport();
    let removals = 0;
    const failing = new (class extends Executor {
      override async write(cypher: string, parameters?: Record<string, unknown>) {
        // The second removal batch fails: the first one (committed) must come back.
        if (/elementId\(r\) = element/.test(cypher) && ++removals === 2) throw new Error('injected failure while removing');
        return super.write(cypher, parameters);
      }
    })(driver, scratch.database);
    try {
      const prepared = await prepareKeepEu(executor, folder, { dataset: 'keep-eu-slice' });
      await expect(importSeedFiles(failing, prepared.source, { batchSize: 2 })).rejects.toThrow(/removing what the input no longer contains[\s\S]*Undone/);
      expect(removals).toBe(2);
      expect(await fingerprint()).toEqual(before);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('npm run import with a keep.eu export', () => {
  const cli = (args: string[]) =>
    spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', fromRoot('src', 'seed', 'cli.ts'), ...args], {
      cwd: fromRoot(),
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NEO4J_URI: scratch.uri, NEO4J_USERNAME: scratch.username, NEO4J_PASSWORD: scratch.password, NEO4J_DATABASE: scratch.database },
      encoding: 'utf8',
      timeout: 180_000,
    });

  it('reports a dry run as JSON, per label, and writes nothing', async () => {
    await freshGraph(seedWithoutKeepEu);
    const before = await fingerprint();
    const run = cli([FIXTURES, '--dataset', 'keep-eu-slice', '--dry-run', '--json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    const report = JSON.parse(lines[lines.length - 1]);
    const projectKeys = new Set(raw('projects.csv').map((row) => `${row.Programme}|${row.Acronym}`));
    expect(report).toMatchObject({ dryRun: true, format: 'keep-eu', nodes: { Project: { created: projectKeys.size, updated: 0, unchanged: 0 } } });
    // Not a terminal: progress comes as JSON lines.
    expect(lines.some((line) => JSON.parse(line).phase === 'validate')).toBe(true);
    expect(await fingerprint()).toEqual(before);
  });

  it('lists every problem of a bad export with sheet, row and column, exits 1 and writes nothing', async () => {
    const before = await fingerprint();
    const bad = fs.mkdtempSync(path.join(os.tmpdir(), 'keep-eu-bad-cli-'));
    try {
      const lines = fs.readFileSync(path.join(FIXTURES, 'partners.csv'), 'utf8').split('\n');
      lines[3] = lines[3].replace(/;(Yes|No);/, ';Perhaps;');
      fs.writeFileSync(path.join(bad, 'partners.csv'), lines.join('\n'));
      fs.copyFileSync(path.join(FIXTURES, 'projects.csv'), path.join(bad, 'projects.csv'));
      const run = cli([bad, '--dataset', 'keep-eu-bad']);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('partners.csv row 4, column Lead Partner: "Perhaps" is not Yes or No');
      expect(run.stderr).toContain('nothing was written');
      expect(await fingerprint()).toEqual(before);
    } finally {
      fs.rmSync(bad, { recursive: true, force: true });
    }
  });
});
