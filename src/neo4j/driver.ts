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
}

/** Creates the process-wide driver; callers own it and must `close()` it on shutdown. */
export function createDriver(settings: DriverSettings): Driver {
  // Without it every Bolt message over ~1,400 bytes waits ~40 ms for a delayed ACK (see no-delay.ts).
  installNoDelay();
  return neo4j.driver(settings.uri, neo4j.auth.basic(settings.username, settings.password), {
    // Integers beyond 2^53 never occur in this graph; plain numbers keep the
    // mapping layer simple and the JSON output natural.
    disableLosslessIntegers: true,
    maxConnectionPoolSize: 50,
    connectionAcquisitionTimeout: 30_000,
    userAgent: 'coopgraph',
  });
}
