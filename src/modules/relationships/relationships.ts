/**
 * Responsible for declaring every relationship field of the API: one entry per
 * relationship type (with the field each end shows) and one per longer path. The batched
 * Cypher, the per-request loaders and the field resolvers all follow from these entries
 * (relationship-fields.ts); questions that need their own statement stay in their domain.
 */
import { Label, RelType } from '../../neo4j/graph-schema';
import { toCall } from '../call/call.mapper';
import { Call, CallConnection } from '../call/call.type';
import { toCluster } from '../cluster/cluster.mapper';
import { Cluster, ClusterConnection } from '../cluster/cluster.type';
import { toEvent, toSpeaker, toTalk } from '../event/event.mapper';
import { Event, EventConnection, Speaker, Talk } from '../event/event.type';
import { toExternalId } from '../external-id/external-id.mapper';
import { ExternalId } from '../external-id/external-id.type';
import { toOrganization } from '../organization/organization.mapper';
import { Organization, OrganizationConnection } from '../organization/organization.type';
import { toEmployment, toPerson } from '../person/person.mapper';
import { Employment, Person, PersonConnection } from '../person/person.type';
import { toProgramme, toProgrammeCoverage } from '../programme/programme.mapper';
import { Programme, ProgrammeConnection, ProgrammeCoverage } from '../programme/programme.type';
import { toParticipation, toProject } from '../project/project.mapper';
import { Participation, ParticipationConnection, Project, ProjectConnection } from '../project/project.type';
import { toRegion } from '../region/region.mapper';
import { Region, RegionConnection } from '../region/region.type';
import { toThematicArea } from '../theme/theme.mapper';
import { ThematicArea, ThematicAreaConnection } from '../theme/theme.type';
import { type FieldEnd, fieldSpecs, relationshipResolvers, type NodeKind, type PathDeclaration, type RelationshipDeclaration } from './relationship-fields';

const call: NodeKind = { label: Label.Call, type: Call, map: toCall, connection: CallConnection };
const cluster: NodeKind = { label: Label.Cluster, type: Cluster, map: toCluster, connection: ClusterConnection };
const event: NodeKind = { label: Label.Event, type: Event, map: toEvent, connection: EventConnection };
const externalId: NodeKind = { label: Label.ExternalId, type: ExternalId, map: toExternalId };
const organization: NodeKind = { label: Label.Organization, type: Organization, map: toOrganization, connection: OrganizationConnection };
const person: NodeKind = { label: Label.Person, type: Person, map: toPerson, connection: PersonConnection };
const programme: NodeKind = { label: Label.Programme, type: Programme, map: toProgramme, connection: ProgrammeConnection };
const project: NodeKind = { label: Label.Project, type: Project, map: toProject, connection: ProjectConnection };
const region: NodeKind = { label: Label.Region, type: Region, map: toRegion, connection: RegionConnection };
const theme: NodeKind = { label: Label.ThematicArea, type: ThematicArea, map: toThematicArea, connection: ThematicAreaConnection };

// Stored sort keys (src/neo4j/derived.ts) the fields order by.
const byTitle = { orderBy: 'sortTitle' } as const;
const byName = { orderBy: 'sortName' } as const;
const byStart = { orderBy: 'sortStart' } as const;

// Sub-region walks are bounded: NUTS and ISO 3166-2 trees are at most 3 levels deep.
const SUB_REGIONS = `[:${RelType.PART_OF}*0..5]`;

