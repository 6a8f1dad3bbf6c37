import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { GraphQLSchema } from 'graphql';
import neo4j, { type Driver } from 'neo4j-driver';
import pino from 'pino';
import { createDriver } from './neo4j/driver';
import { fromRoot } from './paths';
import { createSchema } from './schema';
import { createServer } from './server';
import { testConnection } from './testing/test-database';

interface LogLine {
  level: number;
  msg: string;
  requestId?: string;
  durationMs?: unknown;
  cypherStatements?: unknown;
  err?: { code?: string; message?: string };
  [key: string]: unknown;
}

interface RunningServer {
  url: string;
  logs: LogLine[];
  stop(): Promise<void>;
}

/** Builds the real server on `driver`/`database`, logging JSON lines into memory, listening on a free port. */
async function startServer(schema: GraphQLSchema, driver: Driver, database: string): Promise<RunningServer> {
  const logs: LogLine[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) });
  const server = createServer({ schema, driver, database, maxPageSize: 100, logger });
  await server.start();
  await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = server.httpServer.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, logs, stop: () => server.stop() };
}

function postGraphql(url: string, query: string, headers: Record<string, string> = {}) {
  return fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(20_000),
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

let schema: GraphQLSchema;
let driver: Driver;
let api: RunningServer;

beforeAll(async () => {
  schema = await createSchema();
  driver = createDriver(testConnection());
  api = await startServer(schema, driver, testConnection().database);
});

afterAll(async () => {
  await api?.stop();
  await driver?.close();
});

describe('health endpoints', () => {
  it('GET /health answers 200 without touching the database', async () => {
    const response = await fetch(`${api.url}/health`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('GET /ready answers 200 when Neo4j is reachable and migrated', async () => {
    const response = await fetch(`${api.url}/ready`, { signal: AbortSignal.timeout(20_000) });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready' });
  });

  it('GET /ready answers 503, promptly, when nothing listens where the driver points', async () => {
    const { username, password } = testConnection();
    const unreachable = neo4j.driver('bolt://127.0.0.1:1', neo4j.auth.basic(username, password), {
      connectionTimeout: 1_000,
      connectionAcquisitionTimeout: 2_000,
      maxTransactionRetryTime: 0,
    });
    const down = await startServer(schema, unreachable, 'neo4j');
    try {
      const started = Date.now();
      const response = await fetch(`${down.url}/ready`, { signal: AbortSignal.timeout(15_000) });

      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: 'not ready' });
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(down.logs.some((line) => line.msg === 'readiness check failed')).toBe(true);
    } finally {
      await down.stop();
      await unreachable.close();
    }
  });
});

describe('POST /graphql', () => {
  it('counts every programme of the seed', async () => {
    const rows = parse(fs.readFileSync(fromRoot('seed', 'nodes', 'programmes.csv')), {
      columns: true,
      bom: true,
      skip_empty_lines: true,
    }) as unknown[];
    expect(rows.length).toBeGreaterThan(0);

    const response = await postGraphql(api.url, '{ programmes { totalCount } }');

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { programmes: { totalCount: rows.length } } });
  });

  it('echoes the x-request-id it was sent', async () => {
    const response = await postGraphql(api.url, '{ __typename }', { 'x-request-id': 'client-chosen.id-42' });

    expect(response.headers.get('x-request-id')).toBe('client-chosen.id-42');
  });

  it('tells caches not to store answers, which change with every import', async () => {
    const response = await postGraphql(api.url, '{ programmes { totalCount } }');

    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('returns a fresh request id when none is sent', async () => {
    const first = await postGraphql(api.url, '{ __typename }');
    const second = await postGraphql(api.url, '{ __typename }');

    expect(first.headers.get('x-request-id')).toMatch(UUID);
    expect(second.headers.get('x-request-id')).toMatch(UUID);
    expect(first.headers.get('x-request-id')).not.toBe(second.headers.get('x-request-id'));
  });
});

describe('structured request log', () => {
  const requestLines = (id: string) => api.logs.filter((line) => line.requestId === id && line.msg === 'graphql request');

  it('writes one JSON line per request with its id, duration and Cypher statement count', async () => {
    const ids = ['log-a', 'log-b', 'log-c'];
    for (const id of ids) {
      expect((await postGraphql(api.url, '{ programmes(first: 1) { totalCount } }', { 'x-request-id': id })).status).toBe(200);
    }

    for (const id of ids) {
      const lines = requestLines(id);
      expect(lines).toHaveLength(1);
      expect(typeof lines[0]!.durationMs).toBe('number');
      expect(lines[0]!.durationMs).toBeGreaterThanOrEqual(0);
      expect(lines[0]!.cypherStatements).toEqual(expect.any(Number));
      expect(lines[0]!.cypherStatements as number).toBeGreaterThanOrEqual(1);
    }
  });

  it('counts no Cypher for a request that does not touch the database', async () => {
    await postGraphql(api.url, '{ __typename }', { 'x-request-id': 'log-no-db' });

    expect(requestLines('log-no-db')).toEqual([expect.objectContaining({ cypherStatements: 0 })]);
  });

  it('logs a generated request id under the same id the client received', async () => {
    const response = await postGraphql(api.url, '{ __typename }');
    const id = response.headers.get('x-request-id')!;

    expect(requestLines(id)).toHaveLength(1);
  });
});

describe('unexpected errors', () => {
  // A database that does not exist makes Neo4j itself fail (DatabaseNotFound): nothing the client can fix.
  let missingDb: RunningServer;
  beforeAll(async () => {
    missingDb = await startServer(schema, driver, 'no_such_db');
  });
  afterAll(() => missingDb?.stop());

  it('masks the error for the client and logs it with the request id', async () => {
    const response = await postGraphql(missingDb.url, '{ programmes { totalCount } }', { 'x-request-id': 'boom-1' });
    const body = (await response.json()) as { errors?: Array<{ message: string; extensions?: unknown }> };

    expect(body.errors).toEqual([expect.objectContaining({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } })]);
    expect(JSON.stringify(body)).not.toMatch(/no_such_db|DatabaseNotFound|stack/i);

    const logged = missingDb.logs.filter((line) => line.msg === 'unexpected error');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ requestId: 'boom-1', level: 50 });
    expect(JSON.stringify(logged[0]!.err)).toContain('DatabaseNotFound');
    expect(missingDb.logs.filter((line) => line.msg === 'graphql request')).toEqual([
      expect.objectContaining({ requestId: 'boom-1', errors: 1 }),
    ]);
  });
});

