/**
 * Every Cypher statement of the network export: one statement per network, returning its
 * nodes and its edges at once (no statement per node or pair). Each reads at most
 * `$nodeLimit` nodes and `$edgeLimit` edges (the bounds + 1, so the repository can tell
 * "over the bound" from "exactly at it"), and says whether the scope's filter ids exist.
 * Nothing is ordered here: `ORDER BY … LIMIT 50001` over 34,000 pairs made Neo4j 5.26 exceed
 * its 1.4 GiB transaction memory where the same rows unordered, or ordered without a limit,
 * took a few MB. The repository orders the (bounded) lists instead.
 */
import { Label, RelType } from '../../neo4j/graph-schema';
import { type ProjectScope, projectScopeMatch, scopeFiltersFound } from '../project/project-scope.cypher';
import type { NetworkKind } from './network.type';

const { Organization, Programme, Region } = Label;
const { BASED_IN, FUNDED_BY, PARTICIPATES_IN, PART_OF } = RelType;

/** The number of distinct values of a list expression (Cypher has no set type; the lists are short). */
const distinctCount = (list: string) => `size(reduce(seen = [], x IN ${list} | CASE WHEN x IN seen THEN seen ELSE seen + x END))`;

const programmesOf = (project: string) => `COLLECT { MATCH (${project})-[:${FUNDED_BY}]->(g:${Programme}) RETURN g.id }`;

/** The scope's projects as the list `projects`. */
function scopedProjects(scope: ProjectScope): string {
  return `CALL () {
  ${projectScopeMatch(scope).replace(/\n/g, '\n  ')}
  RETURN collect(p) AS projects
}`;
}

function finalReturn(scope: ProjectScope): string {
  return `RETURN size(projects) AS projectCount, nodes, edges${scopeFiltersFound(scope).map((found) => `, ${found}`).join('')}`;
}

/**
 * Nodes that meet in projects (organizations taking part, regions their partners are based
 * in): `incidences` holds each project with its members' ids and its programmes; a node's
 * projectCount is the projects it is a member of; an edge joins two members of the same
 * projects, weighted by how many, with the distinct programmes of those projects. Rows carry
 * ids and short lists only: a row holding the whole incidence map made the whole-graph
 * organization network exceed Neo4j's transaction memory (1.4 GiB).
 */
function membersLinkedByProjects(scope: ProjectScope, members: string, label: Label, node: string): string {
  return `${scopedProjects(scope)}
CALL (projects) {
  UNWIND projects AS p
  CALL (p) { ${members} RETURN collect(DISTINCT m.id) AS members }
  WITH p, members WHERE size(members) > 0
  RETURN collect({members: members, programmes: ${programmesOf('p')}}) AS incidences
}
CALL (incidences) {
  UNWIND incidences AS i
  UNWIND i.members AS id
  WITH id, count(*) AS projectCount
  LIMIT $nodeLimit
  MATCH (m:${label} {id: id})
  RETURN collect(${node}) AS nodes
}
CALL (incidences) {
  UNWIND incidences AS i
  WITH i.members AS members, i.programmes AS programmes
  UNWIND members AS source
  UNWIND members AS target
  // Members are distinct per project, so each (pair, project) is one row and count(*) is the shared projects.
  WITH source, target, programmes WHERE source < target
  WITH source, target, count(*) AS weight, collect(programmes) AS programmeLists
  WHERE weight >= $minWeight
  WITH source, target, weight, ${distinctCount('reduce(all = [], list IN programmeLists | all + list)')} AS programmeCount
  LIMIT $edgeLimit
  RETURN collect({source: source, target: target, weight: weight, programmeCount: programmeCount}) AS edges
}
${finalReturn(scope)}`;
}

/** Organizations linked by the projects they take part in together. */
function organizationNetwork(scope: ProjectScope): string {
  return membersLinkedByProjects(
    scope,
    `MATCH (p)<-[:${PARTICIPATES_IN}]-(m:${Organization})`,
    Organization,
    `{id: m.id, label: m.name, kind: 'organization', country: m.country, projectCount: projectCount}`,
  );
}

/**
 * Regions of level `$level` linked by projects with partners in both: a partner counts in the
 * region it is BASED_IN and every region that one is PART_OF, so a partner based in a NUTS3
 * region counts in its NUTS2, NUTS1 and country; one based only at a coarser level than
 * `$level` counts in none.
 */
function regionNetwork(scope: ProjectScope): string {
  return membersLinkedByProjects(
    scope,
    `MATCH (p)<-[:${PARTICIPATES_IN}]-(:${Organization})-[:${BASED_IN}]->(:${Region})-[:${PART_OF}*0..5]->(m:${Region}) WHERE m.level = $level`,
    Region,
    `{id: m.id, label: m.name, kind: 'region', country: m.countryCode, level: m.level, projectCount: projectCount}`,
  );
}

/**
 * Projects linked by the organizations they share, weighted by how many; programmeCount is
 * the distinct programmes of the two projects.
 */
function projectNetwork(scope: ProjectScope): string {
  return `${scopedProjects(scope)}
CALL (projects) {
  UNWIND projects AS p
  WITH p LIMIT $nodeLimit
  RETURN collect({
    id: p.id, label: coalesce(p.acronym, p.title, p.id), kind: 'project', title: p.title,
    programme: head(${programmesOf('p')}), organizationCount: COUNT { (p)<-[:${PARTICIPATES_IN}]-(:${Organization}) }
  }) AS nodes
}
CALL (projects) {
  UNWIND projects AS p
  WITH p, ${programmesOf('p')} AS programmes
  MATCH (p)<-[:${PARTICIPATES_IN}]-(o:${Organization})
  WITH o, collect({id: p.id, programmes: programmes}) AS joined
  UNWIND joined AS a
  UNWIND joined AS b
  WITH o, a, b WHERE a.id < b.id
  WITH a.id AS source, b.id AS target, a.programmes + b.programmes AS programmes, count(o) AS weight
  WHERE weight >= $minWeight
  WITH source, target, weight, ${distinctCount('programmes')} AS programmeCount
  LIMIT $edgeLimit
  RETURN collect({source: source, target: target, weight: weight, programmeCount: programmeCount}) AS edges
}
${finalReturn(scope)}`;
}

/**
 * The statement of a network of `kind` over `scope`. Parameters: the scope's, `$minWeight`,
 * `$nodeLimit`, `$edgeLimit` and (regions) `$level`. Returns one row: `projectCount`,
 * `nodes` [{id, label, …attributes}], `edges` [{source, target, weight, programmeCount}] and
 * a `<filter>Found` flag per filter id of the scope.
 */
export function networkStatement(kind: NetworkKind, scope: ProjectScope): string {
  switch (kind) {
    case 'organizations':
      return organizationNetwork(scope);
    case 'regions':
      return regionNetwork(scope);
    case 'projects':
      return projectNetwork(scope);
    default: {
      const unreachable: never = kind;
      throw new Error(`Unknown network kind ${String(unreachable)}`);
    }
  }
}