export const RELATIONSHIPS: readonly RelationshipDeclaration[] = [
  {
    type: RelType.FUNDED_BY,
    from: project,
    to: programme,
    out: { field: 'programme', cardinality: 'one', description: 'The programme that funds the project' },
    in: { field: 'projects', cardinality: 'page', ...byTitle, description: 'Projects the programme funds, by title' },
  },
  {
    type: RelType.OPENED_BY,
    from: call,
    to: programme,
    out: { field: 'programme', cardinality: 'one', description: 'The programme that opened the call' },
    in: { field: 'calls', cardinality: 'list', ...byStart, description: 'Calls for proposals the programme opened, by start date (undated last)' },
  },
  {
    type: RelType.FUNDED_UNDER,
    from: project,
    to: call,
    out: { field: 'call', cardinality: 'one', description: 'The call for proposals the project was selected in; null where the source names none' },
    in: { field: 'projects', cardinality: 'page', ...byTitle, description: 'Projects selected in the call, by title' },
  },
  {
    type: RelType.IDENTIFIED_BY,
    from: project,
    to: externalId,
    out: { field: 'externalIds', cardinality: 'list', description: 'Identifiers other sources give the project (keep.eu’s key, the programme’s code), by scheme' },
  },
  {
    type: RelType.PARTICIPATES_IN,
    from: organization,
    to: project,
    out: {
      field: 'participations',
      cardinality: 'page',
      ...byTitle,
      description: 'The projects it takes part in, with its role in each, by project title',
      edge: {
        type: () => Participation,
        connection: ParticipationConnection,
        map: (relationship, owner: Organization, target: Project) => toParticipation(relationship, owner, target),
      },
    },
    in: {
      field: 'partners',
      cardinality: 'list',
      ...byName,
      description: 'Partner organizations with their roles',
      edge: { type: () => Participation, map: (relationship, owner: Project, target: Organization) => toParticipation(relationship, target, owner) },
    },
  },
  {
    type: RelType.LOCATED_IN,
    from: project,
    to: region,
    out: { field: 'regions', cardinality: 'list', ...byName, description: 'Regions the project works in' },
    in: {
      field: 'projects',
      cardinality: 'page',
      ...byTitle,
      description: 'Projects located in the region, by title',
      variant: {
        argument: 'includeSubRegions',
        description: 'Also projects located in its sub-regions',
        defaultValue: true,
        pattern: `(s)<-${SUB_REGIONS}-(:${Label.Region})<-[:${RelType.LOCATED_IN}]-(n)`,
      },
    },
  },
  {
    type: RelType.ADDRESSES,
    from: project,
    to: theme,
    out: { field: 'themes', cardinality: 'list', ...byName },
    in: { field: 'projects', cardinality: 'page', ...byTitle, description: 'Projects addressing the thematic area, by title' },
  },
  {
    type: RelType.MEMBER_OF,
    from: project,
    to: cluster,
    out: { field: 'clusters', cardinality: 'list', ...byName, description: 'Clusters and platforms the project belongs to' },
    in: { field: 'members', cardinality: 'page', ...byTitle, description: 'Member projects, by title' },
  },
  {
    type: RelType.SUPPORTED_BY,
    from: cluster,
    to: programme,
    out: {
      field: 'supportedBy',
      cardinality: 'list',
      ...byName,
      description: 'Programmes that support the cluster itself (e.g. Interreg BSR platform support)',
    },
    in: { field: 'clusters', cardinality: 'list', ...byName, description: 'Clusters and platforms the programme supports' },
  },
  {
    type: RelType.BASED_IN,
    from: cluster,
    to: region,
    out: { field: 'region', cardinality: 'one', description: 'The region the cluster is based in' },
    in: { field: 'clusters', cardinality: 'list', ...byName, description: 'Clusters based in the region (only this region, not its sub-regions)' },
  },
  {
    type: RelType.BASED_IN,
    from: organization,
    to: region,
    out: { field: 'region', cardinality: 'one', description: 'The region it is based in' },
    in: {
      field: 'organizations',
      cardinality: 'page',
      ...byName,
      description: 'Organizations based in the region, by name',
      variant: {
        argument: 'includeSubRegions',
        description: 'Also organizations based in its sub-regions',
        defaultValue: true,
        pattern: `(s)<-${SUB_REGIONS}-(:${Label.Region})<-[:${RelType.BASED_IN}]-(n)`,
      },
    },
  },
  {
    type: RelType.FOCUSES_ON,
    from: cluster,
    to: theme,
    out: { field: 'themes', cardinality: 'list', ...byName, description: 'Thematic areas the cluster focuses on' },
    in: { field: 'clusters', cardinality: 'list', ...byName, description: 'Clusters focusing on the thematic area' },
  },
  {
    type: RelType.COORDINATES,
    from: organization,
    to: cluster,
    out: { field: 'coordinates', cardinality: 'list', ...byName, description: 'Clusters and platforms it coordinates' },
    in: { field: 'coordinators', cardinality: 'list', ...byName, description: 'Organizations that coordinate the cluster' },
  },
  {
    type: RelType.COVERS,
    from: programme,
    to: region,
    out: {
      field: 'coverage',
      cardinality: 'list',
      ...byName,
      description: 'Regions of the programme area, core and adjoining',
      edge: { type: () => ProgrammeCoverage, map: (relationship, _owner: Programme, target: Region) => toProgrammeCoverage(relationship, target) },
    },
  },
  {
    type: RelType.PART_OF,
    from: region,
    to: region,
    out: { field: 'parent', cardinality: 'one', description: 'The region this one is part of; null for a country' },
    in: { field: 'children', cardinality: 'list', ...byName, description: 'Regions directly part of this one' },
  },
  {
    type: RelType.PART_OF,
    from: event,
    to: event,
    out: { field: 'partOf', cardinality: 'one', description: 'The larger event this one was held within' },
    in: { field: 'parts', cardinality: 'list', ...byStart, description: 'Events held within this one (e.g. round tables of a forum)' },
  },
  {
    type: RelType.WORKS_FOR,
    from: person,
    to: organization,
    out: {
      field: 'worksFor',
      cardinality: 'list',
      ...byName,
      description: 'Organizations the person works for, with the position held',
      edge: { type: () => Employment, map: (relationship, _owner: Person, target: Organization) => toEmployment(relationship, target) },
    },
    in: { field: 'people', cardinality: 'list', ...byName, description: 'People who work for it' },
  },
  {
    type: RelType.SPOKE_AT,
    from: person,
    to: event,
    out: {
      field: 'spokeAt',
      cardinality: 'list',
      ...byStart,
      description: 'Events the person spoke at, with the topic',
      edge: { type: () => Talk, map: (relationship, _owner: Person, target: Event) => toTalk(relationship, target) },
    },
    in: {
      field: 'speakers',
      cardinality: 'list',
      ...byName,
      description: 'People who spoke, with their topics',
      edge: { type: () => Speaker, map: (relationship, _owner: Event, target: Person) => toSpeaker(relationship, target) },
    },
  },
  {
    type: RelType.ORGANIZED,
    from: organization,
    to: event,
    out: { field: 'organized', cardinality: 'list', ...byStart, description: 'Events it organized' },
    in: { field: 'organizers', cardinality: 'list', ...byName },
  },
  {
    type: RelType.HELD_IN,
    from: event,
    to: region,
    out: { field: 'heldIn', cardinality: 'one', description: 'The region the event was held in' },
    in: { field: 'events', cardinality: 'list', ...byStart, description: 'Events held in the region (only this region, not its sub-regions)' },
  },
  {
    type: RelType.PRESENTED_AT,
    from: cluster,
    to: event,
    out: { field: 'presentedAt', cardinality: 'list', ...byStart, description: 'Events where the cluster was presented' },
    in: { field: 'presentedClusters', cardinality: 'list', ...byName, description: 'Clusters presented at the event' },
  },
  {
    type: RelType.PRESENTED_AT,
    from: project,
    to: event,
    out: { field: 'presentedAt', cardinality: 'list', ...byStart, description: 'Events where the project was presented' },
    in: { field: 'presentedProjects', cardinality: 'list', ...byTitle, description: 'Projects presented at the event' },
  },
  {
    type: RelType.AGREEMENT_SIGNED_AT,
    from: project,
    to: event,
    out: { field: 'agreementSignedAt', cardinality: 'list', ...byStart, description: 'Events where the project’s partnership agreement was signed' },
    in: { field: 'agreementsSigned', cardinality: 'list', ...byTitle, description: 'Projects whose partnership agreement was signed at the event' },
  },
];

