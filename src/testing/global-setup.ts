/**
 * Jest globalSetup: makes sure a real Neo4j is there for the suite (starting the
 * project's test instance unless TEST_NEO4J_URI names one), then empties it, applies the
 * migrations and loads the seed, so every run starts from the same graph.
 */
import { createDriver } from '../neo4j/driver';
import { Executor } from '../neo4j/executor';
import { startLocalNeo4j } from '../neo4j/local/local-server';
import { migrate } from '../neo4j/migrations';
import { fromRoot } from '../paths';
import { importFolder } from '../seed/import';
import { TEST_NEO4J_LOCAL_DIR, TEST_NEO4J_LOCAL_PORT, testConnection } from './test-database';

export default async function globalSetup(): Promise<void> {
  // Each tier that needs the database declares this setup; jest runs it once per tier, in one process.
  if (process.env.COOPGRAPH_TEST_SEEDED === 'yes') return;
  if (!process.env.TEST_NEO4J_URI) {
    const local = await startLocalNeo4j({ dir: TEST_NEO4J_LOCAL_DIR, port: TEST_NEO4J_LOCAL_PORT });
    process.env.TEST_NEO4J_URI = local.uri;
    // Stop in teardown only what this run started; an instance started by .ci/run or by hand stays up.
    process.env.COOPGRAPH_TEST_STARTED_NEO4J = local.reused ? '' : 'yes';
  }
  const connection = testConnection();
  const driver = createDriver(connection);
  try {
    const executor = new Executor(driver, connection.database);
    // In batches: one transaction deleting a large graph (a benchmark's, say) exceeds Neo4j's
    // transaction memory limit.
    for (;;) {
      const [row] = await executor.write('MATCH (n) WITH n LIMIT 5000 DETACH DELETE n RETURN count(*) AS deleted');
      if (!row || Number(row.deleted) === 0) break;
    }
    await migrate(executor);
    await importFolder(executor, fromRoot('seed'));
  } finally {
    await driver.close();
  }
  process.env.COOPGRAPH_TEST_SEEDED = 'yes';
}
