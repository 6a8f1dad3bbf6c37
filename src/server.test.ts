import fs from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { GraphQLSchema } from 'graphql';
import neo4j, { type Driver } from 'neo4j-driver';
import pino from 'pino';
import { createDriver } from './neo4j/driver';
import { fromRoot } from './paths';
import { createSchema } from './schema';
import { createServer, type ServerDependencies } from './server';
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

type GraphqlErrors = { errors: Array<{ message: string }> };

interface RunningServer {
  url: string;
  logs: LogLine[];
  stop(): Promise<void>;
}

/** Builds the real server on `driver`/`database`, logging JSON lines into memory, listening on a free port. */
async function startServer(
  schema: GraphQLSchema,
  driver: Driver,
  database: string,
  options: Pick<ServerDependencies, 'httpTimeouts' | 'schemaExposure'> = {},
): Promise<RunningServer> {
  const logs: LogLine[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) });
  const server = createServer({ schema, driver, database, maxPageSize: 100, logger, ...options });
  await server.start();
  await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = server.httpServer.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    logs,
    stop: async () => {
      await server.stop();
    },
  };
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

describe('with the database down', () => {
  it('answers a query with DATABASE_UNAVAILABLE, HTTP 503 and Retry-After within the connect timeout', async () => {
    const { username, password } = testConnection();
    const unreachable = createDriver({ uri: 'bolt://127.0.0.1:1', username, password, connectTimeoutMs: 1_000 });
    const down = await startServer(schema, unreachable, 'neo4j');
    try {
      const started = Date.now();
      const response = await postGraphql(down.url, '{ programmes { totalCount } }');
      const elapsed = Date.now() - started;
      const body = (await response.json()) as { errors: Array<{ extensions: unknown }> };

      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      expect(body.errors).toHaveLength(1);
      expect(body.errors[0].extensions).toEqual({ code: 'DATABASE_UNAVAILABLE' });
      // Connection refused fails at once; the bound is the 1 s connect timeout plus slack.
      expect(elapsed).toBeLessThan(5_000);
    } finally {
      await down.stop();
      await unreachable.close();
    }
  });
});

describe('requests the API cannot answer', () => {
  it.each(['mutation', 'subscription'])('refuses a %s with BAD_REQUEST and HTTP 400, naming what it answers', async (type) => {
    const response = await postGraphql(api.url, `${type} { projects { totalCount } }`);

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [{ message: `This API answers queries only; ${type} operations are not supported`, extensions: { code: 'BAD_REQUEST' } }],
    });
  });

  it('repeats at most 80 characters of an id or filter value it could not find', async () => {
    const long = 'x'.repeat(10_000);
    const notFound = (await (await postGraphql(api.url, `{ project(id: "${long}") { id } }`)).json()) as {
      errors: Array<{ message: string; extensions: { code: string; id: string } }>;
    };
    expect(notFound.errors[0].extensions.code).toBe('NOT_FOUND');
    expect(notFound.errors[0].message).toBe(`No Project with id "${'x'.repeat(80)}…"`);
    expect(notFound.errors[0].extensions.id).toBe(`${'x'.repeat(80)}…`);

    const filter = (await (await postGraphql(api.url, `{ projects(filter: { programmeId: "${long}" }) { totalCount } }`)).json()) as GraphqlErrors;
    expect(filter.errors[0].message).toBe(`Filter "programmeId" refers to "${'x'.repeat(80)}…", which does not exist`);
  });
});

describe('bodies and paths the server cannot read: always a JSON error with a code, never HTML or a stack', () => {
  const post = (body: string, headers: Record<string, string>) =>
    fetch(`${api.url}/graphql`, { method: 'POST', headers: { accept: 'application/json', ...headers }, body, signal: AbortSignal.timeout(20_000) });
  const json = { 'content-type': 'application/json' };

  it.each([
    ['malformed JSON', () => post('{"query": ', json), 400, 'BAD_REQUEST'],
    ['a JSON null', () => post('null', json), 400, 'BAD_REQUEST'],
    ['a JSON string', () => post('"{ __typename }"', json), 400, 'BAD_REQUEST'],
    ['a bogus gzip body', () => post('this is not gzip', { ...json, 'content-encoding': 'gzip' }), 400, 'BAD_REQUEST'],
    ['an unsupported charset', () => post('{"query":"{ __typename }"}', { 'content-type': 'application/json; charset=latin9' }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['an unknown content encoding', () => post('{"query":"{ __typename }"}', { ...json, 'content-encoding': 'snappy' }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['a body over 1 MiB', () => post(JSON.stringify({ query: '{ __typename }', padding: 'a'.repeat(1_100_000) }), json), 413, 'PAYLOAD_TOO_LARGE'],
    ['a path nothing is served at', () => fetch(`${api.url}/no/such/page`, { signal: AbortSignal.timeout(20_000) }), 404, 'NOT_FOUND'],
  ])('%s', async (_case, send, status, code) => {
    const response = await send();
    const text = await response.text();

    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = JSON.parse(text) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions.code).toBe(code);
    // Nothing from a stack trace or the file system, and no library's own wording.
    expect(text).not.toMatch(/\bat \w+ \(|node:internal|\/work\/|node_modules|incorrect header check|<html/i);
  });
});

describe('schema exposure switches', () => {
  it('answers introspection and suggests field names by default', async () => {
    const introspection = await postGraphql(api.url, '{ __schema { queryType { name } } }');
    expect(await introspection.json()).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });

    const typo = (await (await postGraphql(api.url, '{ programmes { totalCont } }')).json()) as GraphqlErrors;
    expect(typo.errors[0].message).toMatch(/Did you mean "totalCount"\?/);
  });

  it('refuses introspection and drops suggestions when both are switched off', async () => {
    const closed = await startServer(schema, driver, testConnection().database, { schemaExposure: { introspection: false, suggestions: false } });
    try {
      const introspection = (await (await postGraphql(closed.url, '{ __schema { queryType { name } } }')).json()) as GraphqlErrors;
      expect(introspection.errors[0].message).toMatch(/introspection is not allowed/i);

      const typo = (await (await postGraphql(closed.url, '{ programmes { totalCont } }')).json()) as GraphqlErrors;
      expect(typo.errors[0].message).toContain('totalCont');
      expect(typo.errors[0].message).not.toMatch(/Did you mean/);
    } finally {
      await closed.stop();
    }
  });
});

describe('HTTP server timeouts', () => {
  it('closes a connection whose request never completes (a Content-Length it does not fill)', async () => {
    const slow = await startServer(schema, driver, testConnection().database, {
      httpTimeouts: { headersTimeoutMs: 500, requestTimeoutMs: 1_000, keepAliveTimeoutMs: 500 },
    });
    try {
      const { port } = new URL(slow.url);
      const started = Date.now();
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = net.connect(Number(port), '127.0.0.1', () => {
          socket.write('POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"query":');
        });
        let received = '';
        socket.on('data', (chunk) => (received += chunk.toString()));
        socket.on('close', () => resolve(received));
        socket.on('error', reject);
        setTimeout(() => reject(new Error('the server kept the socket open')), 15_000).unref();
      });

      // Node answers 408 Request Timeout and closes; the bound is requestTimeout plus its 1 s check interval.
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await slow.stop();
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