const fundedProgrammes = `-[:${RelType.FUNDED_BY}]->(n)`;
const partners = `<-[:${RelType.PARTICIPATES_IN}]-(n)`;
const PROJECT = `(:${Label.Project})`;

interface AggregateOptions {
  /** From `(s)` to the region whose sub-regions `includeSubRegions` adds (regions only). */
  subRegions?: string;
  /** Fields the owner already has (or for which the figure means nothing). */
  omit?: readonly string[];
  /** Description of `partnerCount` where the generic one would mislead. */
  partnerCountDescription?: string;
}

/**
 * Counts and budget sums over the projects the owner reaches by `toProjects` (a pattern from
 * `(s)` that ends where a project follows), as `count` and `sum` path declarations.
 */
function projectAggregates(owner: NodeKind, toProjects: string, what: string, options: AggregateOptions = {}): PathDeclaration[] {
  const { subRegions, omit = [] } = options;
  const field = (target: NodeKind, toTarget: string, end: Omit<FieldEnd, 'variant'>): PathDeclaration => {
    const pattern = `${toProjects}${toTarget}`;
    // Regions count their sub-regions too unless asked not to.
    const variant = subRegions === undefined ? undefined : { argument: 'includeSubRegions', description: 'Also the projects of its sub-regions', defaultValue: true, pattern: pattern.replace('(s)', subRegions) };
    return { owner, target, pattern, end: { ...end, ...(variant ? { variant } : {}) } };
  };
  const budget = (name: string, property: string, stated: string) =>
    field(project, '(n)', { field: name, cardinality: 'sum', sumOf: property, description: `Sum of the ${stated} of ${what}, in euro (a project that states none adds nothing)` });
  return [
    field(project, '(n)', { field: 'projectCount', cardinality: 'count', description: `Number of ${what}` }),
    field(programme, `${PROJECT}${fundedProgrammes}`, { field: 'programmeCount', cardinality: 'count', description: `Number of distinct programmes funding ${what}` }),
    field(organization, `${PROJECT}${partners}`, {
      field: 'partnerCount',
      cardinality: 'count',
      description: options.partnerCountDescription ?? `Number of distinct organizations taking part in ${what}`,
    }),
    budget('budgetSumEur', 'totalBudgetEur', 'stated total budgets'),
    budget('euFundingSumEur', 'euFundingEur', 'stated EU funding'),
  ].filter((declaration) => !omit.includes(declaration.end.field));
}

