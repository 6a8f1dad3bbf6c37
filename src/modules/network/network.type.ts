/**
 * The network export's domain: which nodes a network links, what a node and an edge carry,
 * and the bounds a request must stay within. Plain types (the network is a file, not a
 * GraphQL type).
 */
import type { ProjectScope } from '../project/project-scope.cypher';
import type { RegionLevelName } from '../../seed/seed-files';

/** What the nodes of a network are; edges always count shared projects or shared organizations. */
export const NETWORK_KINDS = ['organizations', 'regions', 'projects'] as const;
export type NetworkKind = (typeof NETWORK_KINDS)[number];

/** A node attribute besides `id` and `label`: its name in GraphML and CSV, and its type. */
export interface NodeAttribute {
  name: string;
  type: 'string' | 'int';
}

/** Node attributes per kind, in output order (`kind` comes first on every node). */
export const NODE_ATTRIBUTES: Record<NetworkKind, readonly NodeAttribute[]> = {
  organizations: [
    { name: 'kind', type: 'string' },
    { name: 'country', type: 'string' },
    { name: 'projectCount', type: 'int' },
  ],
  regions: [
    { name: 'kind', type: 'string' },
    { name: 'country', type: 'string' },
    { name: 'level', type: 'string' },
    { name: 'projectCount', type: 'int' },
  ],
  projects: [
    { name: 'kind', type: 'string' },
    { name: 'title', type: 'string' },
    { name: 'programme', type: 'string' },
    { name: 'organizationCount', type: 'int' },
  ],
};

export type AttributeValue = string | number | null;

export interface NetworkNode {
  id: string;
  label: string;
  /** Values of the kind's NODE_ATTRIBUTES by name; null when the graph has none. */
  attributes: Record<string, AttributeValue>;
}

/** An undirected edge; `source` < `target` by id, so each pair appears once. */
export interface NetworkEdge {
  source: string;
  target: string;
  /** Shared projects (organizations, regions) or shared organizations (projects). */
  weight: number;
  /**
   * Distinct programmes of the shared projects (organizations, regions), or of the two
   * projects (projects: 1 or 2).
   */
  programmeCount: number;
}

/** Bounds of one network: a request over one of them is refused, never cut silently. */
export interface NetworkLimits {
  /** Project ids a GraphQL-selected network may name. */
  maxProjects: number;
  maxNodes: number;
  maxEdges: number;
}

/**
 * Bounds of a network. A whole-graph organization network of the default graph has about 7,100
 * nodes and 33,700 edges (7.7 MB of GraphML); an HTTP client cannot raise these
 * (NETWORK_MAX_* set them for the API, --max-nodes/--max-edges for the command).
 */
export const DEFAULT_NETWORK_LIMITS: NetworkLimits = { maxProjects: 5_000, maxNodes: 10_000, maxEdges: 50_000 };

/**
 * `/network` answers drawn at once. A whole-graph network holds a Neo4j transaction for a
 * second or two and builds a file of several MB, so a client repeating it must not be able to
 * take every connection and all the memory: the next request is refused (429) until one ends.
 */
export const DEFAULT_NETWORK_CONCURRENCY = 2;

/** A network request: node kind, the projects it is drawn from, and its thresholds. */
export interface NetworkRequest {
  nodes: NetworkKind;
  scope: ProjectScope;
  /** Edges lighter than this are left out (nodes stay). */
  minWeight: number;
  /** Regions only: the level whose regions are the nodes. */
  level: RegionLevelName;
  limits: NetworkLimits;
}

export interface Network {
  nodes: NetworkKind;
  /** Projects the network was drawn from. */
  projectCount: number;
  /** In id order. */
  nodeList: NetworkNode[];
  /** Heaviest first, then by source and target. */
  edgeList: NetworkEdge[];
  /** One line saying what the network is, for the GraphML `description`. */
  description: string;
}
