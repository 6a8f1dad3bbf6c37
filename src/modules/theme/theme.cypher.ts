/** Every Cypher statement of the thematic-area domain: the list (relationship fields are declared in relationships/). */
import { Label } from '../../neo4j/graph-schema';
import type { ListSpec } from '../../neo4j/list-statement';
import { ThematicAreaSortField } from './theme.args';

export const themeList: ListSpec<ThematicAreaSortField> = {
  label: Label.ThematicArea,
  anchors: [],
  predicates: {},
  sorts: {
    [ThematicAreaSortField.NAME]: 'sortName',
    // Length first so numbered codes sort by number (TO2 before TO10): see derived.ts.
    [ThematicAreaSortField.CODE]: 'sortCode',
    [ThematicAreaSortField.PROJECT_COUNT]: 'sortProjectCount',
  },
};
