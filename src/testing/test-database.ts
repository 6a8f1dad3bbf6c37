/**
 * Responsible for which Neo4j the tests use. By default a separate local instance
 * (its own folder and port), so `npm test` never touches the data behind `npm start`.
 * TEST_NEO4J_URI points the tests at another database instead; the tests EMPTY it.
 * Tests that write get a scratch instance of their own (startScratchNeo4j).
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startLocalNeo4j, stopLocalNeo4j } from '../neo4j/local/local-server';
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

/** A loopback port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface ScratchNeo4j {
  uri: string;
  username: string;
  password: string;
  database: string;
  /** Its folder, port and JVM pid, for tests that stop, restart or pause it. */
  dir: string;
  port: number;
  pid: number;
  /** Stops the JVM and deletes its folder. */
  stop(): Promise<void>;
}

/**
 * Starts an empty Neo4j in a temporary folder on a free port, for a test file that writes:
 * the read-only tests running beside it keep seeing exactly the seeded graph.
 */
export async function startScratchNeo4j(): Promise<ScratchNeo4j> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coopgraph-scratch-neo4j-'));
  const port = await freePort();
  const instance = await startLocalNeo4j({ dir, port });
  return {
    uri: instance.uri,
    username: 'neo4j',
    password: 'password',
    database: 'neo4j',
    dir,
    port,
    pid: instance.pid,
    async stop() {
      await stopLocalNeo4j({ dir, port });
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
