/**
 * Responsible for the benchmark's fixed operations a–h, j and k: for each, the coopgraph GraphQL
 * request, the peer's best equivalent request, the floor's statement, and a normaliser
 * per side that turns each answer into the same comparable JSON (ids in order, counts).
 */
import { int } from 'neo4j-driver';
import * as floor from './floor';
import { PAGE } from './floor';

export type Side = 'coopgraph' | 'peer' | 'floor';
export const SIDES: readonly Side[] = ['coopgraph', 'peer', 'floor'];

/** Everything the operations need that depends on the loaded graph; found once at setup. */
export interface Setup {
  regionId: string;
  /** PART_OF hops below the region: how deep the peer's filter must reach. */
  regionDepth: number;
  textWord: string;
  organizationId: string;
  organizationParticipations: number;
  minProgrammes: number;
  /** Per side, its own cursor before the last page of projects (d) and before page 5 of h. */
  cursors: Record<Side, { lastPage?: string; participationsPage5?: string }>;
  /** How the setup deviated from a plain client walk, printed with the results. */
  notes: string[];
}

/** A GraphQL request: the query and its variables. */
export interface GraphQLRequest {
  query: string;
  variables: Record<string, unknown>;
}

/** A floor request: one statement and its parameters. */
export interface CypherRequest {
  cypher: string;
  parameters: Record<string, unknown>;
}

export interface Operation {
  key: string;
  title: string;
  coopgraph(setup: Setup): GraphQLRequest;
  peer(setup: Setup): GraphQLRequest;
  floor(setup: Setup): CypherRequest;
  /** Normalises a side's answer (GraphQL `data`, or the floor's single row). */
  normalise: Record<Side, (answer: Json) => unknown>;
}

// Answers are walked loosely: a missing field must surface as a mismatch, not a crash.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const ids = (nodes: Json[]): string[] => nodes.map((node) => String(node.id));
const sorted = (values: string[]): string[] => [...values].sort();
/** coopgraph spells roles as GraphQL enum values (PARTNER); the graph and the peer store `partner`. */
const role = (value: Json): string => String(value).toLowerCase();

function need(value: Json, what: string): Json {
  if (value === undefined || value === null) throw new Error(`answer has no ${what}`);
  return value;
}

/** Peer `where` for "located in the region or any region below it", to the depth the data has. */
function peerRegionWhere(regionId: string, depth: number): Json {
  let level: Json = { id: { eq: regionId } };
  const alternatives: Json[] = [level];
  for (let hop = 1; hop <= depth; hop += 1) {
    level = { parent: { some: level } };
    alternatives.push(level);
  }
  return { regions: { some: { OR: alternatives } } };
}

const byTitle = [{ sortTitle: 'ASC' }];
const first = int(PAGE);

/** Normalisers of a counted page of projects: coopgraph's `projects`, the peer's `peerList`, the floor's row. */
function countedPage(peerList: string): Operation['normalise'] {
  return {
    coopgraph: (data) => ({ totalCount: need(data?.projects, 'projects').totalCount, ids: ids(data.projects.nodes) }),
    peer: (data) => {
      const list = need(data?.[peerList], peerList);
      return { totalCount: list.totalCount, ids: list.edges.map((edge: Json) => edge.node.id) };
    },
    floor: (row) => ({ totalCount: row.totalCount, ids: ids(row.rows) }),
  };
}

const organizationSpans = (setup: Setup): GraphQLRequest => ({
  query: `query($min: Int!) { programmeSpan(minProgrammes: $min) { organizations(first: 50) {
    nodes { organization { id name } projectCount programmes { id } } } } }`,
  variables: { min: setup.minProgrammes },
});
// The peer's @cypher fields answer the deprecated list query, which coopgraph keeps.
const peerOrganizationSpans = (setup: Setup): GraphQLRequest => ({
  query: `query($min: Int!) { organizationsAcrossProgrammes(minProgrammes: $min, first: 50) {
    organization { id name } projectCount programmes { id } } }`,
  variables: { min: setup.minProgrammes },
});
const clusterSpans = (setup: Setup): GraphQLRequest => ({
  query: `query($min: Int!) { clustersSpanningProgrammes(minProgrammes: $min) {
    cluster { id name } memberCount programmes { id } } }`,
  variables: { min: setup.minProgrammes },
});
const organizationSpansAnswer = (data: Json) =>
  spans(need(data?.programmeSpan?.organizations, 'programmeSpan.organizations').nodes, 'organization', 'projectCount');
const peerOrganizationSpansAnswer = (data: Json) => spans(need(data?.organizationsAcrossProgrammes, 'organizationsAcrossProgrammes'), 'organization', 'projectCount');
const clusterSpansAnswer = (data: Json) => spans(need(data?.clustersSpanningProgrammes, 'clustersSpanningProgrammes'), 'cluster', 'memberCount');