export const PATHS: readonly PathDeclaration[] = [
  // Section: counts and budget sums where lists show them.
  ...projectAggregates(programme, `(s)<-[:${RelType.FUNDED_BY}]-`, 'the projects it funds', { omit: ['programmeCount'] }),
  ...projectAggregates(region, `(s)<-[:${RelType.LOCATED_IN}]-`, 'the projects located in the region', { subRegions: `(s)<-${SUB_REGIONS}-(:${Label.Region})` }),
  ...projectAggregates(theme, `(s)<-[:${RelType.ADDRESSES}]-`, 'the projects addressing the thematic area'),
  ...projectAggregates(cluster, `(s)<-[:${RelType.MEMBER_OF}]-`, 'its member projects', { omit: ['programmeCount'] }),
  ...projectAggregates(organization, `(s)-[:${RelType.PARTICIPATES_IN}]->`, 'the projects it takes part in', {
    omit: ['projectCount'],
    // A pattern never uses one relationship twice, so the organization itself is not counted.
    partnerCountDescription: 'Number of distinct other organizations it shares a project with',
  }),
  {
    owner: project,
    target: organization,
    pattern: `(s)${partners}`,
    end: { field: 'partnerCount', cardinality: 'count', description: 'Number of partner organizations (lead, partners and associated)' },
  },
  {
    owner: cluster,
    target: programme,
    pattern: `(s)<-[:${RelType.MEMBER_OF}]-(:${Label.Project})${fundedProgrammes}`,
    end: { field: 'programmes', cardinality: 'list', ...byName, description: 'Distinct programmes funding the member projects' },
  },
  {
    owner: cluster,
    target: programme,
    pattern: `(s)<-[:${RelType.MEMBER_OF}]-(:${Label.Project})${fundedProgrammes}`,
    end: { field: 'programmeCount', cardinality: 'count', description: 'Number of distinct programmes funding the member projects' },
  },
  {
    owner: organization,
    target: programme,
    pattern: `(s)-[:${RelType.PARTICIPATES_IN}]->(:${Label.Project})${fundedProgrammes}`,
    end: { field: 'programmes', cardinality: 'list', ...byName, description: 'Distinct programmes funding the projects it takes part in' },
  },
  {
    owner: region,
    target: region,
    pattern: `(s)-[:${RelType.PART_OF}*1..5]->(n)`,
    // The level key ranks country 0 … NUTS3 3, so descending is nearest first.
    end: {
      field: 'ancestors',
      cardinality: 'list',
      orderBy: 'sortLevel',
      direction: 'DESC',
      description: 'Every region this one lies in, nearest first (up to the country)',
    },
  },
  {
    owner: region,
    target: programme,
    pattern: `(s)-[:${RelType.PART_OF}*0..5]->(:${Label.Region})<-[:${RelType.COVERS}]-(n)`,
    end: {
      field: 'programmes',
      cardinality: 'list',
      ...byName,
      description: 'Programmes whose area includes the region: they cover it or a region it lies in',
    },
  },
];

/** The generated field resolvers of every declared relationship field. */
export const RELATIONSHIP_RESOLVERS = relationshipResolvers(fieldSpecs(RELATIONSHIPS, PATHS));
