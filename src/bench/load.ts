/**
 * Responsible for putting a generated graph into the bench database: empty it in
 * batches, apply the migrations, then load the folder through the import command's
 * `importFolder`, reporting load time and peak memory.
 */
import { int } from 'neo4j-driver';
import type { Executor } from '../neo4j/executor';
import { migrate } from '../neo4j/migrations';
import { refreshDerived } from '../neo4j/derived';
import { loadSeed } from '../seed/load';

/** Progress of an import, as `importFolder` (src/seed/import.ts) reports it. */
export interface ImportProgress {
  phase: 'validate' | 'write' | 'derive' | 'undo';
  file?: string;
  rowsDone: number;
  rowsTotal: number;
}

/** What the benchmark reports about one load. */
export interface LoadFigures {
  /** Which loader ran: the import command, or the one-transaction seed loader while it is missing. */
  loader: 'importFolder' | 'loadSeed (fallback)';
  rows: number;
  durationMs: number;
  peakRssBytes: number;
  emptyMs: number;
  migrateMs: number;
}

type ImportFolder = (
  executor: Executor,
  folder: string,
  options?: { onProgress?: (progress: ImportProgress) => void },
) => Promise<{ rows: number; durationMs: number; peakRssBytes: number }>;

// Relationships go first and in bounded batches: a 100k graph cannot be deleted in one transaction.
const DELETE_RELATIONSHIPS = 'MATCH ()-[r]->() WITH r LIMIT $batch DELETE r RETURN count(*) AS deleted';
const DELETE_NODES = 'MATCH (n) WITH n LIMIT $batch DETACH DELETE n RETURN count(*) AS deleted';
const DELETE_BATCH = 20_000;

/** Deletes every relationship and node, one bounded transaction at a time. */
export async function emptyDatabase(executor: Executor): Promise<void> {
  for (const statement of [DELETE_RELATIONSHIPS, DELETE_NODES]) {
    for (;;) {
      const [row] = await executor.write(statement, { batch: int(DELETE_BATCH) });
      if (Number(row?.deleted ?? 0) === 0) break;
    }
  }
}

/**
 * The import command lands on another branch; until it does, the seed loader (one
 * transaction, then the derived keys) stands in so the benchmark runs at small scales.
 */
async function importer(): Promise<{ name: LoadFigures['loader']; run: ImportFolder }> {
  const modulePath = '../seed/import';
  try {
    const loaded = (await import(modulePath)) as { importFolder?: ImportFolder };
    if (typeof loaded.importFolder === 'function') return { name: 'importFolder', run: loaded.importFolder };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
  }
  return {
    name: 'loadSeed (fallback)',
    run: async (executor, folder) => {
      const started = performance.now();
      const counts = await loadSeed(executor, folder);
      await refreshDerived(executor);
      const rows = [...Object.values(counts.nodes), ...Object.values(counts.relationships)].reduce((a, b) => a + (b ?? 0), 0);
      return { rows, durationMs: performance.now() - started, peakRssBytes: process.resourceUsage().maxRSS * 1024 };
    },
  };
}

/** Empties the database, migrates it and loads `folder`; `onProgress` receives the importer's progress. */
export async function loadGraph(
  executor: Executor,
  folder: string,
  onProgress: (progress: ImportProgress) => void,
): Promise<LoadFigures> {
  let started = performance.now();
  await emptyDatabase(executor);
  const emptyMs = performance.now() - started;
  started = performance.now();
  await migrate(executor);
  const migrateMs = performance.now() - started;
  const { name, run } = await importer();
  const report = await run(executor, folder, { onProgress });
  return { loader: name, rows: report.rows, durationMs: report.durationMs, peakRssBytes: report.peakRssBytes, emptyMs, migrateMs };
}
