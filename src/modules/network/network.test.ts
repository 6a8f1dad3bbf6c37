/**
 * Network export against the seeded test Neo4j. Every expected node, weight and programme
 * count is computed here from the seed CSV rows (PARTICIPATES_IN, FUNDED_BY, LOCATED_IN,
 * ADDRESSES, BASED_IN, PART_OF), never from the API; GraphML answers are read with a strict
 * XML parser.
 */
import type { AddressInfo } from 'node:net';
import { parse } from 'csv-parse/sync';
import pino from 'pino';
import { BadUserInputError, QueryTooComplexError } from '../../errors';
import { createServer } from '../../server';
import { createSchema } from '../../schema';
import { readGraphml } from '../../testing/graphml';
import {
  byId,
  type ExpectedEdge,
  type ExpectedNode,
  expectedOrganizations,
  expectedProjects,
  expectedRegions,
  normalEdges,
  participations,
  projectsOf,
} from '../../testing/expected-networks';
import { regionAndDescendants, seedRelationshipsBetween } from '../../testing/seed-fixtures';
import { useTestHelper } from '../../testing/test-helper';
import { NetworkRepository } from './network.repository';
import { DEFAULT_NETWORK_LIMITS, type Network, type NetworkKind, type NetworkLimits } from './network.type';
import type { ProjectScope } from '../project/project-scope.cypher';
import type { RegionLevelName } from '../../seed/seed-files';

const helper = useTestHelper();

function expectSameNetwork(actual: Network, expected: { nodes: ExpectedNode[]; edges: ExpectedEdge[] }) {
  expect([...actual.nodeList].sort(byId)).toEqual([...expected.nodes].sort(byId));
  expect(normalEdges(actual.edgeList)).toEqual(normalEdges(expected.edges));
  // Heaviest first.
  expect(actual.edgeList.map((edge) => edge.weight)).toEqual([...actual.edgeList.map((edge) => edge.weight)].sort((a, b) => b - a));
}

// ---- The repository ----

async function network(nodes: NetworkKind, scope: ProjectScope, options: { minWeight?: number; level?: RegionLevelName; limits?: NetworkLimits } = {}) {
  const executor = helper.executor();
  const result = await new NetworkRepository(executor).network({
    nodes,
    scope,
    minWeight: options.minWeight ?? 1,
    level: options.level ?? 'country',
    limits: options.limits ?? DEFAULT_NETWORK_LIMITS,
  });
  return { result, statements: executor.statementCount };
}

