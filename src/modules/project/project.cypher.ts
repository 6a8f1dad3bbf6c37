/** Every Cypher statement of the project domain. */
import { Label, RelType } from '../../neo4j/graph-schema';
import { buildListStatements } from '../../neo4j/list-statement';
import type { RelationshipPath } from '../../neo4j/related';
import { ProjectSortField } from './project.args';

export const projectListStatements = buildListStatements({
  label: Label.Project,
  references: [
    { argument: 'programmeId', label: Label.Programme },
    { argument: 'regionId', label: Label.Region },
    { argument: 'themeId', label: Label.ThematicArea },
    { argument: 'organizationId', label: Label.Organization },
    { argument: 'clusterId', label: Label.Cluster },
  ],
  predicates: [
    `$programmeId IS NULL OR EXISTS { (n)-[:${RelType.FUNDED_BY}]->(:${Label.Programme} {id: $programmeId}) }`,
    `$regionId IS NULL OR EXISTS { (n)-[:${RelType.LOCATED_IN}]->(:${Label.Region})-[:${RelType.PART_OF}*0..]->(:${Label.Region} {id: $regionId}) }`,
    `$themeId IS NULL OR EXISTS { (n)-[:${RelType.ADDRESSES}]->(:${Label.ThematicArea} {id: $themeId}) }`,
    `$organizationId IS NULL OR EXISTS { (:${Label.Organization} {id: $organizationId})-[:${RelType.PARTICIPATES_IN}]->(n) }`,
    `$clusterId IS NULL OR EXISTS { (n)-[:${RelType.MEMBER_OF}]->(:${Label.Cluster} {id: $clusterId}) }`,
    // A project with no stated end date counts as running from its start onwards.
    '$activeFrom IS NULL OR n.endDate >= date($activeFrom) OR (n.endDate IS NULL AND n.startDate IS NOT NULL)',
    '$activeTo IS NULL OR n.startDate <= date($activeTo)',
    '$text IS NULL OR toLower(coalesce(n.title, "")) CONTAINS $text OR toLower(coalesce(n.acronym, "")) CONTAINS $text OR toLower(coalesce(n.code, "")) CONTAINS $text',
    '$source IS NULL OR n.source = $source',
  ],
  orderings: {
    [ProjectSortField.TITLE]: 'toLower(coalesce(n.title, n.acronym, n.id))',
    [ProjectSortField.START_DATE]: 'n.startDate',
    [ProjectSortField.END_DATE]: 'n.endDate',
    [ProjectSortField.TOTAL_BUDGET]: 'n.totalBudgetEur',
    [ProjectSortField.ID]: 'n.id',
  },
});

export const projectPaths = {
  programme: { from: Label.Project, type: RelType.FUNDED_BY, to: Label.Programme, direction: 'out' },
  participants: { from: Label.Project, type: RelType.PARTICIPATES_IN, to: Label.Organization, direction: 'in', orderBy: 'name' },
  regions: { from: Label.Project, type: RelType.LOCATED_IN, to: Label.Region, direction: 'out' },
  themes: { from: Label.Project, type: RelType.ADDRESSES, to: Label.ThematicArea, direction: 'out' },
  clusters: { from: Label.Project, type: RelType.MEMBER_OF, to: Label.Cluster, direction: 'out', orderBy: 'name' },
  presentedAt: { from: Label.Project, type: RelType.PRESENTED_AT, to: Label.Event, direction: 'out' },
  agreementSignedAt: { from: Label.Project, type: RelType.AGREEMENT_SIGNED_AT, to: Label.Event, direction: 'out' },
} satisfies Record<string, RelationshipPath>;
