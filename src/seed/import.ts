/**
 * Responsible for importing a seed folder into Neo4j in bounded memory, all or nothing:
 * validate every file first in one streaming pass (nothing written on any error), then
 * read the files again, writing them in batches, each its own write transaction, keeping
 * an undo journal on disk; if any batch fails, undo what the import wrote. Finally
 * recompute the stored sort keys. Memory holds the input's keys (ids, endpoint pairs) and
 * one batch, never the files.
 */
import { performance } from 'node:perf_hooks';
import { refreshDerived } from '../neo4j/derived';
import type { Executor } from '../neo4j/executor';
import { type WriteStep, fileBatches, planImport } from './import-plan';
import type { SeedCounts } from './load';
import { NODE_FILES, RELATIONSHIP_FILES, SEED_FILES } from './seed-files';
import { DatasetSweep, type SweepCounts } from './dataset-sweep';
import { graphPresence, presentFilesOf } from './graph-state';
import { type SeedFileSource, type ValidateOptions, folderSource } from './seed-source';
import { UndoJournal } from './undo-journal';
import { type SeedValidation, SeedValidationError, validateSeed } from './validate';

export type { SeedCounts } from './load';
export { type SeedFileSource, folderSource, textSource } from './seed-source';

export interface ImportProgress {
  phase: 'validate' | 'write' | 'remove' | 'derive' | 'undo';
  file?: string;
  rowsDone: number;
  rowsTotal: number;
}

