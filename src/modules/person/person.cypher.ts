/** Every Cypher statement of the person domain: the list (relationship fields are declared in relationships/). */
import { Label, RelType } from '../../neo4j/graph-schema';
import type { ListSpec } from '../../neo4j/list-statement';
import { PersonSortField } from './person.args';

export const personList: ListSpec<PersonSortField> = {
  label: Label.Person,
  anchors: [{ argument: 'organizationId', label: Label.Organization, pattern: `(anchor)<-[:${RelType.WORKS_FOR}]-(n)` }],
  predicates: {},
  sorts: { [PersonSortField.NAME]: 'sortName' },
};
