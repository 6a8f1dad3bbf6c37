/**
 * Fault test (fast, in the integration tier): the real server under steady load while a relay
 * between its driver and the shared test Neo4j stops and restores, then hangs and thaws the
 * connection (the database and the other test files are untouched). It checks what clients got
 * (codes, HTTP statuses, how long a failure took), /ready's transitions, and that the API recovers
 * without a restart. The real-process version (SIGSTOP/SIGCONT and a stop and restart of a
 * scratch Neo4j) is src/server.faults.process.test.ts.
 */
import { createDriver } from './neo4j/driver';
import { CLIENT_DEADLINE_GRACE_MS } from './neo4j/executor';
import { FaultRelay } from './testing/fault-relay';
import { runFaultScript } from './testing/fault-load';
import { testConnection } from './testing/test-database';

const CONNECT_TIMEOUT_MS = 1_000;
const QUERY_TIMEOUT_MS = 1_000;
const CLIENTS = 4;

describe('the API while Neo4j stops, restarts, hangs and thaws (relay)', () => {
  it('fails fast with DATABASE_UNAVAILABLE and 503, never INTERNAL_SERVER_ERROR, and recovers without a restart', async () => {
    const { uri, username, password, database } = testConnection();
    const relay = await FaultRelay.start(uri);
    const driver = createDriver({ uri: relay.uri, username, password, connectTimeoutMs: CONNECT_TIMEOUT_MS });
    const run = await runFaultScript(driver, database, {
      clients: CLIENTS,
      queryTimeoutMs: QUERY_TIMEOUT_MS,
      phases: [
        { name: 'healthy', enter: () => undefined, holdMs: 2_000 },
        { name: 'down', enter: () => relay.down(), holdMs: 6_000 },
        { name: 'recovered', enter: () => relay.up(), holdMs: 5_000 },
        { name: 'hung', enter: () => relay.freeze(), holdMs: 8_000 },
        { name: 'thawed', enter: () => relay.up(), holdMs: 6_000 },
      ],
    }).finally(async () => {
      await driver.close();
      await relay.close();
    });
    // The figures go to stderr for the closing note (the lint keeps console out of the code).
    process.stderr.write(`fault test (relay): ${run.summary()}`);

    // Every failure is the documented one: 503 with DATABASE_UNAVAILABLE, nothing else.
    const failed = run.failed();
    expect(failed.length).toBeGreaterThan(0);
    for (const outcome of failed) expect({ status: outcome.status, codes: outcome.codes }).toEqual({ status: 503, codes: ['DATABASE_UNAVAILABLE'] });
    // Healthy before (a request still open when the relay went down is judged with the failures)
    // and serving again after each fault, with the same process and driver.
    const healthy = run.settledBefore('healthy', 'down');
    expect(healthy.length).toBeGreaterThan(0);
    expect(healthy.every((outcome) => outcome.status === 200)).toBe(true);
    expect(run.firstSuccessAfter('recovered')).toBeDefined();
    expect(run.firstSuccessAfter('thawed')).toBeDefined();
    // Fast failure: a stopped Neo4j within the connect timeout (plus slack for a loaded machine),
    // a hung one within the statement timeout plus the client-side grace.
    expect(run.of('down').length).toBeGreaterThan(CLIENTS);
    expect(run.slowest('down')).toBeLessThan(CONNECT_TIMEOUT_MS + 3_000);
    expect(run.slowest('hung')).toBeLessThan(QUERY_TIMEOUT_MS + CLIENT_DEADLINE_GRACE_MS + 3_000);
    // /ready goes red during the outage and green again by itself.
    expect(run.readyAfter('down', 503)).toBeDefined();
    expect(run.readyAfter('recovered', 200)).toBeDefined();
  }, 120_000);
});
