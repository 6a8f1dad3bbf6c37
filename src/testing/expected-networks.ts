/**
 * Responsible for the networks tests expect, computed from the seed CSV rows alone
 * (PARTICIPATES_IN, FUNDED_BY, LOCATED_IN, ADDRESSES, BASED_IN, PART_OF) by the documented
 * rules, independently of the Cypher under test.
 */
import type { ProjectScope } from '../modules/project/project-scope.cypher';
import type { RegionLevelName } from '../seed/seed-files';
import { programmeOfProject, regionAndDescendants, rowsById, seedRelationshipsBetween } from './seed-fixtures';

const programmeOf = programmeOfProject();
export const participations = seedRelationshipsBetween('PARTICIPATES_IN', 'organizations', 'projects');
const organizations = rowsById('organizations');
const regions = rowsById('regions');
const projects = rowsById('projects');

/** The projects a scope selects, by the documented rules. */
export function projectsOf(scope: ProjectScope): Set<string> {
  let ids = [...projects.keys()];
  if (scope.programmeId) ids = ids.filter((id) => programmeOf.get(id) === scope.programmeId);
  if (scope.regionId) {
    const within = regionAndDescendants(scope.regionId);
    const located = new Set(seedRelationshipsBetween('LOCATED_IN', 'projects', 'regions').filter((row) => within.has(row.to)).map((row) => row.from));
    ids = ids.filter((id) => located.has(id));
  }
  if (scope.themeId) {
    const addressing = new Set(seedRelationshipsBetween('ADDRESSES', 'projects', 'thematic-areas').filter((row) => row.to === scope.themeId).map((row) => row.from));
    ids = ids.filter((id) => addressing.has(id));
  }
  if (scope.datasetId) ids = ids.filter((id) => projects.get(id)!.source === scope.datasetId);
  if (scope.projectIds) ids = ids.filter((id) => scope.projectIds!.includes(id));
  return new Set(ids);
}

export type ExpectedEdge = { source: string; target: string; weight: number; programmeCount: number };
export type ExpectedNode = { id: string; label: string; attributes: Record<string, string | number | null> };

export const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/** Nodes that meet in projects (`membersOf` gives each project's), weighted by shared projects. */
function membersNetwork(scoped: Set<string>, membersOf: (project: string) => Set<string>, node: (id: string, projectCount: number) => ExpectedNode, minWeight = 1) {
  const projectCount = new Map<string, number>();
  const pairs = new Map<string, { projects: Set<string>; programmes: Set<string> }>();
  for (const project of scoped) {
    const members = [...membersOf(project)];
    for (const member of members) projectCount.set(member, (projectCount.get(member) ?? 0) + 1);
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const key = pairKey(members[i], members[j]);
        const pair = pairs.get(key) ?? { projects: new Set(), programmes: new Set() };
        pair.projects.add(project);
        if (programmeOf.has(project)) pair.programmes.add(programmeOf.get(project)!);
        pairs.set(key, pair);
      }
    }
  }
  const edges: ExpectedEdge[] = [...pairs]
    .filter(([, pair]) => pair.projects.size >= minWeight)
    .map(([key, pair]) => {
      const [source, target] = key.split('\u0000');
      return { source, target, weight: pair.projects.size, programmeCount: pair.programmes.size };
    });
  return { nodes: [...projectCount].map(([id, count]) => node(id, count)), edges };
}

export const participationsByProject = new Map<string, Set<string>>();
for (const row of participations) participationsByProject.set(row.to, (participationsByProject.get(row.to) ?? new Set()).add(row.from));
const partners = (project: string) => participationsByProject.get(project) ?? new Set<string>();

export function expectedOrganizations(scope: ProjectScope, minWeight = 1) {
  return membersNetwork(
    projectsOf(scope),
    partners,
    (id, projectCount) => ({ id, label: organizations.get(id)!.name, attributes: { kind: 'organization', country: organizations.get(id)!.country || null, projectCount } }),
    minWeight,
  );
}

export function expectedRegions(scope: ProjectScope, level: RegionLevelName) {
  const parent = new Map(seedRelationshipsBetween('PART_OF', 'regions', 'regions').map((row) => [row.from, row.to]));
  const basedIn = new Map<string, string[]>();
  for (const row of seedRelationshipsBetween('BASED_IN', 'organizations', 'regions')) basedIn.set(row.from, [...(basedIn.get(row.from) ?? []), row.to]);
  const atLevel = (organization: string) => {
    const found = new Set<string>();
    for (const region of basedIn.get(organization) ?? []) {
      for (let at: string | undefined = region; at !== undefined; at = parent.get(at)) if (regions.get(at)!.level === level) found.add(at);
    }
    return found;
  };
  return membersNetwork(
    projectsOf(scope),
    (project) => new Set([...partners(project)].flatMap((organization) => [...atLevel(organization)])),
    (id, projectCount) => ({ id, label: regions.get(id)!.name, attributes: { kind: 'region', country: regions.get(id)!.country_code, level, projectCount } }),
  );
}

export function expectedProjects(scope: ProjectScope, minWeight = 1) {
  const scoped = projectsOf(scope);
  const byOrganization = new Map<string, string[]>();
  for (const row of participations) if (scoped.has(row.to)) byOrganization.set(row.from, [...(byOrganization.get(row.from) ?? []), row.to]);
  const shared = new Map<string, number>();
  for (const joined of byOrganization.values()) {
    for (let i = 0; i < joined.length; i++) for (let j = i + 1; j < joined.length; j++) shared.set(pairKey(joined[i], joined[j]), (shared.get(pairKey(joined[i], joined[j])) ?? 0) + 1);
  }
  const edges = [...shared]
    .filter(([, weight]) => weight >= minWeight)
    .map(([key, weight]) => {
      const [source, target] = key.split('\u0000');
      const programmes = new Set([programmeOf.get(source), programmeOf.get(target)].filter((id) => id !== undefined));
      return { source, target, weight, programmeCount: programmes.size };
    });
  const nodes = [...scoped].map((id) => {
    const row = projects.get(id)!;
    return {
      id,
      label: row.acronym || row.title || id,
      attributes: { kind: 'project', title: row.title || null, programme: programmeOf.get(id) ?? null, organizationCount: partners(id).size },
    };
  });
  return { nodes, edges };
}

const edgeOrder = (a: ExpectedEdge, b: ExpectedEdge) => (pairKey(a.source, a.target) < pairKey(b.source, b.target) ? -1 : 1);

/** Edges with source < target, in one order, for comparison. */
export const normalEdges = (edges: readonly ExpectedEdge[]) =>
  edges.map((edge) => (edge.source < edge.target ? { ...edge } : { ...edge, source: edge.target, target: edge.source })).sort(edgeOrder);

/** Nodes and edges sorted for comparison. */
export const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
