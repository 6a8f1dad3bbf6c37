/**
 * Generated-query test: at least 1,000 queries drawn from the schema with a fixed seed (valid,
 * near-valid and hostile: deep, wide, aliased, forged cursors, huge strings, Lucene and Cypher
 * metacharacters, out-of-range numbers, broken syntax), sent over HTTP to the real server on the
 * seeded test graph. Every answer must be JSON with codes from the closed set and never
 * INTERNAL_SERVER_ERROR; /health stays green and memory bounded. fast-check prints the seed,
 * the path and the shrunk query of a failing case: that is its reproducer.
 */
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import pino from 'pino';
import { ErrorCode } from './errors';
import { createDriver } from './neo4j/driver';
import { encodeCursor } from './neo4j/keyset';
import { createSchema } from './schema';
import { createServer } from './server';
import { testConnection } from './testing/test-database';

const RUNS = 1_000;
const SEED = 20261202;
const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

type Draw = fc.GeneratorValue;

const HOSTILE_TEXT = [
  '"', '\\', '*', '~', '?', '(', ')', '[', ']', '{', '}', ':', '^', '+', '-', '!', '&&', '||', '/',
  'AND', 'OR', 'NOT', 'title:barents~2^3', '"quoted phrase"', 'wild*card?',
  "' OR 1=1 //", '}) MATCH (n) DETACH DELETE n //', '`', '$text', '\u0000', '\u202e', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', 'Псков', '  ',
];

function text(draw: Draw): string {
  switch (draw(fc.integer, { min: 0, max: 5 })) {
    case 0:
      return draw(fc.constantFrom, ...HOSTILE_TEXT);
    case 1:
      return 'x'.repeat(draw(fc.integer, { min: 150, max: 12_000 }));
    case 2:
      return draw(fc.constantFrom, 'pskov-regional-project-cluster', 'kolarctic-2014-2020', 'RU', 'RU-PSK', 'DE', 'FI');
    default:
      return draw(fc.string, { maxLength: 24 });
  }
}

function cursor(draw: Draw): string {
  switch (draw(fc.integer, { min: 0, max: 4 })) {
    case 0:
      return encodeCursor({ order: draw(fc.constantFrom, 'TITLE:ASC', 'START_DATE:DESC', 'NAME:ASC', 'nonsense'), key: text(draw) });
    case 1:
      // The offset cursors of earlier versions, past 2^31.
      return Buffer.from(`arrayconnection:${2 ** 31 + draw(fc.integer, { min: 0, max: 1_000 })}`).toString('base64');
    case 2:
      return Buffer.from(JSON.stringify(['k1', 'TITLE:ASC', draw(fc.integer)])).toString('base64url');
    default:
      return text(draw);
  }
}

function intLiteral(draw: Draw): string {
  return String(draw(fc.constantFrom, 0, 1, 2, 5, 20, 100, 101, 1_000, -1, -2_147_483_648, 2_147_483_647, 2_147_483_648, 1e12, 3));
}

/** A GraphQL literal for `type`, sometimes of the wrong kind (near-valid input). */
function literal(draw: Draw, type: GraphQLInputType, argument: string, depth: number): string {
  if (draw(fc.integer, { min: 0, max: 49 }) === 0) return draw(fc.constantFrom, 'null', '"wrong kind"', '42', '[1]', '{a: 1}', '$undeclared');
  if (isNonNullType(type)) return literal(draw, type.ofType, argument, depth);
  if (isListType(type)) {
    const size = draw(fc.integer, { min: 0, max: 3 });
    return `[${Array.from({ length: size }, () => literal(draw, type.ofType, argument, depth)).join(', ')}]`;
  }
  if (isEnumType(type)) {
    const values = type.getValues().map((value) => value.name);
    return draw(fc.integer, { min: 0, max: 5 }) > 0 ? draw(fc.constantFrom, ...values) : 'NOT_A_VALUE';
  }
  if (isInputObjectType(type)) {
    if (depth <= 0) return '{}';
    const fields = Object.values(type.getFields()).filter((field) => isNonNullType(field.type) || draw(fc.boolean));
    return `{${fields.map((field) => `${field.name}: ${literal(draw, field.type, field.name, depth - 1)}`).join(', ')}}`;
  }
  if (isScalarType(type)) {
    if (argument === 'after' || argument === 'before') return JSON.stringify(cursor(draw));
    switch (type.name) {
      case 'Int':
        return intLiteral(draw);
      case 'Float':
        return String(draw(fc.constantFrom, 0, 1.5, -1e308, 1e308));
      case 'Boolean':
        return String(draw(fc.boolean));
      case 'LocalDate':
        return JSON.stringify(draw(fc.constantFrom, '2019-06-01', '2020-01-01', '2019-13-45', '2019-02-30', '0000-01-01', '9999-12-31', 'yesterday'));
      default:
        return JSON.stringify(text(draw));
    }
  }
  return 'null';
}

