import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fromRoot } from './paths';
import { processExists } from './testing/processes';
import { testConnection } from './testing/test-database';

// The real entry point in a child process, as `npm start` runs it but without the build step:
// ts-node compiles on the fly (decorators and their metadata included).
const ENTRY = ['-r', 'ts-node/register/transpile-only', fromRoot('src', 'index.ts')];
const STARTUP_TIMEOUT_MS = 90_000;

interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

interface Api {
  child: ChildProcess;
  port: number;
  logs: LogLine[];
  stderr: () => string;
  exited: Promise<number | null>;
  /** Resolves with the first log line matching `predicate` (already written or yet to come). */
  logged(predicate: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
}

/** A port nothing listens on right now (the config rejects PORT=0). */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts src/index.ts with only the given environment (no NODE_ENV: Apollo must behave as in production). */
function launch(environment: Record<string, string>): Api {
  const child = spawn(process.execPath, ENTRY, {
    cwd: fromRoot(),
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', CI: 'true', ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: LogLine[] = [];
  const waiters: Array<() => void> = [];
  let stderr = '';
  let pending = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines.filter(Boolean)) {
      try {
        logs.push(JSON.parse(line) as LogLine);
      } catch {
        logs.push({ level: 0, msg: line });
      }
    }
    waiters.splice(0).forEach((wake) => wake());
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  exited.then(() => waiters.splice(0).forEach((wake) => wake()));

  const logged = async (predicate: (line: LogLine) => boolean, timeoutMs = STARTUP_TIMEOUT_MS) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const line = logs.find(predicate);
      if (line) return line;
      if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
        throw new Error(`log line not seen (exit ${child.exitCode ?? child.signalCode}); stdout:\n${JSON.stringify(logs, null, 1)}\nstderr:\n${stderr}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 250);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  };
  return { child, port: Number(environment.PORT), logs, stderr: () => stderr, exited, logged };
}

/** `promise`, or a failure naming what did not happen within `ms`. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The NEO4J_* variables that point the API at the test database. */
function testDatabaseEnvironment(): Record<string, string> {
  const connection = testConnection();
  return {
    NEO4J_URI: connection.uri,
    NEO4J_USERNAME: connection.username,
    NEO4J_PASSWORD: connection.password,
    NEO4J_DATABASE: connection.database,
  };
}


/** True once connecting to the port is refused. */
function connectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

/**
 * Opens a POST /graphql whose headers the server has read (it answered 100-continue, so the
 * request is in flight) but whose body is held back until `finish()` sends it.
 */
async function openRequest(port: number, query: string) {
  const body = JSON.stringify({ query });
  const request = http.request({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path: '/graphql',
    headers: {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      'x-request-id': 'in-flight-1',
      expect: '100-continue',
    },
  });
  const response = new Promise<{ status: number; body: unknown }>((resolve, reject) => {
    request.once('response', (incoming) => {
      let text = '';
      incoming.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      incoming.once('end', () => resolve({ status: incoming.statusCode ?? 0, body: JSON.parse(text) }));
      incoming.once('error', reject);
    });
    request.once('error', reject);
  });
  request.flushHeaders();
  await new Promise<void>((resolve, reject) => {
    request.once('continue', resolve);
    request.once('error', reject);
  });
  // Settled from the start, so a request cut before anyone awaits it is not an unhandled rejection.
  const outcome = response.then(
    () => 'answered',
    (error: Error) => `failed: ${error.message}`,
  );
  return {
    finish() {
      request.end(body);
      return response;
    },
    /** How the request ended (answered, or the error that ended it), without sending the body. */
    outcome: () => outcome,
  };
}

describe('the entry point, run as a process', () => {
  let api: Api | undefined;

  afterEach(async () => {
    if (api && api.child.exitCode === null && api.child.signalCode === null) {
      api.child.kill('SIGKILL');
      await api.exited;
    }
    api = undefined;
  });

  it('drains the request in flight on SIGTERM, refuses new ones, closes and exits 0', async () => {
    const port = await freePort();
    api = launch({
      ...testDatabaseEnvironment(),
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_ON_START: 'never',
      OPEN_PLAYGROUND: 'false',
      LOG_LEVEL: 'info',
    });
    await api.logged((line) => line.msg.startsWith('coopgraph API ready'));

    const inFlight = await openRequest(port, '{ programmes(first: 100) { totalCount nodes { id name } } }');
    api.child.kill('SIGTERM');
    await api.logged((line) => line.msg.startsWith('shutting down'), 10_000);

    // New connections are refused while the old request is still open.
    const deadline = Date.now() + 5_000;
    while (!(await connectionRefused(port))) {
      if (Date.now() > deadline) throw new Error('the server still accepts connections after SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
    expect(api.logs.some((line) => line.msg === 'stopped')).toBe(false);

    const { status, body } = await within(inFlight.finish(), 10_000, 'the response to the request in flight');
    expect(status).toBe(200);
    expect(body).toEqual({
      data: { programmes: { totalCount: expect.any(Number), nodes: expect.any(Array) } },
    });
    const { programmes } = (body as { data: { programmes: { totalCount: number; nodes: unknown[] } } }).data;
    expect(programmes.totalCount).toBeGreaterThan(0);
    expect(programmes.nodes).toHaveLength(programmes.totalCount);

    expect(await within(api.exited, 15_000, 'exit after draining')).toBe(0);
    const messages = api.logs.map((line) => line.msg);
    const requestLine = api.logs.findIndex((line) => line.requestId === 'in-flight-1' && line.msg === 'graphql request');
    expect(requestLine).toBeGreaterThan(messages.findIndex((message) => message.startsWith('shutting down')));
    expect(messages.indexOf('stopped')).toBeGreaterThan(requestLine);
    expect(api.stderr()).toBe('');
  });

  it('listens at once while Neo4j is down: /health green, /ready and GraphQL say why (503), then serves once Neo4j appears', async () => {
    const connection = testConnection();
    const [port, neo4jPort] = [await freePort(), await freePort()];
    api = launch({
      ...testDatabaseEnvironment(),
      NEO4J_URI: `bolt://127.0.0.1:${neo4jPort}`,
      NEO4J_CONNECT_TIMEOUT_MS: '1000',
      PORT: String(port),
      SEED_ON_START: 'never',
      OPEN_PLAYGROUND: 'false',
      // Express and Apollo show stacks in development; coopgraph must not, whatever NODE_ENV says.
      NODE_ENV: 'development',
    });
    await api.logged((line) => line.msg === 'Neo4j does not answer yet; retrying');

    expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
    const ready = await fetch(`http://127.0.0.1:${port}/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'not ready', reason: expect.stringMatching(new RegExp(`^starting: Neo4j at bolt://127.0.0.1:${neo4jPort} does not answer`)) });
    const early = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    expect(early.status).toBe(503);
    expect(early.headers.get('retry-after')).toBe('5');
    expect(((await early.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('DATABASE_UNAVAILABLE');

    // Neo4j "comes up" on that port: a relay to the test database.
    const target = new URL(connection.uri);
    const relay = net.createServer((client) => {
      const upstream = net.connect(Number(target.port), target.hostname);
      client.pipe(upstream).pipe(client);
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
    });
    await new Promise<void>((resolve) => relay.listen(neo4jPort, '127.0.0.1', resolve));
    try {
      await api.logged((line) => line.msg.startsWith('coopgraph API ready'), 30_000);
      expect((await fetch(`http://127.0.0.1:${port}/ready`)).status).toBe(200);
      const served = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ programmes { totalCount } }"}' });
      expect(served.status).toBe(200);
      for (const [headers, body] of [
        [{ 'content-type': 'application/json', 'content-encoding': 'gzip' }, 'not gzip'],
        [{ 'content-type': 'application/json' }, '{"query": '],
        [{ 'content-type': 'application/json' }, '{"query": "{ nosuchfield }"}'],
      ] as const) {
        const refused = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers, body });
        const text = await refused.text();
        expect(refused.headers.get('content-type')).toMatch(/^application\/json/);
        expect(text).not.toMatch(/stacktrace|\bat \w+ \(|node_modules|node:internal|<html/i);
      }
    } finally {
      api.child.kill('SIGKILL');
      await api.exited;
      await new Promise((resolve) => relay.close(resolve));
    }
  });

  it('gives up waiting for Neo4j after NEO4J_STARTUP_WAIT_MS with a clear message and exit code 3', async () => {
    const [port, neo4jPort] = [await freePort(), await freePort()];
    api = launch({
      NEO4J_URI: `bolt://127.0.0.1:${neo4jPort}`,
      NEO4J_CONNECT_TIMEOUT_MS: '500',
      NEO4J_STARTUP_WAIT_MS: '2000',
      PORT: String(port),
      SEED_ON_START: 'never',
      OPEN_PLAYGROUND: 'false',
    });

    expect(await within(api.exited, STARTUP_TIMEOUT_MS, 'exit after the start-up wait')).toBe(3);
    expect(api.stderr()).toMatch(new RegExp(`coopgraph failed to start: Neo4j at bolt://127.0.0.1:${neo4jPort} did not answer within \\d+ s \\(\\d+ attempts; last: `));
  });

  it('leaves no Neo4j behind when the API that started it is killed with SIGKILL', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coopgraph-owned-neo4j-'));
    try {
      api = launch({
        NEO4J_LOCAL_DIR: dir,
        NEO4J_LOCAL_PORT: String(await freePort()),
        PORT: String(await freePort()),
        SEED_ON_START: 'never',
        OPEN_PLAYGROUND: 'false',
      });
      await api.logged((line) => line.msg.startsWith('coopgraph API ready'));
      const jvm = Number(fs.readFileSync(path.join(dir, 'neo4j.pid'), 'utf8'));
      expect(processExists(jvm)).toBe(true);

      api.child.kill('SIGKILL');
      await api.exited;

      // The launcher checks its owner every second, then closes the store and exits.
      const deadline = Date.now() + 30_000;
      while (processExists(jvm) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
      expect(processExists(jvm)).toBe(false);
      expect(fs.readFileSync(path.join(dir, 'neo4j.log'), 'utf8')).toContain('stopped cleanly');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes a large response completely to a slow reader after SIGTERM, then exits 0', async () => {
    const port = await freePort();
    // Fewer aliases than the driver's 50 pooled connections: each alias is one statement.
    const aliases = 45;
    api = launch({
      ...testDatabaseEnvironment(),
      PORT: String(port),
      SEED_ON_START: 'never',
      OPEN_PLAYGROUND: 'false',
      // Limits raised so one request can ask for ~7 MB of regions, more than the socket buffers hold.
      MAX_PAGE_SIZE: '1000',
      QUERY_MAX_ALIASES: String(aliases),
      QUERY_MAX_COST: '1000000',
    });
    await api.logged((line) => line.msg.startsWith('coopgraph API ready'));
    const fields = 'id name level countryCode source sourceUrls';
    const query = `{ ${Array.from({ length: aliases }, (_, index) => `a${index}: regions(first: 1000) { nodes { ${fields} } }`).join(' ')} }`;
    const body = JSON.stringify({ query });

    const chunks: Buffer[] = [];
    const incoming = await new Promise<http.IncomingMessage>((resolve, reject) => {
      const request = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } });
      request.once('response', resolve);
      request.once('error', reject);
      request.end(body);
    });
    // A slow reader: nothing is read until well after the signal.
    incoming.pause();
    const ended = new Promise<void>((resolve, reject) => {
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.once('end', resolve);
      incoming.once('error', reject);
    });
    incoming.pause();
    api.child.kill('SIGTERM');
    await api.logged((line) => line.msg.startsWith('shutting down'), 10_000);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    // The server is still writing: its socket is full and the reader has not read.
    expect(api.child.exitCode).toBeNull();

    incoming.resume();
    await within(ended, 30_000, 'the whole response');
    const text = Buffer.concat(chunks).toString('utf8');
    expect(text.length).toBeGreaterThan(4 * 2 ** 20);
    const data = (JSON.parse(text) as { data: Record<string, { nodes: unknown[] }> }).data;
    expect(Object.keys(data)).toHaveLength(aliases);
    const sizes = new Set(Object.values(data).map((list) => list.nodes.length));
    expect(sizes.size).toBe(1);
    expect([...sizes][0]).toBeGreaterThan(0);
    expect(await within(api.exited, 15_000, 'exit after the response was written')).toBe(0);
  });

  it('cuts a request still in flight after SHUTDOWN_GRACE_MS, logs how many it cut and exits 4', async () => {
    const port = await freePort();
    api = launch({
      ...testDatabaseEnvironment(),
      PORT: String(port),
      SEED_ON_START: 'never',
      OPEN_PLAYGROUND: 'false',
      SHUTDOWN_GRACE_MS: '1000',
    });
    await api.logged((line) => line.msg.startsWith('coopgraph API ready'));
    // Its body is never sent, so the request can only end by being cut.
    const stuck = await openRequest(port, '{ __typename }');
    const started = Date.now();
    api.child.kill('SIGTERM');

    expect(await within(api.exited, 15_000, 'exit after the grace period')).toBe(4);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(await stuck.outcome()).toMatch(/^failed: /);
    expect(api.logs.find((line) => line.msg.startsWith('shutdown grace period over'))).toMatchObject({ cut: 1, graceMs: 1000 });
    expect(api.logs.find((line) => line.msg === 'stopped')).toMatchObject({ cut: 1 });
  });

  it('exits 1 on a bad configuration, listing every bad variable on stderr', async () => {
    api = launch({ PORT: 'abc', NEO4J_URI: 'http://x', LOG_LEVEL: 'loud', SEED_ON_START: 'never' });

    expect(await within(api.exited, STARTUP_TIMEOUT_MS, 'exit on bad configuration')).toBe(1);
    for (const variable of ['PORT', 'NEO4J_URI', 'LOG_LEVEL']) {
      expect(api.stderr()).toMatch(new RegExp(`^\\s*- ${variable}: `, 'm'));
    }
    expect(api.stderr()).not.toMatch(/^\s*- SEED_ON_START/m);
    expect(api.logs.some((line) => line.msg.startsWith('coopgraph API ready'))).toBe(false);
  });
});
