/** Responsible for loading the seed graph when the API starts, as SEED_ON_START asks. */
import type { Logger } from '../logger';
import type { Executor } from '../neo4j/executor';
import { fromRoot } from '../paths';
import { importFolder } from './import';

/** Loads `seed/` when asked to (`always`, or `if-empty` and the graph has no nodes). */
export async function loadSeedIfWanted(executor: Executor, mode: 'if-empty' | 'always' | 'never', logger: Logger) {
  if (mode === 'never') return;
  if (mode === 'if-empty') {
    const [row] = await executor.read('MATCH (n) RETURN count(n) > 0 AS hasNodes');
    if (row?.hasNodes) {
      logger.info('graph already holds data: seed not loaded (SEED_ON_START=if-empty)');
      return;
    }
  }
  logger.info('loading the seed graph from seed/');
  const report = await importFolder(executor, fromRoot('seed'));
  logger.info({ counts: report.counts, batches: report.batches, durationMs: report.durationMs }, 'seed graph loaded');
}
