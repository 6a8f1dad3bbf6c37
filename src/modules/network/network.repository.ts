/**
 * Responsible for reading a network from the graph: one statement per network, its rows
 * mapped to plain nodes and edges, unknown filter ids and networks over their bounds refused
 * with typed errors (BAD_USER_INPUT naming the filter, QUERY_TOO_COMPLEX naming the bound).
 */
import { int } from 'neo4j-driver';
import { BadUserInputError, echo, QueryTooComplexError } from '../../errors';
import type { Executor } from '../../neo4j/executor';
import type { PlainValue } from '../../neo4j/mapping';
import { missingScopeFilters, scopeParameters, type ScopeFilter } from '../project/project-scope.cypher';
import { networkStatement } from './network.cypher';
import { type AttributeValue, type Network, type NetworkEdge, type NetworkNode, type NetworkRequest, NODE_ATTRIBUTES } from './network.type';

/** How a scope filter is named to the person who gave it (CLI option and query parameter alike). */
const FILTER_NAMES: Record<ScopeFilter, string> = { programmeId: 'programme', regionId: 'region', themeId: 'theme', datasetId: 'dataset' };
const FILTER_TYPES: Record<ScopeFilter, string> = { programmeId: 'programme', regionId: 'region', themeId: 'thematic area', datasetId: 'dataset' };

type Properties = Record<string, PlainValue>;

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const attributeValue = (value: PlainValue | undefined): AttributeValue =>
  value === undefined || value === null ? null : typeof value === 'number' ? value : String(value);

function describe(request: NetworkRequest): string {
  const { scope } = request;
  const linked = {
    organizations: 'Organizations linked by the projects they share (weight: shared projects)',
    regions: `Regions of level ${request.level} linked by projects with partners in both (weight: shared projects)`,
    projects: 'Projects linked by the organizations they share (weight: shared organizations)',
  }[request.nodes];
  const filters = [
    ...(Object.keys(FILTER_NAMES) as ScopeFilter[]).filter((filter) => scope[filter] !== undefined).map((filter) => `${FILTER_NAMES[filter]}=${scope[filter]}`),
    ...(scope.projectIds ? [`${scope.projectIds.length} projects selected by a GraphQL query`] : []),
    ...(request.minWeight > 1 ? [`min weight ${request.minWeight}`] : []),
  ];
  return `coopgraph: ${linked}${filters.length > 0 ? `; ${filters.join(', ')}` : ''}`;
}

export class NetworkRepository {
  constructor(private readonly executor: Executor) {}

  /** The network `request` asks for; throws BadUserInputError or QueryTooComplexError. */
  async network(request: NetworkRequest): Promise<Network> {
    const { scope, limits } = request;
    if (scope.projectIds && scope.projectIds.length > limits.maxProjects) {
      throw new QueryTooComplexError('networkProjects', limits.maxProjects, scope.projectIds.length, 'select fewer projects');
    }
    const [row] = await this.executor.read(networkStatement(request.nodes, scope), {
      ...scopeParameters(scope),
      minWeight: int(request.minWeight),
      level: request.level,
      nodeLimit: int(limits.maxNodes + 1),
      edgeLimit: int(limits.maxEdges + 1),
    });
    const missing = missingScopeFilters(scope, row);
    if (missing.length > 0) {
      const [filter] = missing;
      throw new BadUserInputError(`No ${FILTER_TYPES[filter]} with id "${echo(String(scope[filter]))}" (${FILTER_NAMES[filter]})`, FILTER_NAMES[filter]);
    }
    const nodes = (row?.nodes ?? []) as Properties[];
    const edges = (row?.edges ?? []) as Properties[];
    // The statement read one past each bound: more means the network is over it (counting stopped there).
    if (nodes.length > limits.maxNodes) {
      throw new QueryTooComplexError('networkNodes', limits.maxNodes, null, 'narrow the filters');
    }
    if (edges.length > limits.maxEdges) {
      throw new QueryTooComplexError('networkEdges', limits.maxEdges, null, 'narrow the filters or raise the minimum weight');
    }
    const attributes = NODE_ATTRIBUTES[request.nodes];
    const toNode = (node: Properties): NetworkNode => ({
      id: String(node.id),
      label: String(node.label ?? node.id),
      attributes: Object.fromEntries(attributes.map(({ name }) => [name, attributeValue(node[name])])),
    });
    const toEdge = (edge: Properties): NetworkEdge => ({
      source: String(edge.source),
      target: String(edge.target),
      weight: Number(edge.weight),
      programmeCount: Number(edge.programmeCount),
    });
    return {
      nodes: request.nodes,
      projectCount: Number(row?.projectCount ?? 0),
      nodeList: nodes.map(toNode).sort((a, b) => byCodeUnits(a.id, b.id)),
      edgeList: edges.map(toEdge).sort((a, b) => b.weight - a.weight || byCodeUnits(a.source, b.source) || byCodeUnits(a.target, b.target)),
      description: describe(request),
    };
  }
}
