/** Every Cypher statement of the cluster domain. */
import { Label, RelType } from '../../neo4j/graph-schema';
import { buildListStatements } from '../../neo4j/list-statement';
import type { RelationshipPath } from '../../neo4j/related';
import { ClusterSortField } from './cluster.args';

export const clusterListStatements = buildListStatements({
  label: Label.Cluster,
  references: [
    { argument: 'programmeId', label: Label.Programme },
    { argument: 'regionId', label: Label.Region },
  ],
  predicates: [
    '$kind IS NULL OR n.kind = $kind',
    `$programmeId IS NULL
      OR EXISTS { (n)<-[:${RelType.MEMBER_OF}]-(:${Label.Project})-[:${RelType.FUNDED_BY}]->(:${Label.Programme} {id: $programmeId}) }
      OR EXISTS { (n)-[:${RelType.SUPPORTED_BY}]->(:${Label.Programme} {id: $programmeId}) }`,
    `$regionId IS NULL
      OR EXISTS { (n)-[:${RelType.BASED_IN}]->(:${Label.Region})-[:${RelType.PART_OF}*0..]->(:${Label.Region} {id: $regionId}) }
      OR EXISTS { (n)<-[:${RelType.MEMBER_OF}]-(:${Label.Project})-[:${RelType.LOCATED_IN}]->(:${Label.Region})-[:${RelType.PART_OF}*0..]->(:${Label.Region} {id: $regionId}) }`,
    `$minProgrammes IS NULL
      OR COUNT { MATCH (n)<-[:${RelType.MEMBER_OF}]-(:${Label.Project})-[:${RelType.FUNDED_BY}]->(p:${Label.Programme}) RETURN DISTINCT p } >= $minProgrammes`,
    '$text IS NULL OR toLower(n.name) CONTAINS $text OR toLower(coalesce(n.description, "")) CONTAINS $text',
  ],
  orderings: {
    [ClusterSortField.NAME]: 'toLower(n.name)',
    [ClusterSortField.ID]: 'n.id',
    [ClusterSortField.MEMBER_COUNT]: `COUNT { (n)<-[:${RelType.MEMBER_OF}]-(:${Label.Project}) }`,
  },
});

export const clusterPaths = {
  members: { from: Label.Cluster, type: RelType.MEMBER_OF, to: Label.Project, direction: 'in', orderBy: 'title' },
  supportedBy: { from: Label.Cluster, type: RelType.SUPPORTED_BY, to: Label.Programme, direction: 'out', orderBy: 'name' },
  coordinators: { from: Label.Cluster, type: RelType.COORDINATES, to: Label.Organization, direction: 'in', orderBy: 'name' },
  region: { from: Label.Cluster, type: RelType.BASED_IN, to: Label.Region, direction: 'out' },
  themes: { from: Label.Cluster, type: RelType.FOCUSES_ON, to: Label.ThematicArea, direction: 'out', orderBy: 'name' },
  presentedAt: { from: Label.Cluster, type: RelType.PRESENTED_AT, to: Label.Event, direction: 'out', orderBy: 'startDate' },
} satisfies Record<string, RelationshipPath>;

/** Per cluster id: the distinct programmes funding its member projects, by name. */
export const clusterProgrammesCypher = [
  'UNWIND $ids AS id',
  `MATCH (:${Label.Cluster} {id: id})<-[:${RelType.MEMBER_OF}]-(:${Label.Project})-[:${RelType.FUNDED_BY}]->(programme:${Label.Programme})`,
  'WITH DISTINCT id, programme ORDER BY programme.name, programme.id',
  'RETURN id, collect(properties(programme)) AS programmes',
].join('\n');
