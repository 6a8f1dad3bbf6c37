import { getIntrospectionQuery } from 'graphql';
import { createContext } from '../context';
import { createLogger } from '../logger';
import { createSchema } from '../schema';
import { createApolloServer } from '../server';
import { useTestHelper } from '../testing/test-helper';
import { aliasedProgrammes, deepProjects, nestedSelection } from './oversized-queries';
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from './query-limits';

const helper = useTestHelper();

/** `{ programmes(first: 1) { totalCount … } }` with `count` tokens: 10 of structure plus one per field. */
function queryOfTokens(count: number): string {
  return `{ programmes(first: 1) { ${'totalCount '.repeat(count - 10)}} }`;
}

function limitError(limit: string, maximum: number, measured: number | null, message: string) {
  return { message, extensions: { code: 'QUERY_TOO_COMPLEX', limit, maximum, measured } };
}

describe('query limits, at their defaults', () => {
  it('refuses a query one level deeper than the depth limit, before any statement', async () => {
    const result = await helper.execute(`{ ${deepProjects(13)} }`);

    expect(result.errors).toEqual([limitError('depth', 12, 13, 'Query depth 13 exceeds the limit of 12')]);
    expect(result.data).toBeNull();
    expect(result.statements).toBe(0);
  });

  it('runs a query exactly at the depth limit', async () => {
    const query = `{ ${nestedSelection(12, ['regions(first: 1)', 'nodes'], ['parent'])} }`;
    expect(query.match(/\{/g)).toHaveLength(12);

    const result = await helper.execute(query);

    expect(result.errors).toBeUndefined();
    expect(result.data).toHaveProperty('regions');
  });

  it('refuses 31 aliases and runs 30', async () => {
    const aliased = (count: number) => `{ ${aliasedProgrammes(count)} }`;

    const refused = await helper.execute(aliased(31));
    expect(refused.errors).toEqual([limitError('aliases', 30, 31, 'Query alias count 31 exceeds the limit of 30')]);
    expect(refused.statements).toBe(0);

    const accepted = await helper.execute(aliased(30));
    expect(accepted.errors).toBeUndefined();
    expect(Object.keys(accepted.data ?? {})).toHaveLength(30);
  });

  it('refuses 21 directives and runs 20', async () => {
    const directed = (count: number) => `{ programmes(first: 1) { ${'totalCount @include(if: true) '.repeat(count)}} }`;

    const refused = await helper.execute(directed(21));
    expect(refused.errors).toEqual([limitError('directives', 20, 21, 'Query directive count 21 exceeds the limit of 20')]);
    expect(refused.statements).toBe(0);

    expect((await helper.execute(directed(20))).errors).toBeUndefined();
  });

  it('refuses 2,001 tokens', async () => {
    const refused = await helper.execute(queryOfTokens(2_001));
    expect(refused.errors).toEqual([
      limitError('tokens', 2_000, 2_001, 'Query token count 2001 exceeds the limit of 2000 (counting stops at the first token over the limit)'),
    ]);
    expect(refused.statements).toBe(0);
  });

  it('refuses a query whose estimated cost exceeds the limit, naming the cost', async () => {
    // Worked out in query-cost.test.ts: 1 + first × 222.
    const query = 'query($n: Int) { projects(first: $n) { nodes { partners { project { partners { organization { name } } } } } } }';

    const refused = await helper.execute(query, { n: 100 });
    expect(refused.errors).toEqual([limitError('cost', 20_000, 1 + 100 * 222, 'Query cost 22201 exceeds the limit of 20000')]);
    expect(refused.statements).toBe(0);

    const accepted = await helper.execute(query, { n: 20 });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.statements).toBeGreaterThan(0);
  });

  it('lets the playground introspect the schema', async () => {
    const result = await helper.execute(
      getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true }),
    );

    expect(result.errors).toBeUndefined();
    expect(result.data).toHaveProperty('__schema');
  });

  it('reports every limit a query exceeds, not only the first', async () => {
    const query = `{ ${aliasedProgrammes(31)} ${deepProjects(13)} }`;

    const result = await helper.execute(query);

    expect(result.errors?.map((error) => error.extensions?.limit).sort()).toEqual(['aliases', 'depth']);
  });
});

describe('query limits, configured', () => {
  // Small enough that the boundary queries stay valid: 2,000 repeated fields would trip graphql-js's
  // own overlapping-fields budget ("Validation aborted.") before they ran.
  const strict: QueryLimits = { ...DEFAULT_QUERY_LIMITS, maxTokens: 50, maxDepth: 3, maxCost: 50 };
  let apollo: ReturnType<typeof createApolloServer>;

  beforeAll(async () => {
    apollo = createApolloServer(await createSchema(), createLogger('silent'), strict);
    await apollo.start();
  });
  afterAll(() => apollo.stop());

  async function run(query: string) {
    const contextValue = createContext({ driver: helper.driver, database: helper.database, maxPageSize: 100 });
    const response = await apollo.executeOperation({ query }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('Unexpected incremental response');
    return { errors: response.body.singleResult.errors, statements: contextValue.executor.statementCount };
  }

  it('apply the values given instead of the defaults', async () => {
    expect((await run('{ projects(first: 2) { nodes { id } } }')).errors).toBeUndefined();

    const tooDeep = await run('{ projects(first: 2) { nodes { programme { id } } } }');
    expect(tooDeep.errors).toEqual([limitError('depth', 3, 4, 'Query depth 4 exceeds the limit of 3')]);

    // projects 1 + 30 × (nodes 1 + id 1) = 61
    const tooCostly = await run('{ projects(first: 30) { nodes { id } } }');
    expect(tooCostly.errors).toEqual([limitError('cost', 50, 61, 'Query cost 61 exceeds the limit of 50')]);
    expect(tooCostly.statements).toBe(0);
  });

  it('run a query of exactly the token limit and refuse one token more', async () => {
    expect((await run(queryOfTokens(50))).errors).toBeUndefined();

    const refused = await run(queryOfTokens(51));
    expect(refused.errors).toEqual([
      limitError('tokens', 50, 51, 'Query token count 51 exceeds the limit of 50 (counting stops at the first token over the limit)'),
    ]);
    expect(refused.statements).toBe(0);
  });
});
