/** Every Cypher statement of the cross-programme analytics: each question is one statement. */
import { Label, RelType } from '../../neo4j/graph-schema';

const { Cluster, Organization, Programme, Project, Region } = Label;
const { FUNDED_BY, LOCATED_IN, MEMBER_OF, PARTICIPATES_IN, PART_OF } = RelType;

/** Clusters spanning ≥ $minProgrammes programmes, with their member projects located in $regionId (or below). */
export const projectsInCrossProgrammeClusters = `
OPTIONAL MATCH (region:${Region} {id: $regionId})
CALL (region) {
  MATCH (c:${Cluster})<-[:${MEMBER_OF}]-(:${Project})-[:${FUNDED_BY}]->(programme:${Programme})
  WHERE region IS NOT NULL
  WITH DISTINCT c, programme ORDER BY programme.name
  WITH c, collect(properties(programme)) AS programmes
  WHERE size(programmes) >= $minProgrammes
  MATCH (c)<-[:${MEMBER_OF}]-(p:${Project})
  WHERE EXISTS { (p)-[:${LOCATED_IN}]->(:${Region})-[:${PART_OF}*0..]->(region) }
  WITH c, programmes, p ORDER BY toLower(p.title)
  WITH c, programmes, collect(properties(p)) AS projects
  ORDER BY size(projects) DESC, c.name
  RETURN collect({cluster: properties(c), programmes: programmes, projects: projects}) AS results
}
RETURN region IS NOT NULL AS regionFound, results`;

/** Clusters whose member projects come from ≥ $minProgrammes distinct programmes. */
export const clustersSpanningProgrammes = `
MATCH (c:${Cluster})<-[:${MEMBER_OF}]-(:${Project})-[:${FUNDED_BY}]->(programme:${Programme})
WITH DISTINCT c, programme ORDER BY programme.name
WITH c, collect(properties(programme)) AS programmes
WHERE size(programmes) >= $minProgrammes
RETURN properties(c) AS cluster, programmes,
       COUNT { (c)<-[:${MEMBER_OF}]-(:${Project}) } AS memberCount
ORDER BY size(programmes) DESC, memberCount DESC, c.name`;

/** Organizations taking part in projects of ≥ $minProgrammes distinct programmes. */
export const organizationsAcrossProgrammes = `
MATCH (o:${Organization})-[:${PARTICIPATES_IN}]->(p:${Project})-[:${FUNDED_BY}]->(programme:${Programme})
WITH o, count(DISTINCT p) AS projectCount, collect(DISTINCT programme) AS programmes
WHERE size(programmes) >= $minProgrammes
UNWIND programmes AS programme
WITH o, projectCount, programme ORDER BY programme.name
WITH o, projectCount, collect(properties(programme)) AS programmes
RETURN properties(o) AS organization, projectCount, programmes
ORDER BY size(programmes) DESC, projectCount DESC, o.name
LIMIT $limit`;