describe('NetworkRepository', () => {
  it('organizations of one programme, linked by shared projects, in one statement', async () => {
    const scope = { programmeId: 'kolarctic-2014-2020' };
    const { result, statements } = await network('organizations', scope);
    const expected = expectedOrganizations(scope);
    expect(expected.edges.length).toBeGreaterThan(10);
    expectSameNetwork(result, expected);
    expect(result.projectCount).toBe(projectsOf(scope).size);
    expect(statements).toBe(1);
  });

  it('every organization of the graph, with the number of distinct programmes per pair', async () => {
    const { result } = await network('organizations', {});
    const expected = expectedOrganizations({});
    // Some pairs meet in projects of several programmes.
    expect(expected.edges.some((edge) => edge.programmeCount > 1)).toBe(true);
    expectSameNetwork(result, expected);
  });

  it('filters by theme and dataset together, and leaves out edges under the minimum weight (nodes stay)', async () => {
    const counts = new Map<string, number>();
    for (const row of seedRelationshipsBetween('ADDRESSES', 'projects', 'thematic-areas')) counts.set(row.to, (counts.get(row.to) ?? 0) + 1);
    const [themeId] = [...counts].filter(([id]) => id.startsWith('keep-eu-theme-')).sort((a, b) => b[1] - a[1])[0];
    const scope = { themeId, datasetId: 'keep-eu-2019' };
    const { result } = await network('organizations', scope, { minWeight: 2 });
    const expected = expectedOrganizations(scope, 2);
    expect(expected.edges.length).toBeGreaterThan(0);
    expect(expected.edges.every((edge) => edge.weight >= 2)).toBe(true);
    expectSameNetwork(result, expected);
  });

  it('projects linked by shared organizations', async () => {
    const scope = { programmeId: 'interreg-bsr-2014-2020' };
    const { result } = await network('projects', scope);
    const expected = expectedProjects(scope);
    expect(expected.edges.length).toBeGreaterThan(10);
    expectSameNetwork(result, expected);
  });

  it('projects of a region (sub-regions included) linked by at least two shared organizations', async () => {
    const scope = { regionId: 'FI1D' };
    expect(regionAndDescendants('FI1D').size).toBeGreaterThan(1);
    const { result } = await network('projects', scope, { minWeight: 2 });
    expectSameNetwork(result, expectedProjects(scope, 2));
  });

  it('countries linked by projects with partners in both', async () => {
    const { result } = await network('regions', {}, { level: 'country' });
    const expected = expectedRegions({}, 'country');
    expect(expected.nodes.length).toBeGreaterThan(30);
    expectSameNetwork(result, expected);
  });

  it('NUTS2 regions, for the projects located in Germany', async () => {
    const scope = { regionId: 'DE' };
    const { result } = await network('regions', scope, { level: 'NUTS2' });
    const expected = expectedRegions(scope, 'NUTS2');
    expect(expected.edges.length).toBeGreaterThan(10);
    expectSameNetwork(result, expected);
  });

  it('exactly the projects given by id', async () => {
    const projectIds = [...projectsOf({ programmeId: 'karelia-2014-2020' })].slice(0, 12).concat(['no-such-project']);
    const { result } = await network('organizations', { projectIds });
    expectSameNetwork(result, expectedOrganizations({ projectIds }));
    expect(result.projectCount).toBe(12);
  });

  it('refuses an unknown filter id, naming the filter', async () => {
    const failure = await network('organizations', { programmeId: 'kolarctic-2014-2020', regionId: 'XX-NOWHERE' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BadUserInputError);
    expect((failure as BadUserInputError).message).toBe('No region with id "XX-NOWHERE" (region)');
    expect((failure as BadUserInputError).extensions.argument).toBe('region');
  });

  it('refuses a network over its node or edge bound instead of cutting it', async () => {
    const scope = { programmeId: 'kolarctic-2014-2020' };
    const expected = expectedOrganizations(scope);
    const limits = { ...DEFAULT_NETWORK_LIMITS, maxEdges: expected.edges.length - 1 };
    const tooMany = await network('organizations', scope, { limits }).catch((error: unknown) => error);
    expect(tooMany).toBeInstanceOf(QueryTooComplexError);
    expect((tooMany as QueryTooComplexError).extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'networkEdges', maximum: expected.edges.length - 1 });
    // Exactly at the bound is fine.
    await expect(network('organizations', scope, { limits: { ...limits, maxEdges: expected.edges.length } })).resolves.toBeDefined();
    const nodes = await network('organizations', scope, { limits: { ...DEFAULT_NETWORK_LIMITS, maxNodes: 3 } }).catch((error: unknown) => error);
    expect((nodes as QueryTooComplexError).extensions).toMatchObject({ limit: 'networkNodes', maximum: 3 });
  });
});

// ---- Over HTTP ----

