/**
 * Responsible for the benchmark's floor: for each operation, the best hand-written Cypher
 * statement we found for the same answer, one statement per operation, sent as it is
 * with neo4j-driver. Each returns exactly one row.
 */

/** Page size of every list operation (coopgraph's `first: 20`). */
export const PAGE = 20;

/**
 * a, d: a page of projects in stored-key order. `p.sortTitle > $after` with an empty
 * string is the first page; the range index on sortTitle serves both the filter and the
 * order, so the last page costs what the first does. The count comes from the count store.
 */
export const projectsPage = `
CALL () {
  MATCH (p:Project) WHERE p.sortTitle > $after
  WITH p ORDER BY p.sortTitle LIMIT $first + 1
  RETURN collect(p {.id, .title, .startDate, .sortTitle}) AS rows
}
CALL () { MATCH (p:Project) RETURN count(p) AS totalCount }
RETURN totalCount, rows`;

/**
 * b: projects located in a region or below. Starts from the region and walks PART_OF
 * downwards once (not once per project); the page then walks projects in key order and
 * keeps those located in one of the collected regions, so it stops after about 20 / share rows.
 */
export const projectsInRegion = `
MATCH (:Region {id: $regionId})<-[:PART_OF*0..]-(sub:Region)
WITH collect(sub) AS regions
CALL (regions) {
  UNWIND regions AS region
  MATCH (region)<-[:LOCATED_IN]-(p:Project)
  RETURN count(DISTINCT p) AS totalCount
}
CALL (regions) {
  MATCH (p:Project) WHERE p.sortTitle > ''
    AND EXISTS { MATCH (p)-[:LOCATED_IN]->(r:Region) WHERE r IN regions }
  WITH p ORDER BY p.sortTitle LIMIT $first
  RETURN collect(p {.id, .title}) AS rows
}
RETURN totalCount, rows`;

/**
 * c: text search through the full-text index (`word*` per word, every word required);
 * the hits are few, so ordering them all by key and slicing the page is cheap.
 */
export const projectsByText = `
CALL db.index.fulltext.queryNodes('project_search', $query) YIELD node
WITH node ORDER BY node.sortTitle
WITH collect(node) AS hits
RETURN size(hits) AS totalCount, [p IN hits[0..$first] | p {.id, .title}] AS rows`;

/**
 * e: the 5-level query in one statement: 20 projects, their programme, partners (by name)
 * and each partner's first 5 participations (by project key) with its total. Each distinct
 * partner is expanded once (popular organizations recur across the 20 projects); the total
 * is a degree count (no label on the far end: PARTICIPATES_IN only ever ends at a Project).
 */
export const nestedProjects = `
MATCH (p:Project) WHERE p.sortTitle > ''
WITH p ORDER BY p.sortTitle LIMIT $first
WITH collect(p) AS projects
CALL (projects) {
  UNWIND projects AS p
  MATCH (p)<-[:PARTICIPATES_IN]-(o:Organization)
  WITH DISTINCT o
  CALL (o) {
    MATCH (o)-[r:PARTICIPATES_IN]->(q:Project)
    WITH r, q ORDER BY q.sortTitle LIMIT 5
    RETURN collect({role: r.role, id: q.id, title: q.title}) AS firstFive
  }
  RETURN collect({id: o.id, total: COUNT { (o)-[:PARTICIPATES_IN]->() }, participations: firstFive}) AS organizations
}
UNWIND projects AS p
CALL (p) {
  OPTIONAL MATCH (p)-[:FUNDED_BY]->(programme:Programme)
  RETURN programme {.id, .name} AS programme
}
CALL (p, organizations) {
  MATCH (p)<-[r:PARTICIPATES_IN]-(o:Organization)
  WITH r, o, [x IN organizations WHERE x.id = o.id][0] AS summary ORDER BY o.name, o.id
  RETURN collect(summary {.*, role: r.role, name: o.name}) AS partners
}
RETURN collect(p {.id, .title, programme: programme, partners: partners}) AS rows`;

/** f: organizations in projects of at least $minProgrammes programmes, the broadest first. */
export const organizationsAcrossProgrammes = `
MATCH (o:Organization)-[:PARTICIPATES_IN]->(:Project)-[:FUNDED_BY]->(g:Programme)
WITH o, count(*) AS projectCount, collect(DISTINCT g.id) AS programmes
WHERE size(programmes) >= $minProgrammes
WITH o, projectCount, programmes ORDER BY size(programmes) DESC, projectCount DESC, o.name LIMIT $first
RETURN collect({id: o.id, name: o.name, projectCount: projectCount, programmes: programmes}) AS rows`;

/**
 * k: projects located in a region or below that reach at least $minProgrammes programmes
 * through the clusters they belong to (their own programme included), the broadest first,
 * then by number of clusters, then by title; the first page and the total.
 */
