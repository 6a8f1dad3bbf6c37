/** Every Cypher statement of the cross-programme analytics: each question is one statement. */
import { Label, RelType } from '../../neo4j/graph-schema';
import { nodeProjection } from '../../neo4j/projection';

const { Cluster, Organization, Programme, Project, Region } = Label;
const { FUNDED_BY, LOCATED_IN, MEMBER_OF, PARTICIPATES_IN, PART_OF } = RelType;

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

/**
 * Organizations taking part in projects of ≥ $minProgrammes distinct programmes. Programmes
 * are counted per organization before any property is read, and only the returned page
 * is projected, so the cost is one walk over the participations.
 */
export const organizationsAcrossProgrammes = `
MATCH (o:${Organization})-[:${PARTICIPATES_IN}]->(p:${Project})-[:${FUNDED_BY}]->(programme:${Programme})
WITH o, count(DISTINCT p) AS projectCount, collect(DISTINCT programme) AS programmes
WHERE size(programmes) >= $minProgrammes
WITH o, projectCount, programmes ORDER BY size(programmes) DESC, projectCount DESC, o.sortName LIMIT $limit
CALL (programmes) {
  UNWIND programmes AS programme
  WITH programme ORDER BY programme.sortName
  RETURN collect(${programmeMap}) AS programmeList
}
RETURN ${nodeProjection(Organization, 'o')} AS organization, projectCount, programmeList AS programmes`;
