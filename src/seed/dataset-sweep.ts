/**
 * Responsible for scoping an import to its datasets: after the rows are written, what the
 * graph holds of the imported datasets, in the files the input has, and the input no longer
 * contains is removed
 * (relationships first, then nodes nothing else still links to), and each removal is
 * remembered so that a failed import can create it again. Facts of other datasets are
 * never touched: a node another dataset's relationship still uses is kept and counted.
 */
import type { Executor } from '../neo4j/executor';
import { Label, RelType } from '../neo4j/graph-schema';
import type { WriteStep } from './import-plan';
import { NODE_FILES, RELATIONSHIP_FILES } from './seed-files';
import {
  JOURNAL_TYPES,
  datasetNodesCypher,
  datasetRelationshipsCypher,
  deleteLooseNodesByElementCypher,
  deleteRelationshipsByElementCypher,
  labelPresentCypher,
  recreateNodesCypher,
  recreateRelationshipsCypher,
  typePresentCypher,
} from './seed.cypher';

type EncodedProperty = [key: string, type: string, text: string | null];

interface RemovedRelationship {
  type: RelType;
  fromLabel: Label;
  toLabel: Label;
  from: string;
  to: string;
  props: EncodedProperty[];
}

interface RemovedNode {
  label: Label;
  props: EncodedProperty[];
}

export interface SweepCounts {
  /** Removed per label and per relationship type. */
  removed: { nodes: Partial<Record<Label, number>>; relationships: Partial<Record<RelType, number>> };
  /** Nodes of the datasets absent from the input but kept: another dataset's relationship uses them. */
  kept: Partial<Record<Label, number>>;
}

export type SweepProgress = (rowsDone: number, rowsTotal: number, what: string) => void;

export class DatasetSweep {
  private readonly removedRelationships: RemovedRelationship[] = [];
  private readonly removedNodes: RemovedNode[] = [];

  private constructor(
    private readonly presentLabels: ReadonlySet<Label>,
    private readonly presentTypes: ReadonlySet<RelType>,
  ) {}

  /**
   * Notes, before anything is written, which labels and types hold data at all (count
   * store): only those can hold rows the input no longer contains.
   */
  static async open(executor: Executor): Promise<DatasetSweep> {
    const labels = new Set<Label>();
    const types = new Set<RelType>();
    for (const spec of NODE_FILES) {
      const [row] = await executor.read(labelPresentCypher(spec.label));
      if (row?.present === true) labels.add(spec.label);
    }
    for (const spec of RELATIONSHIP_FILES) {
      const [row] = await executor.read(typePresentCypher(spec.type));
      if (row?.present === true) types.add(spec.type);
    }
    return new DatasetSweep(labels, types);
  }

  /** The datasets the input's rows name: the import is scoped to these. */
  static datasetsOf(steps: readonly WriteStep[]): string[] {
    const datasets = new Set<string>();
    for (const step of steps) {
      for (const record of step.records) {
        const source = record.properties.source;
        if (typeof source === 'string') datasets.add(source);
      }
    }
    return [...datasets].sort();
  }

