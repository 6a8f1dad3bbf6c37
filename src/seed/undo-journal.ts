/**
 * Responsible for the undo journal of an import: what each committed batch changed,
 * recorded as cheaply as the graph allows, and the batched transactions that take it
 * back so the graph is exactly as it was before the import.
 *
 * A label or type with no data before the import is journaled for free: everything it
 * holds afterwards is the import's, so its undo deletes all of it. Otherwise each batch
 * reads, in its own transaction and just before overwriting them, the element id and typed
 * properties of the nodes or relationships it touches; the journal keeps that on disk
 * (see SpillFile), so it does not grow the process with the size of the graph.
 */
import type { Executor, Row, TransactionRunner } from '../neo4j/executor';
import type { GraphPresence } from './graph-state';
import { type StepBatch, type WriteStep, batchRows } from './import-plan';
import { type SpillFile, SpillFolder } from './spill-file';
import {
  JOURNAL_TYPES,
  deleteAllNodesCypher,
  deleteAllRelationshipsCypher,
  deleteNodesCypher,
  deleteRelationshipsCypher,
  createNodesCypher,
  mergeNodesJournaledCypher,
  createRelationshipsCypher,
  mergeRelationshipsJournaledCypher,
  restorePropertiesCypher,
} from './seed.cypher';

/** A property as the journal keeps it: key, Cypher type name, `toString` text. */
type EncodedProperty = [key: string, type: string, text: string | null];

/** What a node or relationship held before the import overwrote it. */
interface Before {
  element: string;
  props: EncodedProperty[];
}

type Created = string | { from: string; to: string };

interface StepJournal {
  step: WriteStep;
  /** True when the label or type had no data before: undo deletes all it holds. */
  fresh: boolean;
  /** Rows of the step whose batches committed. */
  committed: number;
  /** Journaled steps: ids (nodes) or endpoint pairs (relationships) the import created. */
  created: SpillFile<Created>;
  /** Journaled steps: entities that existed, with their properties before. */
  before: SpillFile<Before>;
}

/** What one batch transaction returns to the journal; applied only once it committed. */
export interface BatchOutcome {
  written: number;
  created: Created[];
  before: Before[];
}

/** Reports undo progress: rows undone so far and the total to undo. */
export type UndoProgress = (rowsDone: number, rowsTotal: number, file: string) => void;

/** The undo journal of one import; create with `UndoJournal.open` before writing anything. */
export class UndoJournal {
  private constructor(
    private readonly steps: Map<WriteStep, StepJournal>,
    private readonly spill: SpillFolder,
  ) {}

  /** Notes, for every step, whether its label or type held data before the import. */
  static open(steps: readonly WriteStep[], presence: GraphPresence): UndoJournal {
    const journals = new Map<WriteStep, StepJournal>();
    const spill = new SpillFolder();
    for (const step of steps) {
      const fresh = step.kind === 'node' ? !presence.labels.has(step.label) : !presence.types.has(step.type);
      journals.set(step, { step, fresh, committed: 0, created: spill.file(), before: spill.file() });
    }
    return new UndoJournal(journals, spill);
  }

  /** Deletes the journal's files: call once the import is done or undone. */
  close(): void {
    this.spill.remove();
  }

  /** Whether undoing `step` needs no per-row journal (its label or type was empty). */
  isFresh(step: WriteStep): boolean {
    return this.journalOf(step).fresh;
  }

  /**
   * Writes `batch` inside `tx` and returns what the journal must remember. Safe to retry:
   * it records nothing itself (see `committed`).
   */
  async writeBatch(tx: TransactionRunner, batch: StepBatch): Promise<BatchOutcome> {
    const { step } = batch;
    const rows = batchRows(step, batch.records);
    const fresh = this.journalOf(step).fresh;
    const parameters = { rows, journalTypes: [...JOURNAL_TYPES] };
    if (step.kind === 'node') {
      const cypher = fresh ? createNodesCypher(step.label) : mergeNodesJournaledCypher(step.label);
      const [result] = await tx.run(cypher, parameters);
      checkWritten(result, rows.length, step);
      if (fresh) return { written: rows.length, created: [], before: [] };
      const before = (result.before as unknown as Array<Before & { id: string }>).map((entry) => checked(entry, step, entry.id));
      const existed = new Set((result.before as unknown as Array<{ id: string }>).map((entry) => entry.id));
      const created = rows.map((row) => row.id as string).filter((id) => !existed.has(id));
      return { written: rows.length, created, before };
    }
    const cypher = fresh
      ? createRelationshipsCypher(step.type, step.from, step.to)
      : mergeRelationshipsJournaledCypher(step.type, step.from, step.to);
    const [result] = await tx.run(cypher, parameters);
    checkWritten(result, rows.length, step);
    if (fresh) return { written: rows.length, created: [], before: [] };
    const outcome: BatchOutcome = { written: rows.length, created: [], before: [] };
    for (const row of result.rows as unknown as Array<{ from: string; to: string; before: Before[] }>) {
      if (row.before.length === 0) outcome.created.push({ from: row.from, to: row.to });
      for (const entry of row.before) outcome.before.push(checked(entry, step, `${row.from} -> ${row.to}`));
    }
    return outcome;
  }

