/**
 * Responsible for writing validated seed data to Neo4j: every file, batched with
 * UNWIND, inside one write transaction so a failure leaves the database untouched.
 */
import neo4j from 'neo4j-driver';
import type { TransactionRunner } from '../neo4j/executor';
import type { Label, RelType } from '../neo4j/graph-schema';
import { type CellValue, type SeedFileSpec, NODE_FILES, RELATIONSHIP_FILES } from './seed-files';
import { mergeNodesCypher, mergeRelationshipsCypher } from './seed.cypher';
import { type SeedData, SeedValidationError, validateSeedDir } from './validate';

/** Rows per statement: large enough to keep round trips few, small enough to keep each statement light. */
export const BATCH_SIZE = 500;

/** The part of the Executor the loader needs; tests pass a fake. */
export interface SeedWriter {
  writeTransaction<T>(work: (tx: TransactionRunner) => Promise<T>): Promise<T>;
}

/** Nodes written per label and relationships written per type. */
export interface SeedCounts {
  nodes: Partial<Record<Label, number>>;
  relationships: Partial<Record<RelType, number>>;
}

/** Validates the seed directory and writes it in one transaction; throws SeedValidationError on bad input. */
export async function loadSeed(executor: SeedWriter, seedDir: string): Promise<SeedCounts> {
  const validation = validateSeedDir(seedDir);
  if (validation.errors.length > 0) throw new SeedValidationError(validation.errors);
  return writeSeed(executor, validation.data);
}

/** Writes already validated seed data in one write transaction (idempotent, so safe to retry). */
export async function writeSeed(executor: SeedWriter, data: SeedData): Promise<SeedCounts> {
  return executor.writeTransaction(async (tx) => {
    // Counted inside the transaction function: a retried attempt starts from zero.
    const counts: SeedCounts = { nodes: {}, relationships: {} };
    for (const spec of NODE_FILES) {
      const rows = (data.nodes.get(spec.label) ?? []).map((node) => ({
        id: node.id,
        props: toDriverProperties(node.properties, spec),
      }));
      counts.nodes[spec.label] = await runBatches(tx, mergeNodesCypher(spec.label), rows, spec.file);
    }
    for (const spec of RELATIONSHIP_FILES) {
      const groups = new Map<string, { from: Label; to: Label; rows: Array<Record<string, unknown>> }>();
      for (const relationship of data.relationships.get(spec.type) ?? []) {
        const key = `${relationship.fromLabel}->${relationship.toLabel}`;
        const group = groups.get(key) ?? { from: relationship.fromLabel, to: relationship.toLabel, rows: [] };
        group.rows.push({ from: relationship.from, to: relationship.to, props: toDriverProperties(relationship.properties, spec) });
        groups.set(key, group);
      }
      let written = 0;
      for (const group of groups.values()) {
        written += await runBatches(tx, mergeRelationshipsCypher(spec.type, group.from, group.to), group.rows, spec.file);
      }
      counts.relationships[spec.type] = written;
    }
    return counts;
  });
}

async function runBatches(
  tx: TransactionRunner,
  cypher: string,
  rows: ReadonlyArray<Record<string, unknown>>,
  file: string,
): Promise<number> {
  let written = 0;
  for (let start = 0; start < rows.length; start += BATCH_SIZE) {
    const batch = rows.slice(start, start + BATCH_SIZE);
    const result = await tx.run(cypher, { rows: batch });
    const count = Number(result[0]?.written ?? 0);
    // Validation guarantees every endpoint exists; a shortfall means the data changed under us.
    if (count !== batch.length) {
      throw new Error(`Seed load of ${file}: wrote ${count} of ${batch.length} rows; aborting the transaction`);
    }
    written += count;
  }
  return written;
}

/** Converts parsed cells to driver values: dates become Neo4j `Date`s, numbers go as floats. */
export function toDriverProperties(properties: Record<string, CellValue>, spec: SeedFileSpec): Record<string, unknown> {
  const converted: Record<string, unknown> = {};
  for (const column of spec.columns) {
    const value = properties[column.property];
    if (value === undefined || column.name === 'from' || column.name === 'to') continue;
    converted[column.property] = column.type === 'date' ? toNeo4jDate(String(value)) : value;
  }
  return converted;
}

function toNeo4jDate(value: string): InstanceType<typeof neo4j.types.Date> {
  const [year, month, day] = value.split('-').map(Number);
  return new neo4j.types.Date(year, month, day);
}
