/**
 * Responsible for the undo journal of an import: what each committed batch changed,
 * recorded as cheaply as the graph allows, and the batched transactions that take it
 * back so the graph is exactly as it was before the import.
 *
 * A label or type with no data before the import is journaled for free: its undo deletes
 * the rows of the committed batches, which the parsed files already hold. Otherwise each
 * batch reads, in its own transaction and just before overwriting them, the element id and
 * typed properties of the nodes or relationships it touches.
 */
import type { Executor, Row, TransactionRunner } from '../neo4j/executor';
import type { GraphPresence } from './graph-state';
import { type WriteStep, batchRows } from './import-plan';
import {
  JOURNAL_TYPES,
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

interface StepJournal {
  step: WriteStep;
  /** True when the label or type had no data before: undo deletes the committed rows. */
  fresh: boolean;
  /** Rows of `step.records` whose batches committed. */
  committed: number;
  /** Journaled steps: ids (nodes) or endpoint pairs (relationships) the import created. */
  created: Array<string | { from: string; to: string }>;
  /** Journaled steps: entities that existed, with their properties before. */
  before: Before[];
}

/** What one batch transaction returns to the journal; applied only once it committed. */
export interface BatchOutcome {
  written: number;
  created: StepJournal['created'];
  before: Before[];
}

/** Reports undo progress: rows undone so far and the total to undo. */
export type UndoProgress = (rowsDone: number, rowsTotal: number, file: string) => void;

/** The undo journal of one import; create with `UndoJournal.open` before writing anything. */
export class UndoJournal {
  private constructor(private readonly steps: Map<WriteStep, StepJournal>) {}

  /** Notes, for every step, whether its label or type held data before the import. */
  static open(steps: readonly WriteStep[], presence: GraphPresence): UndoJournal {
    const journals = new Map<WriteStep, StepJournal>();
    for (const step of steps) {
      const fresh = step.kind === 'node' ? !presence.labels.has(step.label) : !presence.types.has(step.type);
      journals.set(step, { step, fresh, committed: 0, created: [], before: [] });
    }
    return new UndoJournal(journals);
  }

  /** Whether undoing `step` needs no per-row journal (its label or type was empty). */
  isFresh(step: WriteStep): boolean {
    return this.journalOf(step).fresh;
  }

  /**
   * Writes rows `start` to `end` of `step` inside `tx` and returns what the journal must
   * remember. Safe to retry: it records nothing itself (see `committed`).
   */
  async writeBatch(tx: TransactionRunner, step: WriteStep, start: number, end: number): Promise<BatchOutcome> {
    const rows = batchRows(step, start, end);
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
    journal.created.push(...outcome.created);
    journal.before.push(...outcome.before);
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
    const total = journals.reduce((sum, journal) => sum + (journal.fresh ? journal.committed : journal.created.length + journal.before.length), 0);
    let done = 0;
    const inBatches = async <T>(items: readonly T[], file: string, run: (batch: T[]) => Promise<unknown>) => {
      for (let start = 0; start < items.length; start += batchSize) {
        const batch = items.slice(start, start + batchSize);
        await run(batch);
        done += batch.length;
        onProgress(done, total, file);
      }
    };
    for (const { step, fresh, committed, created, before } of journals) {
      // Restore first: a restored relationship may join a node that is deleted below only
      // if that node was created by this import, which cannot be.
      await inBatches(before, step.file, (rows) =>
        executor.write(restorePropertiesCypher(step.kind), { rows: rows.map(({ element, props }) => ({ element, props })) }),
      );
      if (step.kind === 'node') {
        const ids = fresh ? step.records.slice(0, committed).map((record) => record.id) : (created as string[]);
        await inBatches(ids, step.file, (batch) => executor.write(deleteNodesCypher(step.label), { ids: batch }));
      } else {
        const pairs = fresh
          ? step.records.slice(0, committed).map(({ from, to }) => ({ from, to }))
          : (created as Array<{ from: string; to: string }>);
        await inBatches(pairs, step.file, (rows) => executor.write(deleteRelationshipsCypher(step.type, step.from, step.to), { rows }));
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
