/**
 * Responsible for the one Neo4j driver of the process. `bolt://`, `neo4j://` and
 * `neo4j+s://` URIs all work, so a cluster or Aura needs no code change.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { installNoDelay } from './no-delay';

export interface DriverSettings {
  uri: string;
  username: string;
  password: string;
  /**
   * How long opening a connection, and waiting for one from a full pool, may take before
   * the request fails (DATABASE_UNAVAILABLE): NEO4J_CONNECT_TIMEOUT_MS, 3,000 ms by default.
   * The driver's own defaults (30 s and 60 s) keep a client waiting through an outage.
   */
  connectTimeoutMs?: number;
}

export const DEFAULT_CONNECT_TIMEOUT_MS = 3_000;

/** Creates the process-wide driver; callers own it and must `close()` it on shutdown. */
export function createDriver(settings: DriverSettings): Driver {
  // Without it every Bolt message over ~1,400 bytes waits ~40 ms for a delayed ACK (see no-delay.ts).
  installNoDelay();
  return neo4j.driver(settings.uri, neo4j.auth.basic(settings.username, settings.password), {
    // Integers beyond 2^53 never occur in this graph; plain numbers keep the
    // mapping layer simple and the JSON output natural.
    disableLosslessIntegers: true,
    maxConnectionPoolSize: 50,
    connectionTimeout: settings.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    connectionAcquisitionTimeout: settings.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    userAgent: 'coopgraph',
  });
}
