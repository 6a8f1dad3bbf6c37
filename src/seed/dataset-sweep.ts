/**
 * Responsible for scoping an import to its datasets: after the rows are written, what the
 * graph holds of the imported datasets, in the files the input has, and the input no longer
 * contains is removed (relationships first, then nodes nothing else still links to), and
 * each removal is remembered, on disk, so that a failed import can create it again. Facts
 * of other datasets are never touched: a node another dataset's relationship still uses is
 * kept and counted.
 */
import type { Executor } from '../neo4j/executor';
import type { Label, RelType } from '../neo4j/graph-schema';
import { type GraphPresence, absentNodes, absentRelationships } from './graph-state';
import { type SpillFile, SpillFolder } from './spill-file';
import {
  JOURNAL_TYPES,
  deleteLooseNodesByElementCypher,
  deleteRelationshipsByElementCypher,
  recreateNodesCypher,
  recreateRelationshipsCypher,
} from './seed.cypher';
import type { InputKeys } from './validate';

interface RemovedRelationships {
  type: RelType;
  from: Label;
  to: Label;
  rows: SpillFile<{ from: string; to: string; props: unknown }>;
}

interface RemovedNodes {
  label: Label;
  rows: SpillFile<{ props: unknown }>;
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
  private readonly spill = new SpillFolder();

  /** `presence`: what held data before the import; only that can hold rows the input no longer has. */
  constructor(private readonly presence: GraphPresence) {}

  /** Removes what the datasets hold in the graph that the input (`keys`) does not contain. */
  async run(executor: Executor, keys: InputKeys, presentFiles: ReadonlySet<string>, batchSize: number, onProgress: SweepProgress): Promise<SweepCounts> {
    const counts: SweepCounts = { removed: { nodes: {}, relationships: {} }, kept: {} };
    const journalTypes = [...JOURNAL_TYPES];

    for (const { type, from, to, elements } of await absentRelationships(executor, keys, presentFiles, (t) => this.presence.types.has(t))) {
      const removed: RemovedRelationships = { type, from, to, rows: this.spill.file() };
      this.removedRelationships.push(removed);
      for (let start = 0; start < elements.length; start += batchSize) {
        const batch = elements.slice(start, start + batchSize);
        const [result] = await executor.write(deleteRelationshipsByElementCypher(), { elements: batch, journalTypes });
        // Remembered once its transaction committed, so an undo never creates a relationship twice.
        removed.rows.append((result?.removed ?? []) as Array<{ from: string; to: string; props: unknown }>);
        onProgress(start + batch.length, elements.length, `relationships/${type}.csv`);
      }
      counts.removed.relationships[type] = (counts.removed.relationships[type] ?? 0) + removed.rows.count;
    }

    // Read after the relationships went: a node only they used is loose now.
    for (const { label, file, elements, kept } of await absentNodes(executor, keys, presentFiles, (l) => this.presence.labels.has(l))) {
      if (kept > 0) counts.kept[label] = kept;
      const removed: RemovedNodes = { label, rows: this.spill.file() };
      this.removedNodes.push(removed);
      for (let start = 0; start < elements.length; start += batchSize) {
        const batch = elements.slice(start, start + batchSize);
        const [result] = await executor.write(deleteLooseNodesByElementCypher(), { elements: batch, journalTypes });
        removed.rows.append((result?.removed ?? []) as Array<{ props: unknown }>);
        onProgress(start + batch.length, elements.length, file);
      }
      if (removed.rows.count > 0) counts.removed.nodes[label] = removed.rows.count;
    }
    return counts;
  }

  /** Creates again, in batches, everything `run` removed: nodes first, then relationships. */
  async undo(executor: Executor, batchSize: number): Promise<number> {
    let undone = 0;
    // Removed in node-file order, so created again in the order the import loads them.
    for (const { label, rows } of this.removedNodes) {
      for await (const batch of rows.batches(batchSize)) {
        await executor.write(recreateNodesCypher(label), { rows: batch });
        undone += batch.length;
      }
    }
    for (const { type, from, to, rows } of this.removedRelationships) {
      for await (const batch of rows.batches(batchSize)) {
        await executor.write(recreateRelationshipsCypher(type, from, to), { rows: batch });
        undone += batch.length;
      }
    }
    this.removedNodes.length = 0;
    this.removedRelationships.length = 0;
    return undone;
  }

  /** Deletes the files that remember the removals: call once the import is done or undone. */
  close(): void {
    this.spill.remove();
  }
}
