/**
 * Responsible for which Neo4j the tests use. By default a separate local instance
 * (its own folder and port), so `npm test` never touches the data behind `npm start`.
 * TEST_NEO4J_URI points the tests at another database instead; the tests EMPTY it.
 */
import { fromRoot } from '../paths';

export const TEST_NEO4J_LOCAL_DIR = process.env.TEST_NEO4J_LOCAL_DIR ?? fromRoot('src', 'neo4j', 'local', 'run-test');
export const TEST_NEO4J_LOCAL_PORT = Number(process.env.TEST_NEO4J_LOCAL_PORT ?? 7688);
export const TEST_NEO4J_DATABASE = process.env.TEST_NEO4J_DATABASE ?? 'neo4j';

/** Connection settings the test workers read (globalSetup exports them into the environment). */
export function testConnection() {
  const uri = process.env.TEST_NEO4J_URI;
  if (!uri) throw new Error('TEST_NEO4J_URI is not set: run the tests through jest (its globalSetup starts Neo4j)');
  return {
    uri,
    username: process.env.TEST_NEO4J_USERNAME ?? 'neo4j',
    password: process.env.TEST_NEO4J_PASSWORD ?? 'password',
    database: TEST_NEO4J_DATABASE,
  };
}
