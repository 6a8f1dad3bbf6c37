import neo4j from 'neo4j-driver';
import { Label, RelType } from '../neo4j/graph-schema';
import { fromRoot } from '../paths';
import { seedNodes, seedRelationships } from '../testing/seed-fixtures';
import { type NodeStep, batchRows, planImport } from './import-plan';
import { validateSeedDir } from './validate';

const validation = validateSeedDir(fromRoot('seed'));
const steps = planImport(validation.data);

describe('planImport', () => {
  it('puts every node file before any relationship file', () => {
    const kinds = steps.map((step) => step.kind);
    expect(kinds.lastIndexOf('node')).toBeLessThan(kinds.indexOf('relationship'));
  });

  it('covers every row of the seed files exactly once', () => {
    const projectRows = steps.filter((step): step is NodeStep => step.kind === 'node' && step.label === Label.Project).flatMap((step) => step.records);
    expect(projectRows.map((record) => record.id).sort()).toEqual(seedNodes('projects').map((row) => row.id).sort());
    const participations = steps.filter((step) => step.kind === 'relationship' && step.type === RelType.PARTICIPATES_IN);
    expect(participations.reduce((sum, step) => sum + step.records.length, 0)).toBe(seedRelationships('PARTICIPATES_IN').length);
  });

  it('splits a relationship file by endpoint labels, so each statement names both labels', () => {
    const presented = steps.filter((step) => step.kind === 'relationship' && step.type === RelType.PRESENTED_AT);
    const pairs = presented.map((step) => (step.kind === 'relationship' ? `${step.from}->${step.to}` : '')).sort();
    expect(pairs).toEqual(['Cluster->Event', 'Project->Event']);
    const clusterIds = new Set(seedNodes('clusters').map((row) => row.id));
    const fromClusters = seedRelationships('PRESENTED_AT').filter((row) => clusterIds.has(row.from));
    expect(presented.find((step) => step.kind === 'relationship' && step.from === Label.Cluster)?.records).toHaveLength(fromClusters.length);
  });
});

describe('batchRows', () => {
  const projects = steps.find((step): step is NodeStep => step.kind === 'node' && step.label === Label.Project)!;
  const rows = batchRows(projects, 0, projects.records.length);

  it('sends dates as Neo4j dates, numbers as numbers, and leaves empty cells out', () => {
    const brtl = rows.find((row) => row.id === 'KO1029') as { props: Record<string, unknown> };
    expect(neo4j.isDate(brtl.props.startDate as object)).toBe(true);
    expect(String(brtl.props.startDate)).toBe('2018-11-01');
    expect(brtl.props).not.toHaveProperty('totalBudgetEur');
    const acbr = rows.find((row) => row.id === 'KO1001') as { props: Record<string, unknown> };
    expect(acbr.props.totalBudgetEur).toBe(Number(seedNodes('projects').find((row) => row.id === 'KO1001')!.total_budget_eur));
    expect(acbr.props.id).toBe('KO1001');
  });

  it('returns exactly the rows between start and end', () => {
    expect(batchRows(projects, 10, 15).map((row) => row.id)).toEqual(projects.records.slice(10, 15).map((record) => record.id));
  });
});
