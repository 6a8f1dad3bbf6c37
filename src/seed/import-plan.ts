/**
 * Responsible for the order of an import: one write step per node file, then one per
 * (relationship file, endpoint labels) pair, so every relationship finds its endpoints
 * and every statement names both labels (two index seeks per row).
 */
import type { Label, RelType } from '../neo4j/graph-schema';
import { toDriverProperties } from './load';
import { type NodeFileSpec, type RelationshipFileSpec, NODE_FILES, RELATIONSHIP_FILES } from './seed-files';
import type { NodeRecord, RelationshipRecord, SeedData } from './validate';

/** The rows of one node file. */
export interface NodeStep {
  kind: 'node';
  file: string;
  spec: NodeFileSpec;
  label: Label;
  records: readonly NodeRecord[];
}

/** The rows of one relationship file that join one pair of labels. */
export interface RelationshipStep {
  kind: 'relationship';
  file: string;
  spec: RelationshipFileSpec;
  type: RelType;
  from: Label;
  to: Label;
  records: readonly RelationshipRecord[];
}

export type WriteStep = NodeStep | RelationshipStep;

/** The write steps for validated data, in load order; files without rows have no step. */
export function planImport(data: SeedData): WriteStep[] {
  const steps: WriteStep[] = [];
  for (const spec of NODE_FILES) {
    const records = data.nodes.get(spec.label) ?? [];
    if (records.length > 0) steps.push({ kind: 'node', file: spec.file, spec, label: spec.label, records });
  }
  for (const spec of RELATIONSHIP_FILES) {
    const groups = new Map<string, RelationshipStep>();
    for (const record of data.relationships.get(spec.type) ?? []) {
      const key = `${record.fromLabel}->${record.toLabel}`;
      let step = groups.get(key);
      if (!step) {
        step = { kind: 'relationship', file: spec.file, spec, type: spec.type, from: record.fromLabel, to: record.toLabel, records: [] };
        groups.set(key, step);
      }
      (step.records as RelationshipRecord[]).push(record);
    }
    steps.push(...groups.values());
  }
  return steps;
}

/**
 * Statement parameters for rows `start` to `end` of a step. Converted one batch at a
 * time, so only one batch of driver values is ever held beside the parsed files.
 */
export function batchRows(step: WriteStep, start: number, end: number): Array<Record<string, unknown>> {
  if (step.kind === 'node') {
    return step.records.slice(start, end).map((node) => ({ id: node.id, props: toDriverProperties(node.properties, step.spec) }));
  }
  return step.records
    .slice(start, end)
    .map((relationship) => ({ from: relationship.from, to: relationship.to, props: toDriverProperties(relationship.properties, step.spec) }));
}
