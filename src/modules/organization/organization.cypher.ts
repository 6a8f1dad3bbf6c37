/** Every Cypher statement of the organization domain: the list and the aliases (relationship fields are declared in relationships/). */
import { Label, RelType } from '../../neo4j/graph-schema';
import type { ListSpec } from '../../neo4j/list-statement';
import { OrganizationSortField } from './organization.args';
import { MAX_ALIASES, MAX_ALIAS_PROJECTS } from './organization.type';

const { Programme, Project, Region } = Label;
const { BASED_IN, FUNDED_BY, PARTICIPATES_IN, PART_OF } = RelType;

export const organizationList: ListSpec<OrganizationSortField> = {
  label: Label.Organization,
  anchors: [
    { argument: 'projectId', label: Project, pattern: `(anchor)<-[:${PARTICIPATES_IN}]-(n)` },
    { argument: 'programmeId', label: Programme, pattern: `(anchor)<-[:${FUNDED_BY}]-(:${Project})<-[:${PARTICIPATES_IN}]-(n)`, distinct: true },
    { argument: 'regionId', label: Region, pattern: `(anchor)<-[:${PART_OF}*0..5]-(:${Region})<-[:${BASED_IN}]-(n)`, distinct: true },
  ],
  predicates: {
    country: 'toLower(n.country) = $country',
    // The role must hold in a participation that also meets the project filters, so
    // "leads of programme X" does not return partners of X that lead elsewhere.
    role: (given) =>
      [
        `EXISTS { MATCH (n)-[r:${PARTICIPATES_IN}]->(p:${Project}) WHERE r.role = $role`,
        ...(given('projectId') ? ['AND p = anchor_projectId'] : []),
        ...(given('programmeId') ? [`AND EXISTS { (p)-[:${FUNDED_BY}]->(anchor_programmeId) }`] : []),
        '}',
      ].join(' '),
  },
  sorts: {
    [OrganizationSortField.NAME]: 'sortName',
    [OrganizationSortField.ID]: 'id',
    [OrganizationSortField.PROJECT_COUNT]: 'sortProjectCount',
  },
};


/**
 * The names each organization of `$ids` is stated under: its own name, and every name a
 * participation row states (`nameAsStated`), with the datasets that state it, its projects,
 * and the score and reason the import matched it to this organization by. One statement
 * for a whole page of organizations.
 */
export const organizationAliases = `
UNWIND $ids AS id
MATCH (o:${Label.Organization} {id: id})
CALL (o) {
  OPTIONAL MATCH (o)-[r:${PARTICIPATES_IN}]->(p:${Project})
  WITH coalesce(r.nameAsStated, o.name) AS name, r, p
  ORDER BY p.id
  WITH name, collect(DISTINCT r.source) AS sources, count(DISTINCT p) AS projectCount, collect(DISTINCT p.id)[0..${MAX_ALIAS_PROJECTS}] AS projectIds,
       max(r.matchScore) AS matchScore, head(collect(r.matchReason)) AS matchReason
  ORDER BY projectCount DESC, name
  LIMIT ${MAX_ALIASES}
  RETURN collect({name: name, sources: sources, projectCount: projectCount, projectIds: projectIds, matchScore: matchScore, matchReason: matchReason}) AS aliases
}
RETURN o.id AS id, o.name AS name, o.source AS source, aliases`;
