import neo4j from 'neo4j-driver';
import { Label, RelType } from '../neo4j/graph-schema';
import { fromRoot } from '../paths';
import { seedNodes, seedRelationships } from '../testing/seed-fixtures';
import { type StepBatch, type WriteStep, batchRows, fileBatches, planImport } from './import-plan';
import { type NodeRecord, type SeedValidation, validateSeed, validateSeedDir } from './validate';
import { nodeFileOf, RELATIONSHIP_FILES } from './seed-files';
import { textSource } from './seed-source';

let validation: SeedValidation;
let steps: WriteStep[];
beforeAll(async () => {
  validation = await validateSeedDir(fromRoot('seed'));
  steps = planImport(validation);
});

async function batchesOf(spec: Parameters<typeof fileBatches>[2], batchSize: number): Promise<StepBatch[]> {
  const batches: StepBatch[] = [];
  for await (const batch of fileBatches(validation, steps, spec, batchSize)) batches.push(batch);
  return batches;
}

describe('planImport', () => {
  it('puts every node file before any relationship file', () => {
    const kinds = steps.map((step) => step.kind);
    expect(kinds.lastIndexOf('node')).toBeLessThan(kinds.indexOf('relationship'));
  });

  it('counts every row of the seed files exactly once', () => {
    expect(steps.find((step) => step.kind === 'node' && step.label === Label.Project)?.rows).toBe(seedNodes('projects').length);
    const participations = steps.filter((step) => step.kind === 'relationship' && step.type === RelType.PARTICIPATES_IN);
    expect(participations.reduce((sum, step) => sum + step.rows, 0)).toBe(seedRelationships('PARTICIPATES_IN').length);
  });

  it('splits a relationship file by endpoint labels, so each statement names both labels', async () => {
    const presented = steps.filter((step) => step.kind === 'relationship' && step.type === RelType.PRESENTED_AT);
    const pairs = presented.map((step) => (step.kind === 'relationship' ? `${step.from}->${step.to}` : '')).sort();
    expect(pairs).toEqual(['Cluster->Event', 'Project->Event']);
    const clusterIds = new Set(seedNodes('clusters').map((row) => row.id));
    const fromClusters = seedRelationships('PRESENTED_AT').filter((row) => clusterIds.has(row.from));
    expect(presented.find((step) => step.kind === 'relationship' && step.from === Label.Cluster)?.rows).toBe(fromClusters.length);
    const spec = RELATIONSHIP_FILES.find((candidate) => candidate.type === RelType.PRESENTED_AT)!;
    const batches = await batchesOf(spec, 1_000);
    const clusterBatch = batches.find((batch) => batch.step.kind === 'relationship' && batch.step.from === Label.Cluster);
    expect(clusterBatch?.records.map((record) => ('from' in record ? record.from : '')).sort()).toEqual(fromClusters.map((row) => row.from).sort());
  });
});

describe('fileBatches', () => {
  it('reads a file again in batches of at most the size asked, covering every row once, in file order', async () => {
    const batches = await batchesOf(nodeFileOf(Label.Project), 7);
    expect(batches.every((batch) => batch.records.length <= 7)).toBe(true);
    expect(batches.map((batch) => batch.start)).toEqual(batches.map((_, index) => index * 7));
    expect(batches.flatMap((batch) => batch.records.map((record) => (record as NodeRecord).id))).toEqual(seedNodes('projects').map((row) => row.id));
  });

  it('refuses a file that changed after it was validated, naming it', async () => {
    const files = new Map([
      ['nodes/datasets.csv', 'id,name,url,licence,credit,retrieved,changes,source_urls\nmade-up,Made up,,none,nobody,,,none\n'],
      ['nodes/thematic-areas.csv', 'id,code,name,source,source_url\ntheme-a,,Theme A,made-up,\n'],
    ]);
    const checked = await validateSeedDirLike(files);
    expect(checked.errors).toEqual([]);
    files.set('nodes/thematic-areas.csv', 'id,code,name,source,source_url\ntheme-b,,Theme B,made-up,\n');
    const changed = (async () => {
      for await (const batch of fileBatches(checked, planImport(checked), nodeFileOf(Label.ThematicArea), 10)) void batch;
    })();
    await expect(changed).rejects.toThrow('seed/nodes/thematic-areas.csv changed after it was validated (its bytes differ from those validated); import it again');
  });
});

function validateSeedDirLike(files: Map<string, string>): Promise<SeedValidation> {
  return validateSeed(textSource((file) => files.get(file), 'seed'));
}

describe('batchRows', () => {
  let rows: Array<Record<string, unknown>>;
  beforeAll(async () => {
    const [batch] = await batchesOf(nodeFileOf(Label.Project), 100_000);
    rows = batchRows(batch.step, batch.records);
  });

  it('sends dates as Neo4j dates, numbers as numbers, and leaves empty cells out', () => {
    const brtl = rows.find((row) => row.id === 'KO1029') as { props: Record<string, unknown> };
    expect(neo4j.isDate(brtl.props.startDate as object)).toBe(true);
    expect(String(brtl.props.startDate)).toBe('2018-11-01');
    expect(brtl.props).not.toHaveProperty('totalBudgetEur');
    const acbr = rows.find((row) => row.id === 'KO1001') as { props: Record<string, unknown> };
    expect(acbr.props.totalBudgetEur).toBe(Number(seedNodes('projects').find((row) => row.id === 'KO1001')!.total_budget_eur));
    expect(acbr.props.id).toBe('KO1001');
  });
});
