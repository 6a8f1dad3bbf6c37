/** Every Cypher statement of the organization domain. */
import { Label, RelType } from '../../neo4j/graph-schema';
import { buildListStatements } from '../../neo4j/list-statement';
import type { RelationshipPath } from '../../neo4j/related';
import { OrganizationSortField } from './organization.args';

export const organizationListStatements = buildListStatements({
  label: Label.Organization,
  references: [
    { argument: 'programmeId', label: Label.Programme },
    { argument: 'projectId', label: Label.Project },
    { argument: 'regionId', label: Label.Region },
  ],
  predicates: [
    `$programmeId IS NULL OR EXISTS { (n)-[:${RelType.PARTICIPATES_IN}]->(:${Label.Project})-[:${RelType.FUNDED_BY}]->(:${Label.Programme} {id: $programmeId}) }`,
    `$projectId IS NULL OR EXISTS { (n)-[:${RelType.PARTICIPATES_IN}]->(:${Label.Project} {id: $projectId}) }`,
    `$regionId IS NULL OR EXISTS { (n)-[:${RelType.BASED_IN}]->(:${Label.Region})-[:${RelType.PART_OF}*0..]->(:${Label.Region} {id: $regionId}) }`,
    '$country IS NULL OR toLower(n.country) = $country',
    // The role must hold in a participation that also meets the project filters, so
    // "leads of programme X" does not return partners of X that lead elsewhere.
    `$role IS NULL OR EXISTS {
      MATCH (n)-[r:${RelType.PARTICIPATES_IN}]->(p:${Label.Project})
      WHERE r.role = $role
        AND ($projectId IS NULL OR p.id = $projectId)
        AND ($programmeId IS NULL OR EXISTS { (p)-[:${RelType.FUNDED_BY}]->(:${Label.Programme} {id: $programmeId}) })
    }`,
    '$text IS NULL OR toLower(n.name) CONTAINS $text',
  ],
  orderings: {
    [OrganizationSortField.NAME]: 'toLower(n.name)',
    [OrganizationSortField.ID]: 'n.id',
    [OrganizationSortField.PROJECT_COUNT]: `COUNT { MATCH (n)-[:${RelType.PARTICIPATES_IN}]->(p:${Label.Project}) RETURN DISTINCT p }`,
  },
});

export const organizationPaths = {
  participations: { from: Label.Organization, type: RelType.PARTICIPATES_IN, to: Label.Project, direction: 'out', orderBy: 'title' },
  region: { from: Label.Organization, type: RelType.BASED_IN, to: Label.Region, direction: 'out' },
  people: { from: Label.Organization, type: RelType.WORKS_FOR, to: Label.Person, direction: 'in', orderBy: 'name' },
  coordinates: { from: Label.Organization, type: RelType.COORDINATES, to: Label.Cluster, direction: 'out', orderBy: 'name' },
  organized: { from: Label.Organization, type: RelType.ORGANIZED, to: Label.Event, direction: 'out', orderBy: 'startDate' },
} satisfies Record<string, RelationshipPath>;

/** Per organization id: the distinct programmes funding its projects, by name. */
export const organizationProgrammesCypher = [
  'UNWIND $ids AS id',
  `MATCH (:${Label.Organization} {id: id})-[:${RelType.PARTICIPATES_IN}]->(:${Label.Project})-[:${RelType.FUNDED_BY}]->(programme:${Label.Programme})`,
  'WITH DISTINCT id, programme ORDER BY programme.name, programme.id',
  'RETURN id, collect(properties(programme)) AS programmes',
].join('\n');
