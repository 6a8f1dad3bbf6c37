import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { freePort } from '../../testing/test-database';
import { localNeo4jStatus, resetLocalNeo4j, startLocalNeo4j, stopLocalNeo4j } from './local-server';
import { processExists } from '../../testing/processes';

// Its own temporary folder and a free port: the suite never touches the developer's database,
// the shared test instance, or another checkout's test run. Each test starts what it needs,
// so none depends on a JVM left running by an earlier one.
let testPort = 0;
// Generous for a cold CI cache, where the first start includes the Maven download.
const FIRST_START_TIMEOUT_MS = 15 * 60_000;
const RESTART_TIMEOUT_MS = 3 * 60_000;

async function runQuery<T>(uri: string, cypher: string, read: (record: Record<string, unknown>) => T): Promise<T> {
  // Same credentials as the app: the server has auth disabled and must still accept them.
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', 'password'));
  try {
    const { records } = await driver.executeQuery(cypher, {}, { database: 'neo4j' });
    return read(records[0].toObject());
  } finally {
    await driver.close();
  }
}


/**
 * The JVM is this test process's child: after it exits, its pid lingers as a zombie until Node's
 * event loop reaps it, so give the loop a moment before deciding the process is still there.
 */
async function processGone(pid: number): Promise<boolean> {
  for (let attempt = 0; attempt < 20 && processExists(pid); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !processExists(pid);
}

describe('local Neo4j server', () => {
  const savedEnv = { dir: process.env.NEO4J_LOCAL_DIR, port: process.env.NEO4J_LOCAL_PORT };
  let runDir: string;

  beforeAll(async () => {
    testPort = await freePort();
    runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coopgraph-neo4j-'));
    process.env.NEO4J_LOCAL_DIR = runDir;
    process.env.NEO4J_LOCAL_PORT = String(testPort);
  });

  afterAll(async () => {
    await stopLocalNeo4j();
    fs.rmSync(runDir, { recursive: true, force: true });
    for (const [name, value] of [
      ['NEO4J_LOCAL_DIR', savedEnv.dir],
      ['NEO4J_LOCAL_PORT', savedEnv.port],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }, RESTART_TIMEOUT_MS);

  it('refuses to start on a port another process holds, instead of reporting that server as ours', async () => {
    const squatter = net.createServer();
    await new Promise<void>((resolve) => squatter.listen(testPort, '127.0.0.1', resolve));
    try {
      await expect(startLocalNeo4j()).rejects.toThrow(/already in use/);
    } finally {
      await new Promise<void>((resolve) => squatter.close(() => resolve()));
    }
  });

  it(
    'starts Neo4j that answers Bolt, and a second start reuses the same process',
    async () => {
      const first = await startLocalNeo4j();
      expect(first).toMatchObject({ uri: `bolt://127.0.0.1:${testPort}`, reused: false });
      expect(first.version).toMatch(/^Neo4j\/5\.26\./);
      await expect(runQuery(first.uri, 'RETURN 1 AS one', (r) => neo4j.integer.toNumber(r.one as number))).resolves.toBe(1);
      expect(fs.readFileSync(path.join(runDir, 'neo4j.pid'), 'utf8').trim()).toBe(String(first.pid));

      const second = await startLocalNeo4j();
      expect(second).toMatchObject({ reused: true, pid: first.pid });
    },
    FIRST_START_TIMEOUT_MS,
  );

  it(
    'reset empties the graph and leaves Neo4j running',
    async () => {
      const before = await startLocalNeo4j();
      await runQuery(before.uri, 'CREATE (:ResetProbe) RETURN 1 AS one', (r) => r.one);
      const count = 'MATCH (n) RETURN count(n) AS n';
      expect(await runQuery(before.uri, count, (r) => neo4j.integer.toNumber(r.n as number))).toBe(1);

      const after = await resetLocalNeo4j();
      expect(after).not.toBeNull();
      expect(after?.pid).not.toBe(before.pid);
      expect(await processGone(before.pid)).toBe(true);
      expect(await runQuery(before.uri, count, (r) => neo4j.integer.toNumber(r.n as number))).toBe(0);
    },
    RESTART_TIMEOUT_MS,
  );

  it(
    'stop ends the JVM and is a no-op the second time',
    async () => {
      const { pid } = await startLocalNeo4j();
      await expect(localNeo4jStatus()).resolves.toMatchObject({ running: true, pid });

      await expect(stopLocalNeo4j()).resolves.toMatchObject({ stopped: true, pid });
      expect(await processGone(pid as number)).toBe(true);
      expect(fs.existsSync(path.join(runDir, 'neo4j.pid'))).toBe(false);
      await expect(localNeo4jStatus()).resolves.toMatchObject({ running: false, answering: false });

      await expect(stopLocalNeo4j()).resolves.toMatchObject({ stopped: false, pid: null });
    },
    RESTART_TIMEOUT_MS,
  );
});