  /** Records a batch whose transaction committed. */
  committed(step: WriteStep, outcome: BatchOutcome): void {
    const journal = this.journalOf(step);
    journal.committed += outcome.written;
    journal.created.append(outcome.created);
    journal.before.append(outcome.before);
  }

  /** Rows any committed batch wrote (zero: nothing to undo). */
  get rowsCommitted(): number {
    return [...this.steps.values()].reduce((sum, journal) => sum + journal.committed, 0);
  }

  /**
   * Takes back every committed batch, last step first (relationships before the nodes
   * they join), in transactions of at most `batchSize` rows. Returns the rows undone.
   */
  async undo(executor: Executor, batchSize: number, onProgress: UndoProgress): Promise<number> {
    const journals = [...this.steps.values()].filter((journal) => journal.committed > 0).reverse();
    const total = journals.reduce((sum, journal) => sum + (journal.fresh ? journal.committed : journal.created.count + journal.before.count), 0);
    let done = 0;
    const counted = (rows: number, file: string) => {
      done += rows;
      onProgress(done, total, file);
    };
    for (const { step, fresh, created, before } of journals) {
      if (fresh) {
        // Everything the label or type holds is the import's: delete it a batch at a time.
        const cypher = step.kind === 'node' ? deleteAllNodesCypher(step.label) : deleteAllRelationshipsCypher(step.type, step.from, step.to);
        for (;;) {
          const [row] = await executor.write(cypher, { batch: batchSize });
          const deleted = Number(row?.undone ?? 0);
          if (deleted === 0) break;
          counted(deleted, step.file);
        }
        continue;
      }
      // Restore first: a restored relationship may join a node that is deleted below only
      // if that node was created by this import, which cannot be.
      for await (const rows of before.batches(batchSize)) {
        await executor.write(restorePropertiesCypher(step.kind), { rows: rows.map(({ element, props }) => ({ element, props })) });
        counted(rows.length, step.file);
      }
      for await (const batch of created.batches(batchSize)) {
        if (step.kind === 'node') await executor.write(deleteNodesCypher(step.label), { ids: batch });
        else await executor.write(deleteRelationshipsCypher(step.type, step.from, step.to), { rows: batch });
        counted(batch.length, step.file);
      }
    }
    return done;
  }

  private journalOf(step: WriteStep): StepJournal {
    const journal = this.steps.get(step);
    if (!journal) throw new Error(`No journal for ${step.file}: the step was not planned for this import`);
    return journal;
  }
}

function checkWritten(result: Row | undefined, expected: number, step: WriteStep): void {
  const written = Number(result?.written ?? 0);
  // Validation guarantees every endpoint exists; a shortfall means the graph changed under the import.
  if (written !== expected) {
    throw new Error(`Import of ${step.file}: wrote ${written} of ${expected} rows of a batch; the batch is rolled back`);
  }
}

/** Refuses, inside the batch (so it rolls back), a property the journal could not restore exactly. */
function checked(entry: Before, step: WriteStep, what: string): Before {
  for (const [key, type, text] of entry.props) {
    if (text === null) {
      const kind = step.kind === 'node' ? `${step.label} "${what}"` : `${step.type} ${what}`;
      throw new Error(
        `Import of ${step.file}: existing ${kind} has property ${key} of type ${type}, which the undo journal cannot restore (supported: ${JOURNAL_TYPES.join(', ')}); nothing of this batch was written`,
      );
    }
  }
  return { element: entry.element, props: entry.props };
}
