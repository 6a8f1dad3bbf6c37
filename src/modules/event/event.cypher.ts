/** Every Cypher statement of the event domain. */
import { Label, RelType } from '../../neo4j/graph-schema';
import { buildListStatements } from '../../neo4j/list-statement';
import type { RelationshipPath } from '../../neo4j/related';
import { EventSortField } from './event.args';

export const eventListStatements = buildListStatements({
  label: Label.Event,
  references: [{ argument: 'regionId', label: Label.Region }],
  predicates: [
    `$regionId IS NULL OR EXISTS { (n)-[:${RelType.HELD_IN}]->(:${Label.Region})-[:${RelType.PART_OF}*0..]->(:${Label.Region} {id: $regionId}) }`,
    '$text IS NULL OR toLower(n.name) CONTAINS $text',
  ],
  orderings: {
    [EventSortField.NAME]: 'toLower(n.name)',
    [EventSortField.START_DATE]: 'n.startDate',
  },
});

export const eventPaths = {
  partOf: { from: Label.Event, type: RelType.PART_OF, to: Label.Event, direction: 'out' },
  parts: { from: Label.Event, type: RelType.PART_OF, to: Label.Event, direction: 'in', orderBy: 'startDate' },
  heldIn: { from: Label.Event, type: RelType.HELD_IN, to: Label.Region, direction: 'out' },
  organizers: { from: Label.Event, type: RelType.ORGANIZED, to: Label.Organization, direction: 'in', orderBy: 'name' },
  speakers: { from: Label.Event, type: RelType.SPOKE_AT, to: Label.Person, direction: 'in', orderBy: 'name' },
  presentedClusters: { from: Label.Event, type: RelType.PRESENTED_AT, to: Label.Cluster, direction: 'in', orderBy: 'name' },
  presentedProjects: { from: Label.Event, type: RelType.PRESENTED_AT, to: Label.Project, direction: 'in', orderBy: 'title' },
  agreementsSigned: { from: Label.Event, type: RelType.AGREEMENT_SIGNED_AT, to: Label.Project, direction: 'in', orderBy: 'title' },
} satisfies Record<string, RelationshipPath>;
