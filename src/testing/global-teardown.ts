/** Jest globalTeardown: stops the test Neo4j if globalSetup started it. */
import { stopLocalNeo4j } from '../neo4j/local/local-server';
import { TEST_NEO4J_LOCAL_DIR, TEST_NEO4J_LOCAL_PORT } from './test-database';

export default async function globalTeardown(): Promise<void> {
  if (process.env.COOPGRAPH_TEST_STARTED_NEO4J === 'yes') {
    // Declared by several tiers: only the first teardown stops it.
    process.env.COOPGRAPH_TEST_STARTED_NEO4J = '';
    await stopLocalNeo4j({ dir: TEST_NEO4J_LOCAL_DIR, port: TEST_NEO4J_LOCAL_PORT });
  }
}
