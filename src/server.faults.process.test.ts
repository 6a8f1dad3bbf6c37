/**
 * Fault test with a real Neo4j process: the server under steady load while a scratch Neo4j
 * is hung with SIGSTOP and resumed with SIGCONT, then stopped and started again on the same
 * port. Every failure must be 503 DATABASE_UNAVAILABLE within its bound, /ready must go red and
 * green again, and the API must serve again without a restart. Process tier (it owns a JVM).
 */
import { createDriver } from './neo4j/driver';
import { CLIENT_DEADLINE_GRACE_MS, Executor } from './neo4j/executor';
import { migrate } from './neo4j/migrations';
import { startLocalNeo4j, stopLocalNeo4j } from './neo4j/local/local-server';
import { runFaultScript } from './testing/fault-load';
import { startScratchNeo4j } from './testing/test-database';

const CONNECT_TIMEOUT_MS = 1_000;
const QUERY_TIMEOUT_MS = 1_000;
const CLIENTS = 4;

describe('the API while a real Neo4j process hangs, resumes, stops and restarts', () => {
  it('answers only 503 DATABASE_UNAVAILABLE during each fault, fast, and recovers without a restart', async () => {
    const scratch = await startScratchNeo4j();
    const driver = createDriver({ uri: scratch.uri, username: scratch.username, password: scratch.password, connectTimeoutMs: CONNECT_TIMEOUT_MS });
    try {
      // Migrated (so /ready can be green) and warmed up (the first statements of a new JVM are slow).
      const executor = new Executor(driver, scratch.database);
      await migrate(executor);
      for (let round = 0; round < 5; round += 1) await executor.read('MATCH (p:Programme) RETURN count(p) AS n');
      const run = await runFaultScript(driver, scratch.database, {
        clients: CLIENTS,
        queryTimeoutMs: QUERY_TIMEOUT_MS,
        phases: [
          { name: 'healthy', enter: () => undefined, holdMs: 3_000 },
          { name: 'hung', enter: () => void process.kill(scratch.pid, 'SIGSTOP'), holdMs: 8_000 },
          { name: 'resumed', enter: () => void process.kill(scratch.pid, 'SIGCONT'), holdMs: 5_000 },
          { name: 'stopped', enter: async () => void (await stopLocalNeo4j({ dir: scratch.dir, port: scratch.port })), holdMs: 4_000 },
          // Starting the JVM again takes 10–25 s; the phase lasts until it answers, then 4 s more.
          { name: 'restarted', enter: async () => void (await startLocalNeo4j({ dir: scratch.dir, port: scratch.port, onProgress: () => undefined })), holdMs: 4_000 },
        ],
      });
      process.stderr.write(`fault test (real Neo4j process): ${run.summary()}`);

      const failed = run.failed();
      expect(failed.length).toBeGreaterThan(0);
      for (const outcome of failed) expect({ status: outcome.status, codes: outcome.codes }).toEqual({ status: 503, codes: ['DATABASE_UNAVAILABLE'] });
      // (A request still open when the fault began is judged with the failures.)
      const healthy = run.settledBefore('healthy', 'hung');
      expect(healthy.length).toBeGreaterThan(0);
      expect(healthy.every((outcome) => outcome.status === 200)).toBe(true);
      // A hung process: within the statement timeout plus the client-side grace (plus slack).
      expect(run.of('hung').length).toBeGreaterThan(0);
      expect(run.slowest('hung')).toBeLessThan(QUERY_TIMEOUT_MS + CLIENT_DEADLINE_GRACE_MS + 3_000);
      expect(run.firstSuccessAfter('resumed')).toBeDefined();
      // A stopped one: refused connections fail within the connect timeout.
      expect(run.of('stopped').length).toBeGreaterThan(CLIENTS);
      expect(run.slowest('stopped')).toBeLessThan(CONNECT_TIMEOUT_MS + 3_000);
      expect(run.readyAfter('hung', 503)).toBeDefined();
      expect(run.readyAfter('stopped', 503)).toBeDefined();
      // Back by itself once Neo4j is: the same process, driver and pool.
      expect(run.firstSuccessAfter('restarted')).toBeDefined();
      expect(run.readyAfter('restarted', 200)).toBeDefined();
    } finally {
      await driver.close();
      await scratch.stop();
    }
  }, 240_000);
});
