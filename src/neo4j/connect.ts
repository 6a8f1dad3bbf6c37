/**
 * Responsible for deciding which Neo4j a command talks to: NEO4J_URI when set, else the
 * project's own local Neo4j, started (or reused) on NEO4J_LOCAL_PORT.
 */
import type { Config } from '../config';
import { startLocalNeo4j } from './local/local-server';

export interface Neo4jTarget {
  uri: string;
  /** True when this call started the local Neo4j (so the caller may stop it again). */
  startedLocally: boolean;
}

/**
 * Returns the Bolt URI to use, starting the local Neo4j when no NEO4J_URI is configured.
 * `owned`: a Neo4j this call starts stops when this process dies (the API: it stops its Neo4j
 * on shutdown anyway, and a crash must not orphan the JVM); otherwise it is left running.
 */
export async function resolveNeo4j(config: Config, announce: (message: string) => void, owned = false): Promise<Neo4jTarget> {
  if (config.neo4j.uri) return { uri: config.neo4j.uri, startedLocally: false };
  announce(`NEO4J_URI is not set: using the project's local Neo4j on port ${config.neo4j.localPort}`);
  const local = await startLocalNeo4j({ port: config.neo4j.localPort, ...(owned ? { ownerPid: process.pid } : {}) });
  return { uri: local.uri, startedLocally: !local.reused };
}
