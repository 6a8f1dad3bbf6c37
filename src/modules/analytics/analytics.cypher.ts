/** Every Cypher statement of the cross-programme analytics: each question is one statement. */
import { Label, RelType } from '../../neo4j/graph-schema';
import { nodeProjection } from '../../neo4j/projection';

const { Cluster, Organization, Programme, Project, Region } = Label;
const { BASED_IN, FUNDED_BY, LOCATED_IN, MEMBER_OF, PARTICIPATES_IN, PART_OF } = RelType;

const programmeMap = nodeProjection(Programme, 'programme');

/** Clusters spanning ≥ $minProgrammes programmes, with their member projects located in $regionId (or below). */
export const projectsInCrossProgrammeClusters = `
OPTIONAL MATCH (region:${Region} {id: $regionId})
CALL (region) {
  MATCH (c:${Cluster})<-[:${MEMBER_OF}]-(:${Project})-[:${FUNDED_BY}]->(programme:${Programme})
  WHERE region IS NOT NULL
  WITH DISTINCT c, programme ORDER BY programme.sortName
  WITH c, collect(${programmeMap}) AS programmes
  WHERE size(programmes) >= $minProgrammes
  MATCH (c)<-[:${MEMBER_OF}]-(p:${Project})
  WHERE EXISTS { (p)-[:${LOCATED_IN}]->(:${Region})-[:${PART_OF}*0..5]->(region) }
  WITH c, programmes, p ORDER BY p.sortTitle
  WITH c, programmes, collect(${nodeProjection(Project, 'p')}) AS projects
  ORDER BY size(projects) DESC, c.sortName
  RETURN collect({cluster: ${nodeProjection(Cluster, 'c')}, programmes: programmes, projects: projects}) AS results
}
RETURN region IS NOT NULL AS regionFound, results`;

/**
 * Clusters whose member projects come from ≥ $minProgrammes distinct programmes. Each row
 * names its programmes by id; the programmes themselves (few, even in keep.eu: about 200)
 * travel once, so a thousand clusters do not each carry full programme maps. Members and
 * their programmes are counted in one walk (a member without a programme still counts as a
 * member; a second per-cluster COUNT of members cost ~10 % of the statement).
 */
export const clustersSpanningProgrammes = `
MATCH (c:${Cluster})<-[:${MEMBER_OF}]-(member:${Project})
OPTIONAL MATCH (member)-[:${FUNDED_BY}]->(programme:${Programme})
WITH c, count(DISTINCT member) AS memberCount, collect(DISTINCT programme.id) AS programmeIds
WHERE size(programmeIds) >= $minProgrammes
WITH c, programmeIds, memberCount
ORDER BY size(programmeIds) DESC, memberCount DESC, c.sortName
WITH collect({cluster: ${nodeProjection(Cluster, 'c')}, programmeIds: programmeIds, memberCount: memberCount}) AS spans
CALL () {
  MATCH (programme:${Programme})
  RETURN collect(${nodeProjection(Programme, 'programme', { _key: 'programme.sortName' })}) AS programmes
}
RETURN spans, programmes`;

/** What a programme-span list ranks: projects, clusters or organizations. */
export type SpanKind = 'project' | 'cluster' | 'organization';

/** Where a programme-span list looks: the whole graph, or one region with or without its sub-regions. */
export interface SpanScope {
  regionId?: string;
  includeSubRegions: boolean;
}

/** How one page of a programme-span list is read. */
export interface SpanPage {
  /** A rank key from an earlier page's cursor: the page starts after it. */
  afterKey: boolean;
  withTotal: boolean;
  minProgrammes: number;
}

const regionAnchor = (scope: SpanScope) =>
  `(:${Region} {id: $regionId})${scope.includeSubRegions ? `<-[:${PART_OF}*0..5]-(:${Region})` : ''}`;

/**
 * The candidates of a kind in a scope, each with its programmes (distinct nodes). A project spans its own programmes and those of every project it shares a
 * cluster with; a cluster, its members' programmes; an organization, its projects'
 * programmes. In a region: the projects located there, the clusters with a member located
 * there, the organizations based there; their spans still count everything they reach.
 */