  /** Removes what the datasets hold in the graph that `steps` do not contain. */
  async run(
    executor: Executor,
    steps: readonly WriteStep[],
    presentFiles: ReadonlySet<string>,
    batchSize: number,
    onProgress: SweepProgress,
  ): Promise<SweepCounts> {
    const counts: SweepCounts = { removed: { nodes: {}, relationships: {} }, kept: {} };
    const datasets = DatasetSweep.datasetsOf(steps);
    if (datasets.length === 0) return counts;
    const nodeIds = new Map<Label, Set<string>>();
    const pairs = new Map<string, Set<string>>();
    for (const step of steps) {
      if (step.kind === 'node') {
        const ids = nodeIds.get(step.label) ?? new Set<string>();
        for (const record of step.records) ids.add(record.id);
        nodeIds.set(step.label, ids);
      } else {
        const key = `${step.type} ${step.from} ${step.to}`;
        const kept = pairs.get(key) ?? new Set<string>();
        for (const record of step.records) kept.add(`${record.from}\u0000${record.to}`);
        pairs.set(key, kept);
      }
    }

    for (const spec of RELATIONSHIP_FILES) {
      if (!this.presentTypes.has(spec.type) || !presentFiles.has(spec.file)) continue;
      for (const { from, to } of spec.endpoints) {
        const rows = await executor.read(datasetRelationshipsCypher(spec.type, from, to), { datasets, journalTypes: [...JOURNAL_TYPES] });
        const kept = pairs.get(`${spec.type} ${from} ${to}`);
        const absent = rows.filter((row) => !kept?.has(`${String(row.from)}\u0000${String(row.to)}`));
        for (let start = 0; start < absent.length; start += batchSize) {
          const batch = absent.slice(start, start + batchSize);
          await executor.write(deleteRelationshipsByElementCypher(), { elements: batch.map((row) => row.element) });
          // Remembered once its transaction committed, so an undo never creates a relationship twice.
          for (const row of batch) {
            this.removedRelationships.push({ type: spec.type, fromLabel: from, toLabel: to, from: String(row.from), to: String(row.to), props: row.props as EncodedProperty[] });
          }
          onProgress(start + batch.length, absent.length, `relationships/${spec.type}.csv`);
        }
        if (absent.length > 0) counts.removed.relationships[spec.type] = (counts.removed.relationships[spec.type] ?? 0) + absent.length;
      }
    }

    for (const spec of NODE_FILES) {
      if (!this.presentLabels.has(spec.label) || spec.label === Label.Dataset || !presentFiles.has(spec.file)) continue;
      const rows = await executor.read(datasetNodesCypher(spec.label), { datasets, journalTypes: [...JOURNAL_TYPES] });
      const kept = nodeIds.get(spec.label);
      const absent = rows.filter((row) => !kept?.has(String(row.id)));
      const loose = absent.filter((row) => Number(row.degree) === 0);
      if (absent.length > loose.length) counts.kept[spec.label] = absent.length - loose.length;
      const byElement = new Map(loose.map((row) => [String(row.element), row]));
      for (let start = 0; start < loose.length; start += batchSize) {
        const batch = loose.slice(start, start + batchSize);
        const [result] = await executor.write(deleteLooseNodesByElementCypher(), { elements: batch.map((row) => row.element) });
        for (const element of (result?.removed ?? []) as string[]) {
          this.removedNodes.push({ label: spec.label, props: byElement.get(element)?.props as EncodedProperty[] });
        }
        onProgress(start + batch.length, loose.length, spec.file);
      }
      const removed = this.removedNodes.filter((node) => node.label === spec.label).length;
      if (removed > 0) counts.removed.nodes[spec.label] = removed;
    }
    return counts;
  }

  /** Creates again, in batches, everything `run` removed: nodes first, then relationships. */
  async undo(executor: Executor, batchSize: number): Promise<number> {
    let undone = 0;
    for (const spec of NODE_FILES) {
      const rows = this.removedNodes.filter((node) => node.label === spec.label);
      for (let start = 0; start < rows.length; start += batchSize) {
        await executor.write(recreateNodesCypher(spec.label), { rows: rows.slice(start, start + batchSize).map(({ props }) => ({ props })) });
      }
      undone += rows.length;
    }
    const groups = new Map<string, RemovedRelationship[]>();
    for (const row of this.removedRelationships) {
      const key = `${row.type} ${row.fromLabel} ${row.toLabel}`;
      groups.set(key, [...(groups.get(key) ?? []), row]);
    }
    for (const rows of groups.values()) {
      const { type, fromLabel, toLabel } = rows[0];
      for (let start = 0; start < rows.length; start += batchSize) {
        const batch = rows.slice(start, start + batchSize).map(({ from, to, props }) => ({ from, to, props }));
        await executor.write(recreateRelationshipsCypher(type, fromLabel, toLabel), { rows: batch });
      }
      undone += rows.length;
    }
    this.removedNodes.length = 0;
    this.removedRelationships.length = 0;
    return undone;
  }
}
