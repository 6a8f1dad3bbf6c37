import { getIntrospectionQuery, parse, type GraphQLSchema } from 'graphql';
import { QueryTooComplexError } from '../errors';
import { createSchema } from '../schema';
import { createCostEstimator, estimateQueryCost, MAX_ESTIMATED_FIELDS } from './query-cost';

// Expected costs are worked out by hand from the rule the README states:
// a field costs 1 plus its selection's cost times `first` (20 when absent) on a paged field,
// times 10 on a list field without `first`, times 1 on a connection's `nodes`/`edges`.

let schema: GraphQLSchema;

beforeAll(async () => {
  schema = await createSchema();
});

function cost(query: string, variables?: Record<string, unknown>): number | null {
  return estimateQueryCost(schema, parse(query), variables, undefined, 20_000);
}

describe('estimateQueryCost', () => {
  it('counts one per field of a single object', () => {
    // project 1 + (id 1 + title 1)
    expect(cost('{ project(id: "x") { id title } }')).toBe(3);
  });

  it('multiplies a paged field by `first`, and its nodes by nothing more', () => {
    // projects 1 + 100 × (nodes 1 + 1 × id 1) = 201
    expect(cost('{ projects(first: 100) { nodes { id } } }')).toBe(201);
  });

  it('assumes the default page size of 20 when `first` is absent', () => {
    // projects 1 + 20 × (nodes 1 + id 1) = 41
    expect(cost('{ projects { nodes { id } } }')).toBe(41);
  });

  it('reads `first` from the variables', () => {
    const query = 'query($n: Int) { projects(first: $n) { nodes { id } } }';
    expect(cost(query, { n: 5 })).toBe(1 + 5 * 2);
    expect(cost(query, {})).toBe(1 + 20 * 2);
  });

  it('multiplies a list field without `first` by 10', () => {
    // project 1 + (partners 1 + 10 × (role 1)) = 12
    expect(cost('{ project(id: "x") { partners { role } } }')).toBe(12);
  });

  it('multiplies down the tree', () => {
    // organization.name 1; organization 2; partners 1+10×2 = 21; project 22; partners 1+10×22 = 221;
    // nodes 222; projects 1 + 100 × 222 = 22201
    expect(cost('{ projects(first: 100) { nodes { partners { project { partners { organization { name } } } } } } }')).toBe(22_201);
  });

  it('multiplies a page once, whether its items are read through nodes, edges or both', () => {
    // projects 1 + 10 × (totalCount 1 + nodes (1 + id 1) + edges (1 + cursor 1 + node (1 + id 1))) = 1 + 10 × 7
    expect(cost('{ projects(first: 10) { totalCount nodes { id } edges { cursor node { id } } } }')).toBe(71);
  });

  it('does not let a negative `first` lower the total', () => {
    // a: 1 + 0 × (nodes 1 + id 1) = 1; b: project 1 + id 1 = 2
    expect(cost('{ a: projects(first: -1000) { nodes { id } } b: project(id: "x") { id } }')).toBe(1 + 2);
  });

  it('costs nothing for introspection, so the playground always loads', () => {
    expect(cost(getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, inputValueDeprecation: true }))).toBe(0);
  });

  it('returns null for invalid variables, which execution reports', () => {
    expect(cost('query($n: Int) { projects(first: $n) { nodes { id } } }', { n: 'many' })).toBeNull();
  });

  it('refuses a document whose fragments expand beyond the fields it will walk', () => {
    // Each fragment spreads the next one 10 times: 10^5 = 100,000 `id` selections from a tiny document.
    const levels = 6;
    const fragments = Array.from({ length: levels }, (_, level) =>
      level === levels - 1
        ? `fragment F${level} on Project { id }`
        : `fragment F${level} on Project { ${Array.from({ length: 10 }, () => `...F${level + 1}`).join(' ')} }`,
    ).join('\n');
    const query = `{ project(id: "x") { ...F0 } }\n${fragments}`;
    expect(10 ** (levels - 1)).toBeGreaterThan(MAX_ESTIMATED_FIELDS);

    let refused: unknown;
    try {
      cost(query);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(QueryTooComplexError);
    expect((refused as QueryTooComplexError).limit).toBe('cost');
    expect((refused as QueryTooComplexError).message).toBe(
      `Query cost exceeds the limit of 20000 (it expands to more than ${MAX_ESTIMATED_FIELDS} field selections)`,
    );
  });
});

describe('createCostEstimator', () => {
  it('answers a repeated document per variable set, as the uncached estimate does', () => {
    const estimate = createCostEstimator();
    const document = parse('query($n: Int) { projects(first: $n) { nodes { id } } }');
    // Each variable set twice, interleaved: a cache keyed on the document alone would answer 11 for n: 50.
    for (const n of [5, 50, 5, 50]) {
      expect(estimate(schema, document, { n }, undefined, 20_000)).toBe(1 + n * 2);
    }
    // More variable sets than it remembers: the oldest are evicted and computed again, still right.
    for (let n = 1; n <= 100; n += 1) expect(estimate(schema, document, { n }, undefined, 20_000)).toBe(1 + n * 2);
    expect(estimate(schema, document, { n: 3 }, undefined, 20_000)).toBe(7);
  });
});
