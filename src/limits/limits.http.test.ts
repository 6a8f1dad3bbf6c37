import type { AddressInfo } from 'node:net';
import type { Driver } from 'neo4j-driver';
import pino from 'pino';
import { createDriver } from '../neo4j/driver';
import { createSchema } from '../schema';
import { createServer } from '../server';
import { testConnection } from '../testing/test-database';
import { aliasedProgrammes, deepProjects, repeatedSelections } from './oversized-queries';

// The real server over HTTP, as a client (or an attacker) meets it. Before the limits, the
// 20-level query alone made the process run out of heap.

interface LogLine {
  msg: string;
  cypherStatements?: number;
  operationName?: string | null;
}

let driver: Driver;
let url: string;
let stop: () => Promise<void>;
const logs: LogLine[] = [];

beforeAll(async () => {
  driver = createDriver(testConnection());
  const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) });
  const server = createServer({ schema: await createSchema(), driver, database: testConnection().database, maxPageSize: 100, logger });
  await server.start();
  await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`;
  stop = async () => {
    await server.stop();
  };
});

afterAll(async () => {
  await stop?.();
  await driver?.close();
});

async function post(body: string) {
  const started = performance.now();
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  return { status: response.status, contentType: response.headers.get('content-type'), text, ms: performance.now() - started };
}

const postQuery = (query: string) => post(JSON.stringify({ query }));

async function healthy(): Promise<boolean> {
  const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(5_000) });
  return response.status === 200 && ((await response.json()) as { status: string }).status === 'ok';
}

/** Samples heapUsed every 5 ms while `work` runs; returns the highest value seen. */
async function peakHeapDuring(work: () => Promise<void>): Promise<number> {
  let peak = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 5);
  try {
    await work();
  } finally {
    clearInterval(sampler);
  }
  return Math.max(peak, process.memoryUsage().heapUsed);
}

// Generous for a loaded two-core machine; a refusal takes milliseconds when it is quiet.
const QUICK_MS = 3_000;

describe('oversized requests over HTTP', () => {
  it.each([
    ['a 20-level nested query', `{ ${deepProjects(20)} }`, { limit: 'depth', maximum: 12, measured: 20 }],
    ['a 40-level nested query', `{ ${deepProjects(40)} }`, { limit: 'depth', maximum: 12, measured: 40 }],
    // 5,000 aliases are far more than 2,000 tokens, so the parser stops first.
    ['a 5,000-alias query', `{ ${aliasedProgrammes(5_000)} }`, { limit: 'tokens', maximum: 2_000, measured: 2_001 }],
    ['a 1,000,000-byte query', repeatedSelections(1_000_000), { limit: 'tokens', maximum: 2_000, measured: 2_001 }],
  ])('refuses %s quickly with QUERY_TOO_COMPLEX, without a statement, and /health stays green', async (_name, query, expected) => {
    const before = logs.length;

    const [refused, healthyMeanwhile] = await Promise.all([postQuery(query), healthy()]);

    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.text)).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'QUERY_TOO_COMPLEX', ...expected } }] });
    expect(refused.ms).toBeLessThan(QUICK_MS);
    expect(healthyMeanwhile).toBe(true);
    expect(await healthy()).toBe(true);
    const requestLogs = logs.slice(before).filter((line) => line.msg === 'graphql request');
    expect(requestLogs.map((line) => line.cypherStatements)).toEqual([0]);
  });

  it('answers a body over 1 MiB with a JSON error naming the size, not an HTML page', async () => {
    const body = JSON.stringify({ query: repeatedSelections(2 * 1024 * 1024) });

    const refused = await post(body);

    expect(refused.status).toBe(413);
    expect(refused.contentType).toMatch(/^application\/json/);
    expect(JSON.parse(refused.text)).toEqual({
      errors: [
        {
          message: `Request body size in bytes ${Buffer.byteLength(body)} exceeds the limit of ${1024 * 1024}`,
          extensions: { code: 'PAYLOAD_TOO_LARGE', limit: 'bodyBytes', maximum: 1024 * 1024, measured: Buffer.byteLength(body) },
        },
      ],
    });
    expect(refused.ms).toBeLessThan(QUICK_MS);
    expect(await healthy()).toBe(true);
  });

  it('measures a chunked body (no Content-Length) as far as reading got', async () => {
    const piece = new TextEncoder().encode(`{"query": "${'x'.repeat(64 * 1024)}`);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        // 4 MiB at most; the server stops reading just past 1 MiB.
        if (sent >= 4 * 1024 * 1024) controller.close();
        else controller.enqueue(piece);
        sent += piece.length;
      },
    });

    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
      signal: AbortSignal.timeout(30_000),
    } as RequestInit);

    expect(response.status).toBe(413);
    const { errors } = (await response.json()) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> };
    expect(errors[0].extensions).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', limit: 'bodyBytes', maximum: 1024 * 1024 });
    expect(errors[0].extensions.measured).toBeGreaterThan(1024 * 1024);
    expect(errors[0].message).toMatch(/ exceeds the limit of 1048576 \(reading stopped there\)$/);
    expect(await healthy()).toBe(true);
  });

  it('answers a body that is not JSON with a JSON BAD_REQUEST', async () => {
    const refused = await post('{"query": "{ programmes { totalCount } }"');

    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.text)).toEqual({
      errors: [{ message: 'The request body could not be read as JSON (entity.parse.failed)', extensions: { code: 'BAD_REQUEST' } }],
    });
  });

  it('refuses a query whose cost multiplies past the limit, and runs the same query with a normal page', async () => {
    const query = (first: number) => `{ projects(first: ${first}) { nodes { partners { project { partners { organization { name } } } } } } }`;

    const refused = await postQuery(query(100));
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.text)).toEqual({
      errors: [
        {
          message: 'Query cost 22201 exceeds the limit of 20000',
          extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'cost', maximum: 20_000, measured: 22_201 },
        },
      ],
    });
    expect(refused.ms).toBeLessThan(QUICK_MS);

    const accepted = await postQuery(query(5));
    expect(accepted.status).toBe(200);
    expect(JSON.parse(accepted.text).data.projects.nodes.length).toBeGreaterThan(0);
  });

  it('keeps the heap bounded while refusing all of them in a row', async () => {
    const queries = [
      `{ ${deepProjects(20)} }`,
      `{ ${deepProjects(40)} }`,
      `{ ${aliasedProgrammes(5_000)} }`,
      repeatedSelections(1_000_000),
      repeatedSelections(2 * 1024 * 1024),
    ];
    const baseline = process.memoryUsage().heapUsed;

    const peak = await peakHeapDuring(async () => {
      for (let round = 0; round < 3; round += 1) {
        for (const query of queries) expect((await postQuery(query)).status).toBeGreaterThanOrEqual(400);
      }
    });

    // The request bodies themselves are a few MB (sent and received in this one process); the
    // unlimited 20-level query used to take the heap past its ~2 GB limit.
    expect(peak - baseline).toBeLessThan(256 * 1024 * 1024);
    expect(await healthy()).toBe(true);
  });
});
