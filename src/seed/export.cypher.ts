/**
 * Responsible for the Cypher of the export: the whole graph (or one dataset) read in id order
 * by keyset pages, and the scope of a programme or region export (which nodes it holds) and
 * the pages of that scope.
 */
import { Label, RelType } from '../neo4j/graph-schema';
import { type ProjectScope, projectScopeMatch, scopeFiltersFound } from '../modules/project/project-scope.cypher';

const { Cluster, Organization, Programme, Region, ThematicArea } = Label;
const { ADDRESSES, BASED_IN, FUNDED_BY, LOCATED_IN, MEMBER_OF, PARTICIPATES_IN, PART_OF } = RelType;

/**
 * A page of a label's nodes after `$after` in id order (`$limit` of them), optionally only
 * of one dataset (`$dataset`). Returns `id`, `props`.
 */
export function nodePage(label: Label, byDataset: boolean): string {
  // Filters are added only when asked for: no `$x IS NULL OR …` guards.
  const filter = !byDataset ? '' : label === Label.Dataset ? 'AND n.id = $dataset' : 'AND n.source = $dataset';
  return `MATCH (n:${label}) WHERE n.id > $after ${filter} WITH n ORDER BY n.id LIMIT $limit RETURN n.id AS id, properties(n) AS props`;
}

/**
 * The relationships of a type from a page of start nodes (`$limit` after `$after` in id
 * order), optionally of one dataset. Returns `last` (the page's last start id, null when
 * there are no more) and `rows` [{from, to, props}].
 */
export function relationshipPage(type: RelType, from: Label, to: Label, byDataset: boolean): string {
  return `MATCH (a:${from}) WHERE a.id > $after WITH a ORDER BY a.id LIMIT $limit
WITH collect(a) AS starts, max(a.id) AS last
CALL (starts) {
  UNWIND starts AS a
  MATCH (a)-[r:${type}]->(b:${to}) ${byDataset ? 'WHERE r.source = $dataset' : ''}
  WITH a, b, r ORDER BY a.id, b.id
  RETURN collect({from: a.id, to: b.id, props: properties(r)}) AS rows
}
RETURN last, rows`;
}

/** RETURN items saying which of the scope's filter ids exist (`programmeIdFound`, …). */
export function scopeFound(scope: ProjectScope): string {
  return `RETURN ${scopeFiltersFound(scope).join(', ')}`;
}

/**
 * The node ids of a programme or region export, per label: the scope's projects; the
 * programmes, organizations, thematic areas and clusters they reach in one hop; the regions
 * those projects are LOCATED_IN and those organizations and clusters are BASED_IN, with every
 * region they are PART_OF up to the country, so the subset re-imports with its hierarchy.
 * Returns one row: `Project`, `Programme`, `Organization`, `ThematicArea`, `Cluster`, `Region`.
 */
export function scopeNodeIds(scope: ProjectScope): string {
  return `${projectScopeMatch(scope)}
WITH collect(p) AS projects
CALL (projects) { UNWIND projects AS p MATCH (p)-[:${FUNDED_BY}]->(n:${Programme}) RETURN collect(DISTINCT n.id) AS programmes }
CALL (projects) { UNWIND projects AS p MATCH (p)<-[:${PARTICIPATES_IN}]-(n:${Organization}) RETURN collect(DISTINCT n) AS organizations }
CALL (projects) { UNWIND projects AS p MATCH (p)-[:${ADDRESSES}]->(n:${ThematicArea}) RETURN collect(DISTINCT n.id) AS themes }
CALL (projects) { UNWIND projects AS p MATCH (p)-[:${MEMBER_OF}]->(n:${Cluster}) RETURN collect(DISTINCT n) AS clusters }
CALL (projects, organizations, clusters) {
  UNWIND projects + organizations + clusters AS x
  MATCH (x)-[:${LOCATED_IN}|${BASED_IN}]->(:${Region})-[:${PART_OF}*0..5]->(n:${Region})
  RETURN collect(DISTINCT n.id) AS regions
}
RETURN [p IN projects | p.id] AS ${Label.Project}, programmes AS ${Programme}, [o IN organizations | o.id] AS ${Organization},
  themes AS ${ThematicArea}, [c IN clusters | c.id] AS ${Cluster}, regions AS ${Region}`;
}

/** Nodes of a label by id (`$ids`, sorted), in that order. Returns `id`, `props`. */
export function nodesById(label: Label): string {
  return `UNWIND $ids AS id MATCH (n:${label} {id: id}) RETURN n.id AS id, properties(n) AS props`;
}

/**
 * The relationships of a type from the start nodes `$starts` (sorted ids) to nodes whose id
 * is in `$targets`: the scope's relationships are those with both ends in it. Returns
 * `from`, `to`, `props` in (from, to) order.
 */
export function relationshipsBetween(type: RelType, from: Label, to: Label): string {
  return `UNWIND $starts AS id
MATCH (a:${from} {id: id})-[r:${type}]->(b:${to}) WHERE b.id IN $targets
WITH a, b, r ORDER BY a.id, b.id
RETURN a.id AS from, b.id AS to, properties(r) AS props`;
}