/** The walk k's list and @neo4j/graphql's @cypher fields share: each clustered project in the region and every programme it reaches (bound as g). */
export const projectsReachingProgrammes = `
MATCH (:Region {id: $regionId})<-[:PART_OF*0..]-(:Region)<-[:LOCATED_IN]-(p:Project)-[:MEMBER_OF]->(:Cluster)
WITH DISTINCT p
MATCH (p)-[:MEMBER_OF]->(:Cluster)<-[:MEMBER_OF]-(m:Project)
WITH p, collect(DISTINCT m) + p AS reached
UNWIND reached AS r
MATCH (r)-[:FUNDED_BY]->(g:Programme)`;

export const projectsSpanningProgrammes = `${projectsReachingProgrammes}
WITH p, collect(DISTINCT g.id) AS programmes
WHERE size(programmes) >= $minProgrammes
WITH p, programmes, COUNT { (p)-[:MEMBER_OF]->(:Cluster) } AS clusters
ORDER BY size(programmes) DESC, clusters DESC, p.sortTitle
WITH collect({id: p.id, programmes: programmes}) AS spans
RETURN size(spans) AS totalCount, spans[0..$first] AS rows`;

/** g: clusters whose members come from at least $minProgrammes programmes, the broadest first. */
export const clustersSpanningProgrammes = `
MATCH (c:Cluster)<-[:MEMBER_OF]-(:Project)-[:FUNDED_BY]->(g:Programme)
WITH c, count(*) AS memberCount, collect(DISTINCT g.id) AS programmes
WHERE size(programmes) >= $minProgrammes
WITH c, memberCount, programmes ORDER BY size(programmes) DESC, memberCount DESC, c.name
RETURN collect({id: c.id, name: c.name, memberCount: memberCount, programmes: programmes}) AS rows`;

/** h: one page of an organization's participations after a keyset cursor (the project key). */
export const organizationParticipations = `
MATCH (o:Organization {id: $organizationId})
CALL (o) {
  MATCH (o)-[r:PARTICIPATES_IN]->(p:Project) WHERE p.sortTitle > $after
  WITH r, p ORDER BY p.sortTitle LIMIT $first + 1
  RETURN collect({role: r.role, id: p.id, title: p.title, key: p.sortTitle}) AS rows
}
RETURN o.id AS id, o.name AS name, COUNT { (o)-[:PARTICIPATES_IN]->() } AS totalCount, rows`;

/** Setup only: the key after which the last page of projects starts. */
export const lastPageCursor = `
MATCH (p:Project) WITH p ORDER BY p.sortTitle DESC SKIP $first LIMIT 1
RETURN p.sortTitle AS after`;

/** Setup only: the project key after which page `$skip / 20 + 1` of an organization's participations starts. */
export const participationCursor = `
MATCH (:Organization {id: $organizationId})-[:PARTICIPATES_IN]->(p:Project)
WITH p ORDER BY p.sortTitle SKIP $skip - 1 LIMIT 1
RETURN p.sortTitle AS after`;

/** Setup only: the organization with the most participations. */
export const busiestOrganization = `
MATCH (o:Organization)
RETURN o.id AS id, COUNT { (o)-[:PARTICIPATES_IN]->(:Project) } AS participations
ORDER BY participations DESC, id LIMIT 1`;

/** Setup only: how many PART_OF hops lie below a region (the depth a filter must follow). */
export const regionDepth = `
MATCH path = (:Region {id: $regionId})<-[:PART_OF*0..]-(:Region)
RETURN max(length(path)) AS depth`;

/** Escapes Lucene's special characters so user words are searched literally, then requires each as a prefix. */
export function fulltextPrefixQuery(text: string): string {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => `+${word.toLowerCase().replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, '\\$&')}*`)
    .join(' ');
}

/**
 * j: the first programmes by name with their project count, budget sum and distinct
 * partner count. One subquery per programme for the one-hop figures (read from its
 * FUNDED_BY relationships) and one for the two-hop distinct partners.
 */
export const programmeFigures = `
MATCH (g:Programme) WHERE g.sortName > ''
WITH g ORDER BY g.sortName LIMIT $first
CALL (g) {
  MATCH (g)<-[:FUNDED_BY]-(p:Project)
  RETURN count(p) AS projectCount, sum(p.totalBudgetEur) AS budgetSumEur
}
CALL (g) {
  MATCH (g)<-[:FUNDED_BY]-(:Project)<-[:PARTICIPATES_IN]-(o:Organization)
  RETURN count(DISTINCT o) AS partnerCount
}
RETURN collect({id: g.id, projectCount: projectCount, partnerCount: partnerCount, budgetSumEur: budgetSumEur}) AS rows`;