/** Operations a–h in the scale issue's order, then j and k (counts and sums, programme span: the analytics issue). */
export const OPERATIONS: readonly Operation[] = [
  {
    key: 'a',
    title: 'first page of projects + totalCount',
    coopgraph: () => ({
      query: '{ projects(first: 20) { totalCount nodes { id title startDate } pageInfo { endCursor hasNextPage } } }',
      variables: {},
    }),
    peer: () => ({
      query: `query($sort: [ProjectSort!]) { projectsConnection(first: 20, sort: $sort) {
        totalCount edges { node { id title startDate } } pageInfo { endCursor hasNextPage } } }`,
      variables: { sort: byTitle },
    }),
    floor: () => ({ cypher: floor.projectsPage, parameters: { after: '', first } }),
    normalise: {
      coopgraph: (data) => {
        const list = need(data?.projects, 'projects');
        return { totalCount: list.totalCount, ids: ids(list.nodes), hasNextPage: list.pageInfo.hasNextPage };
      },
      peer: (data) => {
        const list = need(data?.projectsConnection, 'projectsConnection');
        return { totalCount: list.totalCount, ids: list.edges.map((edge: Json) => edge.node.id), hasNextPage: list.pageInfo.hasNextPage };
      },
      floor: (row) => ({ totalCount: row.totalCount, ids: ids(row.rows.slice(0, PAGE)), hasNextPage: row.rows.length > PAGE }),
    },
  },
  {
    key: 'b',
    title: 'projects in DE, sub-regions included',
    coopgraph: (setup) => ({
      query: 'query($regionId: ID!) { projects(first: 20, filter: { regionId: $regionId }) { totalCount nodes { id title } } }',
      variables: { regionId: setup.regionId },
    }),
    peer: (setup) => ({
      query: `query($where: ProjectWhere, $sort: [ProjectSort!]) { projectsConnection(first: 20, where: $where, sort: $sort) {
        totalCount edges { node { id title } } } }`,
      variables: { where: peerRegionWhere(setup.regionId, setup.regionDepth), sort: byTitle },
    }),
    floor: (setup) => ({ cypher: floor.projectsInRegion, parameters: { regionId: setup.regionId, first } }),
    normalise: countedPage('projectsConnection'),
  },
  {
    key: 'c',
    title: 'text search (one common word)',
    coopgraph: (setup) => ({
      query: 'query($text: String!) { projects(first: 20, filter: { text: $text }) { totalCount nodes { id title } } }',
      variables: { text: setup.textWord },
    }),
    peer: (setup) => ({
      query: `query($phrase: String!, $sort: [ProjectIndexSort!]) { projectsText(phrase: $phrase, first: 20, sort: $sort) {
        totalCount edges { node { id title } } } }`,
      variables: { phrase: floor.fulltextPrefixQuery(setup.textWord), sort: [{ node: { sortTitle: 'ASC' } }] },
    }),
    floor: (setup) => ({ cypher: floor.projectsByText, parameters: { query: floor.fulltextPrefixQuery(setup.textWord), first } }),
    normalise: countedPage('projectsText'),
  },
  {
    key: 'd',
    title: 'last page of projects (cursor)',
    coopgraph: (setup) => ({
      query: `query($after: String!) { projects(first: 20, after: $after) {
        nodes { id title } pageInfo { hasNextPage } } }`,
      variables: { after: need(setup.cursors.coopgraph.lastPage, 'coopgraph cursor for the last page') },
    }),
    peer: (setup) => ({
      query: `query($after: String!, $sort: [ProjectSort!]) { projectsConnection(first: 20, after: $after, sort: $sort) {
        edges { node { id title } } pageInfo { hasNextPage } } }`,
      variables: { after: need(setup.cursors.peer.lastPage, 'peer cursor for the last page'), sort: byTitle },
    }),
    floor: (setup) => ({
      cypher: floor.projectsPage,
      parameters: { after: need(setup.cursors.floor.lastPage, 'floor key for the last page'), first },
    }),
    normalise: {
      coopgraph: (data) => ({ ids: ids(need(data?.projects, 'projects').nodes), hasNextPage: data.projects.pageInfo.hasNextPage }),
      peer: (data) => {
        const list = need(data?.projectsConnection, 'projectsConnection');
        return { ids: list.edges.map((edge: Json) => edge.node.id), hasNextPage: list.pageInfo.hasNextPage };
      },
      floor: (row) => ({ ids: ids(row.rows.slice(0, PAGE)), hasNextPage: row.rows.length > PAGE }),
    },
  },
  {
    key: 'e',
    title: '5-level nested query over 20 projects',
    coopgraph: () => ({
      query: `{ projects(first: 20) { nodes { id title programme { id name } partners { role organization { id name
        participations(first: 5) { totalCount nodes { role project { id title } } } } } } } }`,
      variables: {},
    }),
    peer: () => ({
      query: `query($sort: [ProjectSort!]) { projectsConnection(first: 20, sort: $sort) { edges { node { id title
        programme { id name }
        partnersConnection(sort: [{ node: { name: ASC } }]) { edges { properties { role } node { id name
          projectsConnection(first: 5, sort: [{ node: { sortTitle: ASC } }]) { totalCount
            edges { properties { role } node { id title } } } } } } } } } }`,
      variables: { sort: byTitle },
    }),
    floor: () => ({ cypher: floor.nestedProjects, parameters: { first } }),
    normalise: {
      coopgraph: (data) =>
        need(data?.projects, 'projects').nodes.map((project: Json) => ({
          id: project.id,
          programme: project.programme?.id ?? null,
          partners: project.partners.map((partner: Json) => ({
            id: partner.organization.id,
            role: role(partner.role),
            total: need(partner.organization.participations, 'participations connection').totalCount,
            first: partner.organization.participations.nodes.map((p: Json) => `${role(p.role)}:${p.project.id}`),
          })),
        })),
      peer: (data) =>
        need(data?.projectsConnection, 'projectsConnection').edges.map(({ node: project }: Json) => ({
          id: project.id,
          programme: project.programme?.id ?? null,
          partners: project.partnersConnection.edges.map((partner: Json) => ({
            id: partner.node.id,
            role: partner.properties.role,
            total: partner.node.projectsConnection.totalCount,
            first: partner.node.projectsConnection.edges.map((p: Json) => `${p.properties.role}:${p.node.id}`),
          })),
        })),
      floor: (row) =>
        row.rows.map((project: Json) => ({
          id: project.id,
          programme: project.programme?.id ?? null,
          partners: project.partners.map((partner: Json) => ({
            id: partner.id,
            role: partner.role,
            total: partner.total,
            first: partner.participations.map((p: Json) => `${p.role}:${p.id}`),
          })),
        })),
    },
  },
  {
    key: 'f',
    title: 'organizations across ≥3 programmes (first 50)',
    coopgraph: organizationSpans,
    peer: peerOrganizationSpans,
    floor: (setup) => ({
      cypher: floor.organizationsAcrossProgrammes,
      parameters: { minProgrammes: int(setup.minProgrammes), first: int(50) },
    }),
    normalise: {
      coopgraph: organizationSpansAnswer,
      peer: peerOrganizationSpansAnswer,
      floor: (row) =>
        row.rows.map((span: Json) => ({ id: span.id, count: span.projectCount, programmes: sorted(span.programmes) })),
    },
  },
  {
    key: 'g',
    title: 'clusters across ≥3 programmes',
    coopgraph: clusterSpans,
    peer: clusterSpans,
    floor: (setup) => ({ cypher: floor.clustersSpanningProgrammes, parameters: { minProgrammes: int(setup.minProgrammes) } }),
    normalise: {
      coopgraph: clusterSpansAnswer,
      peer: clusterSpansAnswer,
      floor: (row) =>
        row.rows.map((span: Json) => ({ id: span.id, count: span.memberCount, programmes: sorted(span.programmes) })),
    },
  },
  {
    key: 'h',
    title: 'busiest organization, participations page 5',
    coopgraph: (setup) => ({
      query: `query($id: ID!, $after: String!) { organization(id: $id) { id name
        participations(first: 20, after: $after) { totalCount nodes { role project { id title } } pageInfo { endCursor hasNextPage } } } }`,
      variables: { id: setup.organizationId, after: need(setup.cursors.coopgraph.participationsPage5, 'coopgraph cursor for page 5') },
    }),
    peer: (setup) => ({
      query: `query($id: ID!, $after: String!) { organizations(where: { id: { eq: $id } }) { id name
        projectsConnection(first: 20, after: $after, sort: [{ node: { sortTitle: ASC } }]) { totalCount
          edges { properties { role } node { id title } } pageInfo { endCursor hasNextPage } } } }`,
      variables: { id: setup.organizationId, after: need(setup.cursors.peer.participationsPage5, 'peer cursor for page 5') },
    }),
    floor: (setup) => ({
      cypher: floor.organizationParticipations,
      parameters: {
        organizationId: setup.organizationId,
        after: need(setup.cursors.floor.participationsPage5, 'floor key for page 5'),
        first,
      },
    }),
    normalise: {
      coopgraph: (data) => {
        const list = need(data?.organization?.participations, 'organization.participations');
        return {
          id: data.organization.id,
          totalCount: list.totalCount,
          page: list.nodes.map((p: Json) => `${role(p.role)}:${p.project.id}`),
          hasNextPage: list.pageInfo.hasNextPage,
        };
      },
      peer: (data) => {
        const [organization] = need(data?.organizations, 'organizations');
        const list = need(organization?.projectsConnection, 'organizations[0].projectsConnection');
        return {
          id: organization.id,
          totalCount: list.totalCount,
          page: list.edges.map((p: Json) => `${p.properties.role}:${p.node.id}`),
          hasNextPage: list.pageInfo.hasNextPage,
        };
      },
      floor: (row) => ({
        id: row.id,
        totalCount: row.totalCount,
        page: row.rows.slice(0, PAGE).map((p: Json) => `${p.role}:${p.id}`),
        hasNextPage: row.rows.length > PAGE,
      }),
    },
  },
  {
    key: 'j',
    title: 'programmes with project count, partner count, budget sum',
    coopgraph: () => ({ query: '{ programmes(first: 20) { nodes { id projectCount partnerCount budgetSumEur } } }', variables: {} }),
    peer: () => ({
      query: `{ programmes(limit: 20, sort: [{ sortName: ASC }]) { id partnerCount
        projectsConnection { aggregate { count { nodes } node { totalBudgetEur { sum } } } } } }`,
      variables: {},
    }),
    floor: () => ({ cypher: floor.programmeFigures, parameters: { first } }),
    normalise: {
      coopgraph: (data) => need(data?.programmes, 'programmes').nodes.map((node: Json) => figures(node.id, node.projectCount, node.partnerCount, node.budgetSumEur)),
      peer: (data) =>
        need(data?.programmes, 'programmes').map((node: Json) => {
          const aggregate = need(node.projectsConnection?.aggregate, 'programmes[].projectsConnection.aggregate');
          return figures(node.id, aggregate.count.nodes, node.partnerCount, aggregate.node?.totalBudgetEur?.sum ?? 0);
        }),
      floor: (row) => row.rows.map((node: Json) => figures(node.id, node.projectCount, node.partnerCount, node.budgetSumEur)),
    },
  },
  {
    key: 'k',
    title: 'projects in DE reaching ≥3 programmes via clusters + totalCount',
    coopgraph: (setup) => ({
      query: `query($regionId: ID!, $min: Int!) { programmeSpan(regionId: $regionId, minProgrammes: $min) {
        projects(first: 20) { totalCount nodes { project { id } programmes { id } } } } }`,
      variables: { regionId: setup.regionId, min: setup.minProgrammes },
    }),
    peer: (setup) => ({
      query: `query($regionId: ID!, $min: Int!) {
        projectsSpanningProgrammes(regionId: $regionId, minProgrammes: $min, first: 20) { id programmes { id } }
        projectsSpanningProgrammesCount(regionId: $regionId, minProgrammes: $min) }`,
      variables: { regionId: setup.regionId, min: setup.minProgrammes },
    }),
    floor: (setup) => ({
      cypher: floor.projectsSpanningProgrammes,
      parameters: { regionId: setup.regionId, minProgrammes: int(setup.minProgrammes), first },
    }),
    normalise: {
      coopgraph: (data) => {
        const list = need(data?.programmeSpan?.projects, 'programmeSpan.projects');
        return { totalCount: list.totalCount, rows: list.nodes.map((node: Json) => ({ id: node.project.id, programmes: sorted(ids(node.programmes)) })) };
      },
      peer: (data) => ({
        totalCount: need(data?.projectsSpanningProgrammesCount, 'projectsSpanningProgrammesCount'),
        rows: need(data?.projectsSpanningProgrammes, 'projectsSpanningProgrammes').map((row: Json) => ({ id: row.id, programmes: sorted(ids(row.programmes)) })),
      }),
      floor: (row) => ({ totalCount: row.totalCount, rows: row.rows.map((span: Json) => ({ id: span.id, programmes: sorted(span.programmes) })) }),
    },
  },
];

// Sums of decimals added in different orders differ in the last bits: compared to the euro.
function figures(id: Json, projectCount: Json, partnerCount: Json, budget: Json) {
  return { id: String(id), projectCount: Number(projectCount), partnerCount: Number(partnerCount), budgetSumEur: Math.round(Number(budget ?? 0)) };
}

function spans(list: Json[], node: string, count: string): unknown {
  return list.map((span) => ({ id: span[node].id, count: span[count], programmes: sorted(ids(span.programmes)) }));
}

/** Operation i (facet counts) does not exist in coopgraph yet; the table prints n/a for it. */
export const NOT_AVAILABLE = [{ key: 'i', title: 'facet counts (not in coopgraph yet)' }] as const;
