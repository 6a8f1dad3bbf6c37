/**
 * Responsible for scoping an import to its datasets: after the rows are written, what the
 * graph holds of the imported datasets, in the files the input has, and the input no longer
 * contains is removed (relationships first, then nodes nothing else still links to), and
 * each removal is remembered so that a failed import can create it again. Facts of other
 * datasets are never touched: a node another dataset's relationship still uses is kept and
 * counted.
 */
import type { Executor } from '../neo4j/executor';
import type { Label, RelType } from '../neo4j/graph-schema';
import { type GraphPresence, absentNodes, absentRelationships, inputKeys } from './graph-state';
import type { WriteStep } from './import-plan';
import { deleteLooseNodesByElementCypher, deleteRelationshipsByElementCypher, recreateNodesCypher, recreateRelationshipsCypher } from './seed.cypher';

interface RemovedRelationships {
  type: RelType;
  from: Label;
  to: Label;
  rows: Array<{ from: string; to: string; props: unknown }>;
}

interface RemovedNodes {
  label: Label;
  rows: Array<{ props: unknown }>;
}

export interface SweepCounts {
  /** Removed per label and per relationship type. */
  removed: { nodes: Partial<Record<Label, number>>; relationships: Partial<Record<RelType, number>> };
  /** Nodes of the datasets absent from the input but kept: another dataset's relationship uses them. */
  kept: Partial<Record<Label, number>>;
}

export type SweepProgress = (rowsDone: number, rowsTotal: number, what: string) => void;

export class DatasetSweep {
  private readonly removedRelationships: RemovedRelationships[] = [];
  private readonly removedNodes: RemovedNodes[] = [];

  /** `presence`: what held data before the import; only that can hold rows the input no longer has. */
  constructor(private readonly presence: GraphPresence) {}

  /** Removes what the datasets hold in the graph that `steps` do not contain. */
  async run(
    executor: Executor,
    steps: readonly WriteStep[],
    presentFiles: ReadonlySet<string>,
    batchSize: number,
    onProgress: SweepProgress,
  ): Promise<SweepCounts> {
    const counts: SweepCounts = { removed: { nodes: {}, relationships: {} }, kept: {} };
    const keys = inputKeys(steps);

    for (const { type, from, to, rows } of await absentRelationships(executor, keys, presentFiles, (t) => this.presence.types.has(t))) {
      const removed: RemovedRelationships = { type, from, to, rows: [] };
      this.removedRelationships.push(removed);
      for (let start = 0; start < rows.length; start += batchSize) {
        const batch = rows.slice(start, start + batchSize);
        await executor.write(deleteRelationshipsByElementCypher(), { elements: batch.map((row) => row.element) });
        // Remembered once its transaction committed, so an undo never creates a relationship twice.
        for (const row of batch) removed.rows.push({ from: row.from, to: row.to, props: row.props });
        onProgress(start + batch.length, rows.length, `relationships/${type}.csv`);
      }
      counts.removed.relationships[type] = (counts.removed.relationships[type] ?? 0) + rows.length;
    }

    // Read after the relationships went: a node only they used is loose now.
    for (const { label, file, rows } of await absentNodes(executor, keys, presentFiles, (l) => this.presence.labels.has(l))) {
      const loose = rows.filter((row) => row.degree === 0);
      if (rows.length > loose.length) counts.kept[label] = rows.length - loose.length;
      const byElement = new Map(loose.map((row) => [row.element, row]));
      const removed: RemovedNodes = { label, rows: [] };
      this.removedNodes.push(removed);
      for (let start = 0; start < loose.length; start += batchSize) {
        const batch = loose.slice(start, start + batchSize);
        const [result] = await executor.write(deleteLooseNodesByElementCypher(), { elements: batch.map((row) => row.element) });
        for (const element of (result?.removed ?? []) as string[]) removed.rows.push({ props: byElement.get(element)?.props });
        onProgress(start + batch.length, loose.length, file);
      }
      if (removed.rows.length > 0) counts.removed.nodes[label] = removed.rows.length;
    }
    return counts;
  }

  /** Creates again, in batches, everything `run` removed: nodes first, then relationships. */
  async undo(executor: Executor, batchSize: number): Promise<number> {
    let undone = 0;
    const inBatches = async <T>(rows: readonly T[], write: (batch: T[]) => Promise<unknown>) => {
      for (let start = 0; start < rows.length; start += batchSize) await write(rows.slice(start, start + batchSize));
      undone += rows.length;
    };
    // Removed in node-file order, so created again in the order the import loads them.
    for (const { label, rows } of this.removedNodes) {
      await inBatches(rows, (batch) => executor.write(recreateNodesCypher(label), { rows: batch }));
    }
    for (const { type, from, to, rows } of this.removedRelationships) {
      await inBatches(rows, (batch) => executor.write(recreateRelationshipsCypher(type, from, to), { rows: batch }));
    }
    this.removedNodes.length = 0;
    this.removedRelationships.length = 0;
    return undone;
  }
}
