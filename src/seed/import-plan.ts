/**
 * Responsible for the order of an import and its batches: one write step per node file,
 * then one per (relationship file, endpoint labels) pair, so every relationship finds its
 * endpoints and every statement names both labels (two index seeks per row). Batches are
 * read from the input as it is written, so at most one batch per step is held at a time.
 */
import type { Label, RelType } from '../neo4j/graph-schema';
import { toDriverProperties } from './load';
import { type NodeFileSpec, type RelationshipFileSpec, type SeedFileSpec, NODE_FILES, RELATIONSHIP_FILES } from './seed-files';
import { type NodeRecord, type RelationshipRecord, type SeedValidation, readRecords } from './validate';

/** The rows of one node file. */
export interface NodeStep {
  kind: 'node';
  file: string;
  spec: NodeFileSpec;
  label: Label;
  /** Rows the step writes. */
  rows: number;
}

/** The rows of one relationship file that join one pair of labels. */
export interface RelationshipStep {
  kind: 'relationship';
  file: string;
  spec: RelationshipFileSpec;
  type: RelType;
  from: Label;
  to: Label;
  rows: number;
}

export type WriteStep = NodeStep | RelationshipStep;

/** The write steps of a validated input, in load order; files without rows have no step. */
export function planImport(validation: SeedValidation): WriteStep[] {
  const steps: WriteStep[] = [];
  for (const spec of NODE_FILES) {
    const rows = validation.rowCounts.nodes.get(spec.label) ?? 0;
    if (rows > 0) steps.push({ kind: 'node', file: spec.file, spec, label: spec.label, rows });
  }
  for (const spec of RELATIONSHIP_FILES) {
    for (const { from, to, rows } of validation.rowCounts.relationships.get(spec.type) ?? []) {
      steps.push({ kind: 'relationship', file: spec.file, spec, type: spec.type, from, to, rows });
    }
  }
  return steps;
}

/** A batch of one step: its records, and where they sit among the step's rows. */
export interface StepBatch {
  step: WriteStep;
  records: ReadonlyArray<NodeRecord | RelationshipRecord>;
  /** Rows of the step before this batch. */
  start: number;
}

/**
 * The batches of `spec`'s file, at most `batchSize` records each, read from the input as
 * they are asked for. A relationship file's rows go to the step of their label pair; each
 * step's batch is handed on when full, and what is left at the end of the file.
 */
export async function* fileBatches(validation: SeedValidation, steps: readonly WriteStep[], spec: SeedFileSpec, batchSize: number): AsyncGenerator<StepBatch> {
  const ofFile = steps.filter((step) => step.file === spec.file);
  if (ofFile.length === 0) return;
  const pending = new Map<string, { step: WriteStep; records: Array<NodeRecord | RelationshipRecord>; start: number }>();
  for (const step of ofFile) pending.set(stepKey(step), { step, records: [], start: 0 });
  for await (const record of readRecords(validation, spec)) {
    const key = 'id' in record ? spec.file : `${spec.file} ${record.fromLabel}->${record.toLabel}`;
    const batch = pending.get(key);
    if (!batch) throw new Error(`${spec.file}: a row for ${key}, which no step of the validated input writes`);
    batch.records.push(record);
    if (batch.records.length >= batchSize) {
      yield { step: batch.step, records: batch.records, start: batch.start };
      batch.start += batch.records.length;
      batch.records = [];
    }
  }
  for (const batch of pending.values()) {
    if (batch.records.length > 0) yield { step: batch.step, records: batch.records, start: batch.start };
    if (batch.start + batch.records.length !== batch.step.rows) {
      throw new Error(`${spec.file}: read ${batch.start + batch.records.length} rows for ${stepKey(batch.step)}, validated ${batch.step.rows}`);
    }
  }
}

function stepKey(step: WriteStep): string {
  return step.kind === 'node' ? step.file : `${step.file} ${step.from}->${step.to}`;
}

/** Statement parameters for a batch's records: cells become driver values one batch at a time. */
export function batchRows(step: WriteStep, records: ReadonlyArray<NodeRecord | RelationshipRecord>): Array<Record<string, unknown>> {
  if (step.kind === 'node') {
    return (records as readonly NodeRecord[]).map((node) => ({ id: node.id, props: toDriverProperties(node.properties, step.spec) }));
  }
  return (records as readonly RelationshipRecord[]).map((relationship) => ({
    from: relationship.from,
    to: relationship.to,
    props: toDriverProperties(relationship.properties, step.spec),
  }));
}
