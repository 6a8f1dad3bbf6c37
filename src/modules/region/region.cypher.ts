/** Every Cypher statement of the region domain. */
import { Label, RelType } from '../../neo4j/graph-schema';
import { buildListStatements } from '../../neo4j/list-statement';
import type { RelationshipPath } from '../../neo4j/related';
import { RegionSortField } from './region.args';
import { RegionLevel } from './region.type';

const { Cluster, Event, Organization, Programme, Project, Region } = Label;
const { BASED_IN, COVERS, HELD_IN, LOCATED_IN, PART_OF } = RelType;

// The stored level names do not sort by breadth ('NUTS1' < 'country' < 'county'), so LEVEL
// sorts by rank. Russian federal subjects and Norwegian counties rank with NUTS3 because
// the CBC programmes list them as NUTS3-level equivalents.
const levelRank: Record<RegionLevel, number> = {
  [RegionLevel.COUNTRY]: 0,
  [RegionLevel.NUTS1]: 1,
  [RegionLevel.FEDERAL_DISTRICT]: 1,
  [RegionLevel.NUTS2]: 2,
  [RegionLevel.NUTS3]: 3,
  [RegionLevel.FEDERAL_SUBJECT]: 3,
  [RegionLevel.COUNTY]: 3,
};
const levelRankExpression = `CASE n.level ${Object.entries(levelRank)
  .map(([level, rank]) => `WHEN '${level}' THEN ${rank}`)
  .join(' ')} END`;

export const regionListStatements = buildListStatements({
  label: Region,
  references: [{ argument: 'withinId', label: Region }],
  predicates: [
    '$level IS NULL OR n.level = $level',
    // Matching the one region first makes Neo4j seek it by id; as a single pattern ending in
    // `{id: $withinId}`, 5.26 planned an id-index scan per candidate region (seconds, not ms).
    `$withinId IS NULL OR EXISTS { MATCH (within:${Region} {id: $withinId}) MATCH (n)-[:${PART_OF}*1..]->(within) }`,
    '$countryCode IS NULL OR n.countryCode = $countryCode',
    '$text IS NULL OR toLower(n.name) CONTAINS $text OR toLower(n.id) CONTAINS $text',
  ],
  orderings: {
    [RegionSortField.NAME]: 'toLower(n.name)',
    [RegionSortField.ID]: 'n.id',
    [RegionSortField.LEVEL]: levelRankExpression,
  },
});

export const regionPaths = {
  parent: { from: Region, type: PART_OF, to: Region, direction: 'out' },
  children: { from: Region, type: PART_OF, to: Region, direction: 'in', orderBy: 'name' },
  projects: { from: Region, type: LOCATED_IN, to: Project, direction: 'in', orderBy: 'title' },
  organizations: { from: Region, type: BASED_IN, to: Organization, direction: 'in', orderBy: 'name' },
  clusters: { from: Region, type: BASED_IN, to: Cluster, direction: 'in', orderBy: 'name' },
  events: { from: Region, type: HELD_IN, to: Event, direction: 'in', orderBy: 'startDate' },
} satisfies Record<string, RelationshipPath>;

/** Per region id: its ancestors, nearest first. */
export const regionAncestorsCypher = [
  'UNWIND $ids AS id',
  `MATCH path = (:${Region} {id: id})-[:${PART_OF}*1..]->(ancestor:${Region})`,
  'WITH id, ancestor, min(length(path)) AS distance ORDER BY distance, ancestor.id',
  'RETURN id, collect(properties(ancestor)) AS nodes',
].join('\n');

/** Per region id: projects located in it or any of its sub-regions, by title. */
export const regionTreeProjectsCypher = [
  'UNWIND $ids AS id',
  `MATCH (:${Region} {id: id})<-[:${PART_OF}*0..]-(:${Region})<-[:${LOCATED_IN}]-(project:${Project})`,
  'WITH DISTINCT id, project ORDER BY project.title, project.id',
  'RETURN id, collect(properties(project)) AS nodes',
].join('\n');

/** Per region id: organizations based in it or any of its sub-regions, by name. */
export const regionTreeOrganizationsCypher = [
  'UNWIND $ids AS id',
  `MATCH (:${Region} {id: id})<-[:${PART_OF}*0..]-(:${Region})<-[:${BASED_IN}]-(organization:${Organization})`,
  'WITH DISTINCT id, organization ORDER BY organization.name, organization.id',
  'RETURN id, collect(properties(organization)) AS nodes',
].join('\n');

/** Per region id: programmes covering it or one of its ancestors (the region lies in their area), by name. */
export const regionProgrammesCypher = [
  'UNWIND $ids AS id',
  `MATCH (:${Region} {id: id})-[:${PART_OF}*0..]->(:${Region})<-[:${COVERS}]-(programme:${Programme})`,
  'WITH DISTINCT id, programme ORDER BY programme.name, programme.id',
  'RETURN id, collect(properties(programme)) AS nodes',
].join('\n');
