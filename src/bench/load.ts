/**
 * Responsible for putting a generated graph into the bench database: empty it in
 * batches, apply the migrations, then load the folder through the import command's
 * `importFolder`, reporting load time and peak memory.
 */
import { int } from 'neo4j-driver';
import type { Executor } from '../neo4j/executor';
import { migrate } from '../neo4j/migrations';
import { importFolder, type ImportProgress } from '../seed/import';

/** What the benchmark reports about one load. */
export interface LoadFigures {
  /** Which loader ran (always the import command's). */
  loader: 'importFolder';
  rows: number;
  durationMs: number;
  peakRssBytes: number;
  emptyMs: number;
  migrateMs: number;
}

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
  const report = await importFolder(executor, folder, { onProgress });
  return { loader: 'importFolder', rows: report.rows, durationMs: report.durationMs, peakRssBytes: report.peakRssBytes, emptyMs, migrateMs };
}