/** A selection set on `type`, `depth` levels deep at most. */
function selection(draw: Draw, type: GraphQLObjectType, depth: number, breadth: number): string {
  const fields = Object.values(type.getFields());
  const count = draw(fc.integer, { min: 1, max: Math.min(breadth, Math.max(1, fields.length)) });
  const parts: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const field = fields[draw(fc.integer, { min: 0, max: fields.length - 1 })];
    const alias = draw(fc.integer, { min: 0, max: 3 }) === 0 ? `a${index}: ` : '';
    const args = field.args
      .filter((arg) => (isNonNullType(arg.type) ? draw(fc.integer, { min: 0, max: 29 }) > 0 : draw(fc.integer, { min: 0, max: 2 }) === 0))
      .map((arg) => `${arg.name}: ${literal(draw, arg.type, arg.name, 2)}`);
    const named = getNamedType(field.type);
    let sub = '';
    if (isObjectType(named) || isInterfaceType(named)) {
      // Near-valid: a missing selection set now and then.
      if (draw(fc.integer, { min: 0, max: 29 }) > 0) {
        sub = depth > 0 ? ` { ${selection(draw, named as GraphQLObjectType, depth - 1, breadth)} }` : ' { __typename }';
      }
    } else if (isUnionType(named)) {
      sub = ' { __typename }';
    }
    parts.push(`${alias}${field.name}${args.length > 0 ? `(${args.join(', ')})` : ''}${sub}`);
  }
  return parts.join(' ');
}

function query(draw: Draw, schema: GraphQLSchema): string {
  const root = schema.getQueryType()!;
  switch (draw(fc.integer, { min: 0, max: 9 })) {
    case 0: // deep
      return `{ ${selection(draw, root, draw(fc.integer, { min: 10, max: 25 }), 1)} }`;
    case 1: // wide, aliased
      return `{ ${Array.from({ length: draw(fc.integer, { min: 20, max: 80 }) }, (_, index) => `x${index}: __typename`).join(' ')} ${selection(draw, root, 2, 3)} }`;
    case 2: {
      // broken syntax: a valid query with one character dropped or one inserted
      const valid = `{ ${selection(draw, root, 3, 3)} }`;
      const at = draw(fc.integer, { min: 0, max: valid.length - 1 });
      return draw(fc.boolean) ? valid.slice(0, at) + valid.slice(at + 1) : valid.slice(0, at) + draw(fc.constantFrom, '{', '}', '(', '"', '$', '@', '...') + valid.slice(at);
    }
    case 3: // operation types and shapes the API does not take
      return draw(fc.constantFrom, 'mutation { __typename }', 'subscription { __typename }', 'query A { __typename } query B { __typename }', '', '{}', 'fragment F on Query { __typename }', '{ ...F } fragment F on Query { ...F }');
    default:
      return `{ ${selection(draw, root, draw(fc.integer, { min: 1, max: 5 }), 4)} }`;
  }
}

describe('generated queries', () => {
  it(`answers ${RUNS} generated queries without INTERNAL_SERVER_ERROR, with /health green and memory bounded`, async () => {
    const { uri, username, password, database } = testConnection();
    const driver = createDriver({ uri, username, password });
    const schema = await createSchema();
    const server = createServer({ schema, driver, database, maxPageSize: 100, logger: pino({ level: 'silent' }) });
    await server.start();
    await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`;
    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    const statuses = new Map<number, number>();
    const codes = new Map<string, number>();
    let sent = 0;
    try {
      await fc.assert(
        fc.asyncProperty(fc.gen(), async (draw) => {
          const document = query(draw, schema);
          const response = await fetch(`${base}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: document }),
            signal: AbortSignal.timeout(30_000),
          });
          const body = (await response.json()) as { errors?: Array<{ message: string; extensions?: { code?: string } }> };
          sent += 1;
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          for (const error of body.errors ?? []) {
            const code = error.extensions?.code ?? 'none';
            codes.set(code, (codes.get(code) ?? 0) + 1);
            if (code === ErrorCode.INTERNAL_SERVER_ERROR || !KNOWN_CODES.has(code)) return false;
          }
          if (![200, 400, 413].includes(response.status)) return false;
          if (sent % 100 === 0) {
            peakRss = Math.max(peakRss, process.memoryUsage().rss);
            if ((await fetch(`${base}/health`)).status !== 200) return false;
          }
          return true;
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    } finally {
      await server.stop(1_000);
      await driver.close();
    }
    // The figures go to stderr for the closing note (the lint keeps console out of the code).
    process.stderr.write(
      `generated queries: ${sent} sent (seed ${SEED}); HTTP ${[...statuses].map(([status, n]) => `${status}×${n}`).join(', ')}; ` +
        `codes ${[...codes].sort((a, b) => b[1] - a[1]).map(([code, n]) => `${code}×${n}`).join(', ')}; ` +
        `RSS ${Math.round(rssBefore / 2 ** 20)} → peak ${Math.round(peakRss / 2 ** 20)} MiB\n`,
    );
    expect(sent).toBeGreaterThanOrEqual(RUNS);
    // The test process holds the server, the client and jest: bounded growth, not a leak or a blow-up.
    expect(peakRss - rssBefore).toBeLessThan(400 * 2 ** 20);
  }, 300_000);
});