export interface ImportOptions {
  batchSize?: number;
  dryRun?: boolean;
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportReport {
  counts: SeedCounts;
  /** What the imported datasets held that the input no longer contains: removed, or kept because another dataset links to it. */
  swept: SweepCounts;
  rows: number;
  batches: number;
  durationMs: number;
  peakRssBytes: number;
  dryRun: boolean;
}

/**
 * Rows per transaction. 10,000 rows of this graph stay far below Neo4j's transaction
 * memory limit while keeping round trips few (100k projects + 500k participations: ~70).
 */
export const DEFAULT_BATCH_SIZE = 10_000;

/** Thrown when a batch failed part-way; the import has been undone (`cause` is the batch's error). */
export class ImportFailedError extends Error {
  constructor(
    message: string,
    readonly rowsUndone: number,
    options: { cause: unknown },
  ) {
    super(message, options);
    this.name = 'ImportFailedError';
  }
}

/** Thrown when undoing a failed import failed too: the graph may hold part of the import. */
export class ImportUndoError extends Error {
  constructor(
    message: string,
    readonly importError: unknown,
    options: { cause: unknown },
  ) {
    super(message, options);
    this.name = 'ImportUndoError';
  }
}

/**
 * Validates `folder`, writes it in batches of separate transactions with an undo journal,
 * then recomputes derived sort keys. Throws SeedValidationError (nothing written),
 * ImportFailedError (written part undone) or ImportUndoError (undo failed too).
 */
export async function importFolder(
  executor: Executor,
  folder: string,
  options: ImportOptions = {},
  validateOptions?: ValidateOptions,
): Promise<ImportReport> {
  return importSeedFiles(executor, folderSource(folder, validateOptions), options);
}

/** As importFolder, for files supplied by `source` (the keep.eu adapter's converted files). */
export async function importSeedFiles(executor: Executor, source: SeedFileSource, options: ImportOptions = {}): Promise<ImportReport> {
  const folder = source.display;
  const started = performance.now();
  const batchSize = checkedBatchSize(options.batchSize);
  const progress = options.onProgress ?? (() => undefined);
  const { validation, steps, report } = await validated(source, progress, started);
  if (options.dryRun) return report(0, true);

  const presence = await graphPresence(executor);
  const journal = UndoJournal.open(steps, presence);
  const sweep = new DatasetSweep(presence);
  let swept: SweepCounts = { removed: { nodes: {}, relationships: {} }, kept: {} };
  let batches = 0;
  let failedAt = '';
  let deriving = false;
  try {
    for (const spec of SEED_FILES) {
      const fileTotal = rowsOfFile(steps, spec.file);
      let fileDone = 0;
      failedAt = `reading ${spec.file}`;
      for await (const batch of fileBatches(validation, steps, spec, batchSize)) {
        const { step, start, records } = batch;
        failedAt = `${step.file} rows ${start + 1}-${start + records.length}${step.kind === 'relationship' ? ` (${step.from}->${step.to})` : ''}`;
        const outcome = await executor.writeTransaction((tx) => journal.writeBatch(tx, batch));
        journal.committed(step, outcome);
        batches += 1;
        fileDone += records.length;
        progress({ phase: 'write', file: step.file, rowsDone: fileDone, rowsTotal: fileTotal });
        failedAt = `reading ${spec.file}`;
      }
    }
    failedAt = 'removing what the input no longer contains of its datasets';
    swept = await sweep.run(executor, validation.keys, presentFilesOf(validation), batchSize, (rowsDone, rowsTotal, file) =>
      progress({ phase: 'remove', file, rowsDone, rowsTotal }),
    );
    deriving = true;
    failedAt = 'recomputing the derived sort keys';
    progress({ phase: 'derive', rowsDone: 0, rowsTotal: 1 });
    await refreshDerived(executor);
    progress({ phase: 'derive', rowsDone: 1, rowsTotal: 1 });
  } catch (error) {
    await undoAfter(error, executor, journal, sweep, batchSize, progress, deriving, folder, failedAt);
  } finally {
    journal.close();
    sweep.close();
  }
  return { ...report(batches, false), swept };
}

/** Validates `folder` and reports what an import would write, without touching Neo4j. */
export async function dryRunImport(folder: string, options: Pick<ImportOptions, 'onProgress'> = {}): Promise<ImportReport> {
  return (await validated(folderSource(folder), options.onProgress ?? (() => undefined), performance.now())).report(0, true);
}

/**
 * Validates `source` in one streaming pass and plans its writes; throws SeedValidationError
 * listing the problems (the first thousand, and a file with all of them when there are more).
 */
export async function validated(source: SeedFileSource, progress: (progress: ImportProgress) => void, started = performance.now()) {
  let rowsRead = 0;
  const validation: SeedValidation = await validateSeed(source, (file) => {
    rowsRead += file.rows;
    progress({ phase: 'validate', file: file.file, rowsDone: rowsRead, rowsTotal: rowsRead });
  });
  if (validation.errorCount > 0) throw new SeedValidationError(validation.errors, validation.errorCount, validation.fullListFile);
  const steps = planImport(validation);
  const rowsTotal = steps.reduce((sum, step) => sum + step.rows, 0);
  const report = (batches: number, dryRun: boolean): ImportReport => ({
    counts: countsOf(steps),
    swept: { removed: { nodes: {}, relationships: {} }, kept: {} },
    rows: rowsTotal,
    batches,
    durationMs: Math.round(performance.now() - started),
    // maxRSS is the process's peak in KiB: what the import needed, validation included.
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    dryRun,
  });
  return { validation, steps, report };
}

async function undoAfter(
  error: unknown,
  executor: Executor,
  journal: UndoJournal,
  sweep: DatasetSweep,
  batchSize: number,
  progress: (progress: ImportProgress) => void,
  deriving: boolean,
  folder: string,
  failedAt: string,
): Promise<never> {
  const reason = error instanceof Error ? error.message : String(error);
  let undone: number;
  try {
    // What the sweep removed comes back first: the writes' undo never deletes it (it was not written).
    undone = await sweep.undo(executor, batchSize);
    undone += await journal.undo(executor, batchSize, (rowsDone, rowsTotal, file) => progress({ phase: 'undo', file, rowsDone, rowsTotal }));
    // Sort keys of nodes the import did not touch (counts of participations, members) were
    // recomputed over the imported graph; recompute them over the restored one.
    if (deriving) await refreshDerived(executor);
  } catch (undoError) {
    const undoReason = undoError instanceof Error ? undoError.message : String(undoError);
    throw new ImportUndoError(
      `Import of ${folder} failed at ${failedAt}: ${reason}\nUndoing it failed too, so the graph may hold part of the import: ${undoReason}`,
      error,
      { cause: undoError },
    );
  }
  throw new ImportFailedError(
    `Import of ${folder} failed at ${failedAt}: ${reason}\nUndone (${undone} rows): the graph is as it was before the import.`,
    undone,
    { cause: error },
  );
}

function checkedBatchSize(value: number | undefined): number {
  if (value === undefined) return DEFAULT_BATCH_SIZE;
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new RangeError(`importFolder: batchSize must be a positive integer, got ${value}`);
  }
  return value;
}

function countsOf(steps: readonly WriteStep[]): SeedCounts {
  // Every declared file gets a count, zero included, so a report always lists them all.
  const counts: SeedCounts = {
    nodes: Object.fromEntries(NODE_FILES.map((spec) => [spec.label, 0])),
    relationships: Object.fromEntries(RELATIONSHIP_FILES.map((spec) => [spec.type, 0])),
  };
  for (const step of steps) {
    if (step.kind === 'node') counts.nodes[step.label] = step.rows;
    else counts.relationships[step.type] = (counts.relationships[step.type] ?? 0) + step.rows;
  }
  return counts;
}

function rowsOfFile(steps: readonly WriteStep[], file: string): number {
  return steps.filter((step) => step.file === file).reduce((sum, step) => sum + step.rows, 0);
}
