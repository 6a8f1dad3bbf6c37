/** Every Cypher statement of the cluster domain: the list (relationship fields are declared in relationships/). */
import { Label, RelType } from '../../neo4j/graph-schema';
import type { ListSpec } from '../../neo4j/list-statement';
import { ClusterSortField } from './cluster.args';

const { Programme, Project, Region } = Label;
const { BASED_IN, FUNDED_BY, LOCATED_IN, MEMBER_OF, PART_OF, SUPPORTED_BY } = RelType;

// Clusters are few (hundreds at most), so their filters are predicates over every cluster.
export const clusterList: ListSpec<ClusterSortField> = {
  label: Label.Cluster,
  anchors: [
    {
      argument: 'programmeId',
      label: Programme,
      predicate: `(EXISTS { (n)<-[:${MEMBER_OF}]-(:${Project})-[:${FUNDED_BY}]->(anchor_programmeId) }
        OR EXISTS { (n)-[:${SUPPORTED_BY}]->(anchor_programmeId) })`,
    },
    {
      argument: 'regionId',
      label: Region,
      predicate: `(EXISTS { (n)-[:${BASED_IN}]->(:${Region})-[:${PART_OF}*0..5]->(anchor_regionId) }
        OR EXISTS { (n)<-[:${MEMBER_OF}]-(:${Project})-[:${LOCATED_IN}]->(:${Region})-[:${PART_OF}*0..5]->(anchor_regionId) })`,
    },
  ],
  predicates: {
    kind: 'n.kind = $kind',
    minProgrammes: `COUNT { MATCH (n)<-[:${MEMBER_OF}]-(:${Project})-[:${FUNDED_BY}]->(p:${Programme}) RETURN DISTINCT p } >= $minProgrammes`,
  },
  sorts: {
    [ClusterSortField.NAME]: 'sortName',
    [ClusterSortField.ID]: 'id',
    [ClusterSortField.MEMBER_COUNT]: 'sortMemberCount',
  },
};