describe('GET /graphql from a browser: the offline playground', () => {
  let html: string;
  beforeAll(async () => {
    const response = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    html = await response.text();
  });

  const tags = () => html.match(/<(script|link)\b[^>]*>/gi) ?? [];
  const assetUrls = () =>
    tags().flatMap((tag) => [...tag.matchAll(/\b(?:src|href)\s*=\s*["']([^"']*)["']/gi)].map((match) => match[1]!));
  const embeddedConfig = () => {
    const match = /const config = (\{.*\});/.exec(html);
    if (!match) throw new Error('no playground config in the page');
    return JSON.parse(match[1]!) as { endpoint: string; tabs: Array<{ query: string; variables?: string }> };
  };

  it('loads scripts and styles only from local paths', () => {
    expect(assetUrls().length).toBeGreaterThanOrEqual(2);
    for (const tag of tags()) expect(tag).not.toMatch(/https?:\/\//i);
    for (const url of assetUrls()) expect(url).toMatch(/^\/(?!\/)/);
    // Nothing outside the embedded example operations may point at the internet either.
    expect(html.replace(/const config = \{.*\};/, '')).not.toMatch(/https?:\/\//i);
  });

  it('serves every script and stylesheet it refers to, with a JS or CSS content type', async () => {
    for (const url of assetUrls()) {
      const response = await fetch(`${api.url}${url}`);
      expect({ url, status: response.status }).toEqual({ url, status: 200 });
      const expected = url.endsWith('.css') ? /^text\/css/ : /^(application|text)\/javascript/;
      expect(response.headers.get('content-type')).toMatch(expected);
      expect((await response.text()).length).toBeGreaterThan(1_000);
    }
  });

  it('does not serve other files from node_modules', async () => {
    const [asset] = assetUrls();
    const directory = asset!.slice(0, asset!.lastIndexOf('/'));

    expect((await fetch(`${api.url}${directory}/package.json`)).status).toBe(404);
    expect((await fetch(`${api.url}${directory}/..%2F..%2Fpackage.json`)).status).toBe(404);
  });

  it('points GraphiQL at the GraphQL endpoint and opens the example operations as tabs', () => {
    const config = embeddedConfig();
    expect(config.endpoint).toBe('/graphql');

    const directory = fromRoot('schema', 'operations');
    const files = fs.existsSync(directory) ? fs.readdirSync(directory).filter((file) => file.endsWith('.graphql')).sort() : [];
    if (files.length === 0) {
      expect(config.tabs).toEqual([]);
    } else {
      expect(config.tabs.map((tab) => tab.query)).toEqual(files.map((file) => fs.readFileSync(path.join(directory, file), 'utf8')));
    }
  });

  it('leaves API clients to Apollo', async () => {
    const response = await fetch(`${api.url}/graphql`, { headers: { accept: 'application/json' } });

    expect(response.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
  });
});
