/** Every Cypher statement of the project domain: the list (relationship fields are declared in relationships/). */
import { Label, RelType } from '../../neo4j/graph-schema';
import type { ListSpec } from '../../neo4j/list-statement';
import { ProjectSortField } from './project.args';

const { Cluster, ExternalId, Organization, Programme, Region, ThematicArea } = Label;
const { ADDRESSES, FUNDED_BY, IDENTIFIED_BY, LOCATED_IN, MEMBER_OF, PARTICIPATES_IN, PART_OF } = RelType;

// Anchors in order of typical selectivity: an external id names one project, an
// organization's projects are few, a theme's most.
export const projectList: ListSpec<ProjectSortField> = {
  label: Label.Project,
  anchors: [
    // `externalId` arrives as the ExternalId's `<scheme>:<value>` id (external-id.args.ts).
    { argument: 'externalId', label: ExternalId, pattern: `(anchor)<-[:${IDENTIFIED_BY}]-(n)` },
    { argument: 'organizationId', label: Organization, pattern: `(anchor)-[:${PARTICIPATES_IN}]->(n)` },
    { argument: 'clusterId', label: Cluster, pattern: `(anchor)<-[:${MEMBER_OF}]-(n)` },
    {
      argument: 'programmeId',
      label: Programme,
      pattern: `(anchor)<-[:${FUNDED_BY}]-(n)`,
      estimate: `RETURN COUNT { (anchor)<-[:${FUNDED_BY}]-() } AS estimate`,
    },
    // Walked from the region downwards (bounded: the trees are 3 levels deep), not per candidate.
    {
      argument: 'regionId',
      label: Region,
      pattern: `(anchor)<-[:${PART_OF}*0..5]-(:${Region})<-[:${LOCATED_IN}]-(n)`,
      distinct: true,
      estimate: `OPTIONAL MATCH (anchor)<-[:${PART_OF}*0..5]-(sub:${Region})
        RETURN collect(sub) AS members, sum(COUNT { (sub)<-[:${LOCATED_IN}]-() }) AS estimate`,
      member: `EXISTS { MATCH (n)-[:${LOCATED_IN}]->(located:${Region}) WHERE located IN members }`,
    },
    {
      argument: 'themeId',
      label: ThematicArea,
      pattern: `(anchor)<-[:${ADDRESSES}]-(n)`,
      estimate: `RETURN COUNT { (anchor)<-[:${ADDRESSES}]-() } AS estimate`,
    },
  ],
  predicates: {
    // A project with no stated end date counts as running from its start onwards.
    activeFrom: '(n.endDate >= date($activeFrom) OR (n.endDate IS NULL AND n.startDate IS NOT NULL))',
    activeTo: 'n.startDate <= date($activeTo)',
    source: 'n.source = $source',
  },
  sorts: {
    [ProjectSortField.TITLE]: 'sortTitle',
    [ProjectSortField.START_DATE]: 'sortStart',
    [ProjectSortField.END_DATE]: 'sortEnd',
    [ProjectSortField.TOTAL_BUDGET]: 'sortBudget',
    [ProjectSortField.ID]: 'id',
  },
};