describe('/network', () => {
  let url = '';
  let stop: () => Promise<unknown> = async () => undefined;
  const smallLimits: NetworkLimits = { maxProjects: 15, maxNodes: 10_000, maxEdges: 50_000 };

  beforeAll(async () => {
    ({ url, stop } = await listeningServer({ networkLimits: smallLimits }));
  });
  afterAll(() => stop());

  const post = (query: string, parameters: string, variables?: Record<string, unknown>) =>
    fetch(`${url}/network?${parameters}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(20_000),
    });

  /** The GraphML document's edges as numbers, for comparison with the seed's. */
  const graphmlEdges = (xml: string) =>
    readGraphml(xml).edges.map((edge) => ({ source: edge.source, target: edge.target, weight: Number(edge.data.weight), programmeCount: Number(edge.data.programmeCount) }));

  it('GET with filters answers GraphML that a strict XML parser reads, with the seed’s weights', async () => {
    const response = await fetch(`${url}/network?nodes=organizations&programme=kolarctic-2014-2020&format=graphml`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/graphml+xml; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="coopgraph-organizations.graphml"');
    const expected = expectedOrganizations({ programmeId: 'kolarctic-2014-2020' });
    expect(response.headers.get('x-network-edges')).toBe(String(expected.edges.length));
    const xml = await response.text();
    const document = readGraphml(xml);
    expect([...document.keys.values()].filter((key) => key.for === 'edge').map((key) => key.name)).toEqual(['weight', 'programmeCount']);
    expect(normalEdges(graphmlEdges(xml))).toEqual(normalEdges(expected.edges));
    expect([...document.nodes.keys()].sort()).toEqual(expected.nodes.map((node) => node.id).sort());
    const [some] = expected.nodes;
    expect(document.nodes.get(some.id)).toMatchObject({ label: some.label, kind: 'organization', projectCount: String(some.attributes.projectCount) });
  });

  it('GET csv answers the node and the edge table', async () => {
    const expected = expectedRegions({ programmeId: 'interreg-v-b-danube-2014-2020' }, 'country');
    const edges = await fetch(`${url}/network?nodes=regions&level=country&programme=interreg-v-b-danube-2014-2020&format=csv`);
    expect(edges.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect(edges.headers.get('content-disposition')).toBe('attachment; filename="coopgraph-regions-edges.csv"');
    const rows = parse(await edges.text(), { columns: true }) as Array<Record<string, string>>;
    expect(rows.every((row) => row.Type === 'Undirected')).toBe(true);
    expect(normalEdges(rows.map((row) => ({ source: row.Source, target: row.Target, weight: Number(row.Weight), programmeCount: Number(row.programmeCount) })))).toEqual(normalEdges(expected.edges));
    const nodes = await fetch(`${url}/network?nodes=regions&level=country&programme=interreg-v-b-danube-2014-2020&format=csv&table=nodes`);
    const nodeRows = parse(await nodes.text(), { columns: true }) as Array<Record<string, string>>;
    expect(nodeRows.map((row) => ({ id: row.Id, label: row.Label, projectCount: Number(row.projectCount) })).sort(byId)).toEqual(
      expected.nodes.map((node) => ({ id: node.id, label: node.label, projectCount: node.attributes.projectCount })).sort(byId),
    );
  });

  it('POST draws the network over the Project objects of a GraphQL result, wherever they are nested', async () => {
    const busiest = mostActiveOrganization();
    const query = `query($id: ID!) { organization(id: $id) { participations(first: 15) { nodes { project { __typename id } } } } }`;
    const response = await post(query, 'nodes=projects&format=graphml', { id: busiest });
    expect(response.status).toBe(200);
    const projectIds = participations.filter((row) => row.from === busiest).map((row) => row.to);
    expect(projectIds.length).toBeGreaterThan(2);
    expect(projectIds.length).toBeLessThanOrEqual(15);
    const expected = expectedProjects({ projectIds });
    expect(expected.edges.length).toBeGreaterThan(0);
    const xml = await response.text();
    expect([...readGraphml(xml).nodes.keys()].sort()).toEqual([...projectIds].sort());
    expect(normalEdges(graphmlEdges(xml))).toEqual(normalEdges(expected.edges));
  });

  it('POST refuses more projects than its bound, GraphQL errors and queries over the limits with 400 and JSON', async () => {
    const tooMany = await post('{ projects(filter: { programmeId: "kolarctic-2014-2020" }, first: 20) { nodes { __typename id } } }', 'nodes=organizations');
    expect(tooMany.status).toBe(400);
    expect(((await tooMany.json()) as any).errors[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'networkProjects', maximum: 15, measured: 20 } });

    const invalid = await post('{ projects { nodes { noSuchField } } }', 'nodes=organizations');
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as any).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');

    const deep = `{ projects { nodes { ${'partners { organization { participations { nodes { project { '.repeat(3)}id${' } } } } }'.repeat(3)} } } }`;
    const refused = await post(deep, 'nodes=organizations');
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as any).errors.map((error: any) => error.extensions)).toContainEqual(expect.objectContaining({ code: 'QUERY_TOO_COMPLEX', limit: 'depth' }));

    const untyped = await post('{ projects(first: 3) { nodes { id } } }', 'nodes=organizations');
    expect(untyped.status).toBe(400);
    expect(((await untyped.json()) as any).errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'query' } });

    const notGraphql = await fetch(`${url}/network?nodes=organizations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[1]' });
    expect(notGraphql.status).toBe(400);
    expect(((await notGraphql.json()) as any).errors[0].extensions.argument).toBe('body');
  });

  it('refuses bad parameters, all of them at once, and unknown ids, naming each', async () => {
    const bad = await fetch(`${url}/network?nodes=people&minWeight=0&maxNodes=1000000&colour=red`);
    expect(bad.status).toBe(400);
    const { errors } = (await bad.json()) as any;
    expect(errors.map((error: any) => error.extensions.argument).sort()).toEqual(['colour', 'maxNodes', 'minWeight', 'nodes'].sort());
    expect(errors.every((error: any) => error.extensions.code === 'BAD_USER_INPUT')).toBe(true);

    const unknown = await fetch(`${url}/network?nodes=organizations&theme=no-such-theme`);
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as any).errors[0]).toMatchObject({ message: 'No thematic area with id "no-such-theme" (theme)', extensions: { code: 'BAD_USER_INPUT', argument: 'theme' } });

    const put = await fetch(`${url}/network?nodes=organizations`, { method: 'PUT' });
    expect(put.status).toBe(405);
  });
});

