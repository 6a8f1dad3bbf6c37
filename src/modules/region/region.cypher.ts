/** Every Cypher statement of the region domain: the list (relationship fields are declared in relationships/). */
import { Label, RelType } from '../../neo4j/graph-schema';
import type { ListSpec } from '../../neo4j/list-statement';
import { RegionSortField } from './region.args';

export const regionList: ListSpec<RegionSortField> = {
  label: Label.Region,
  anchors: [{ argument: 'withinId', label: Label.Region, pattern: `(anchor)<-[:${RelType.PART_OF}*1..5]-(n)`, distinct: true }],
  predicates: {
    level: 'n.level = $level',
    countryCode: 'n.countryCode = $countryCode',
  },
  sorts: {
    [RegionSortField.NAME]: 'sortName',
    [RegionSortField.ID]: 'id',
    [RegionSortField.LEVEL]: 'sortLevel',
    [RegionSortField.PROJECT_COUNT]: 'sortProjectCount',
  },
};
