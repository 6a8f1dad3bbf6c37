/** Every Cypher statement of the call domain: the list (relationship fields are declared in relationships/). */
import { Label, RelType } from '../../neo4j/graph-schema';
import type { ListSpec } from '../../neo4j/list-statement';
import { CallSortField } from './call.args';

export const callList: ListSpec<CallSortField> = {
  label: Label.Call,
  anchors: [{ argument: 'programmeId', label: Label.Programme, pattern: `(anchor)<-[:${RelType.OPENED_BY}]-(n)` }],
  predicates: { source: 'n.source = $source' },
  sorts: {
    [CallSortField.START_DATE]: 'sortStart',
    [CallSortField.ID]: 'id',
  },
};