describe('/network under a client repeating it', () => {
  it('draws at most networkMaxConcurrent answers at once, refusing the rest with 429 and Retry-After, and frees the slot after', async () => {
    const server = await listeningServer({ networkMaxConcurrent: 1 });
    const url = `${server.url}/network?nodes=organizations`;
    try {
      // The whole-graph network takes Neo4j far longer than the event loop takes to start the second.
      const answers = await Promise.all([fetch(url), fetch(url)]);
      const bodies = await Promise.all(answers.map(async (answer) => ({ status: answer.status, retryAfter: answer.headers.get('retry-after'), text: await answer.text() })));
      expect(bodies.map((body) => body.status).sort()).toEqual([200, 429]);
      const refused = bodies.find((body) => body.status === 429)!;
      expect(refused.retryAfter).toBe('1');
      expect(JSON.parse(refused.text).errors[0].extensions).toEqual({ code: 'TOO_MANY_REQUESTS', limit: 'networkConcurrent', maximum: 1 });
      expect((await fetch(url)).status).toBe(200);
    } finally {
      await server.stop();
    }
  });
});

/** The API on a free loopback port over the test graph, with the network settings given. */
async function listeningServer(network: { networkLimits?: NetworkLimits; networkMaxConcurrent?: number }) {
  const server = createServer({ schema: await createSchema(), driver: helper.driver, database: helper.database, maxPageSize: 100, logger: pino({ level: 'silent' }), ...network });
  await server.start();
  await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`, stop: () => server.stop() };
}

/** The organization with the most participations in the seed (ties by id). */
function mostActiveOrganization(): string {
  const counts = new Map<string, number>();
  for (const row of participations) counts.set(row.from, (counts.get(row.from) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
}