function spanCandidates(kind: SpanKind, scope: SpanScope, minProgrammes: number): string {
  const inRegion = scope.regionId !== undefined;
  switch (kind) {
    case 'project': {
      const anchor = inRegion ? `MATCH ${regionAnchor(scope)}<-[:${LOCATED_IN}]-(n:${Project})\nWITH DISTINCT n` : `MATCH (n:${Project})`;
      // Outside every cluster a project spans only its own programmes, so at two or more
      // the clusters' members are the only candidates worth the subquery (whatever the
      // number of programmes a project has). Degrees, read without walking: MEMBER_OF
      // only reaches clusters and FUNDED_BY only programmes.
      const worthWalking =
        minProgrammes >= 2
          ? `\nWITH n WHERE COUNT { (n)-[:${MEMBER_OF}]->() } > 0 OR COUNT { (n)-[:${FUNDED_BY}]->() } >= $minProgrammes`
          : '';
      return `${anchor}${worthWalking}
CALL (n) {
  MATCH (n)-[:${FUNDED_BY}]->(programme:${Programme}) RETURN programme
  UNION
  MATCH (n)-[:${MEMBER_OF}]->(:${Cluster})<-[:${MEMBER_OF}]-(:${Project})-[:${FUNDED_BY}]->(programme:${Programme}) RETURN programme
}
WITH n, collect(programme) AS programmes`;
    }
    case 'cluster': {
      const anchor = inRegion
        ? `MATCH ${regionAnchor(scope)}<-[:${LOCATED_IN}]-(:${Project})-[:${MEMBER_OF}]->(n:${Cluster})\nWITH DISTINCT n\nMATCH (n)`
        : `MATCH (n:${Cluster})`;
      return `${anchor}<-[:${MEMBER_OF}]-(:${Project})-[:${FUNDED_BY}]->(programme:${Programme})
WITH n, collect(DISTINCT programme) AS programmes`;
    }
    case 'organization': {
      const anchor = inRegion ? `MATCH ${regionAnchor(scope)}<-[:${BASED_IN}]-(n:${Organization})\nWITH DISTINCT n\nMATCH (n)` : `MATCH (n:${Organization})`;
      return `${anchor}-[:${PARTICIPATES_IN}]->(:${Project})-[:${FUNDED_BY}]->(programme:${Programme})
WITH n, collect(DISTINCT programme) AS programmes`;
    }
  }
}

// The count that breaks ties between equal spans (a project's clusters, a cluster's members,
// an organization's projects): relationship degrees, read from the node without walking
// (the import keeps one relationship per pair; MEMBER_OF and PARTICIPATES_IN only join
// projects to clusters and organizations to projects).
const TIE_BREAK: Record<SpanKind, string> = {
  project: `COUNT { (n)-[:${MEMBER_OF}]->() }`,
  cluster: `COUNT { (n)<-[:${MEMBER_OF}]-() }`,
  organization: `COUNT { (n)-[:${PARTICIPATES_IN}]->() }`,
};
const SPAN_LABEL: Record<SpanKind, Label> = { project: Project, cluster: Cluster, organization: Organization };
const SPAN_NAME_KEY: Record<SpanKind, string> = { project: 'n.sortTitle', cluster: 'n.sortName', organization: 'n.sortName' };

// Counts rank descending inside an ascending string key: 10 digits of (9,999,999,999 − count),
// then the stored name key (unique: it ends in NUL + id). One string orders the list and is
// the keyset cursor, so the next page is one comparison.
const descendingCount = (count: string) => `right('0000000000' + toString(9999999999 - ${count}), 10)`;

/**
 * One page of a programme-span list, as one statement: the candidates with at least
 * $minProgrammes programmes, the broadest first (then the tie-break count, then by name),
 * $limit rows after the rank key $after, each with its programmes by name; projects also
 * name their clusters. `totalCount` re-walks the candidates only when asked for.
 */
export function programmeSpanPage(kind: SpanKind, scope: SpanScope, page: SpanPage): string {
  const candidates = spanCandidates(kind, scope, page.minProgrammes);
  const enough = `WHERE size(programmes) >= $minProgrammes`;
  const clusters =
    kind === 'project'
      ? `
  CALL (n) {
    MATCH (n)-[:${MEMBER_OF}]->(cluster:${Cluster})
    WITH cluster ORDER BY cluster.sortName
    RETURN collect(${nodeProjection(Cluster, 'cluster')}) AS clusters
  }`
      : `
  WITH *, [] AS clusters`;
  const total = page.withTotal
    ? `
CALL () {
  ${candidates.replaceAll('\n', '\n  ')}
  ${enough}
  RETURN count(*) AS totalCount
}`
    : '';
  return `CALL () {
  ${candidates.replaceAll('\n', '\n  ')}
  WITH n, programmes ${enough}
  WITH n, programmes, ${TIE_BREAK[kind]} AS tieBreak
  WITH n, tieBreak, programmes, ${descendingCount('size(programmes)')} + ${descendingCount('tieBreak')} + ${SPAN_NAME_KEY[kind]} AS key${
    page.afterKey ? '\n  WHERE key > $after' : ''
  }
  ORDER BY key LIMIT $limit
  CALL (programmes) {
    UNWIND programmes AS programme
    WITH programme ORDER BY programme.sortName
    RETURN collect(${programmeMap}) AS programmeList
  }${clusters}
  RETURN collect({key: key, node: ${nodeProjection(SPAN_LABEL[kind], 'n')}, programmes: programmeList, tieBreak: tieBreak, clusters: clusters}) AS items
}${total}
RETURN items${page.withTotal ? ', totalCount' : ''}`;
}
