/** Every Cypher statement of the person domain. */
import { Label, RelType } from '../../neo4j/graph-schema';
import { buildListStatements } from '../../neo4j/list-statement';
import type { RelationshipPath } from '../../neo4j/related';
import { PersonSortField } from './person.args';

export const personListStatements = buildListStatements({
  label: Label.Person,
  references: [{ argument: 'organizationId', label: Label.Organization }],
  predicates: [
    `$organizationId IS NULL OR EXISTS { (n)-[:${RelType.WORKS_FOR}]->(:${Label.Organization} {id: $organizationId}) }`,
    '$text IS NULL OR toLower(n.name) CONTAINS $text',
  ],
  orderings: {
    [PersonSortField.NAME]: 'toLower(n.name)',
  },
});

export const personPaths = {
  worksFor: { from: Label.Person, type: RelType.WORKS_FOR, to: Label.Organization, direction: 'out', orderBy: 'name' },
  spokeAt: { from: Label.Person, type: RelType.SPOKE_AT, to: Label.Event, direction: 'out', orderBy: 'startDate' },
} satisfies Record<string, RelationshipPath>;
