/** Every Cypher statement of the programme domain: the list (relationship fields are declared in relationships/). */
import { Label, RelType } from '../../neo4j/graph-schema';
import type { ListSpec } from '../../neo4j/list-statement';
import { ProgrammeSortField } from './programme.args';

const { COVERS, PART_OF } = RelType;

export const programmeList: ListSpec<ProgrammeSortField> = {
  label: Label.Programme,
  anchors: [
    {
      argument: 'regionId',
      label: Label.Region,
      // Overlap: a covered region lies in the given one, or the given one lies in a covered region.
      predicate: `(EXISTS { (n)-[:${COVERS}]->(:${Label.Region})-[:${PART_OF}*0..5]->(anchor_regionId) }
        OR EXISTS { (n)-[:${COVERS}]->(:${Label.Region})<-[:${PART_OF}*1..5]-(anchor_regionId) })`,
    },
  ],
  predicates: { kind: 'toLower(n.kind) = $kind' },
  sorts: {
    [ProgrammeSortField.NAME]: 'sortName',
    [ProgrammeSortField.ID]: 'id',
    [ProgrammeSortField.PROJECT_COUNT]: 'sortProjectCount',
  },
};
