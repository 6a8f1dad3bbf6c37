/** Every Cypher statement of the event domain: the list (relationship fields are declared in relationships/). */
import { Label, RelType } from '../../neo4j/graph-schema';
import type { ListSpec } from '../../neo4j/list-statement';
import { EventSortField } from './event.args';

export const eventList: ListSpec<EventSortField> = {
  label: Label.Event,
  anchors: [
    {
      argument: 'regionId',
      label: Label.Region,
      pattern: `(anchor)<-[:${RelType.PART_OF}*0..5]-(:${Label.Region})<-[:${RelType.HELD_IN}]-(n)`,
      distinct: true,
    },
  ],
  predicates: {},
  sorts: {
    [EventSortField.NAME]: 'sortName',
    [EventSortField.START_DATE]: 'sortStart',
  },
};
