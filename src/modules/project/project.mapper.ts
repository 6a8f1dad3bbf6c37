/** Responsible for mapping stored project properties (plain values from the executor) to domain objects. */
import type { PlainValue } from '../../neo4j/mapping';
import { optionalNumber, optionalString, provenanceOf } from '../shared/provenance';
import type { Organization } from '../organization/organization.type';
import type { Participation, ParticipationRole, Project } from './project.type';

type Properties = Record<string, PlainValue>;

/** Maps stored project properties to a Project. */
export function toProject(node: Properties): Project {
  return {
    id: String(node.id),
    code: optionalString(node.code),
    acronym: optionalString(node.acronym),
    title: optionalString(node.title),
    name: String(node.title ?? node.acronym ?? node.code ?? node.id),
    startDate: optionalString(node.startDate),
    endDate: optionalString(node.endDate),
    totalBudgetEur: optionalNumber(node.totalBudgetEur),
    euFundingEur: optionalNumber(node.euFundingEur),
    programmeFundingEur: optionalNumber(node.programmeFundingEur),
    thematicObjectiveAsStated: optionalString(node.thematicObjectiveAsStated),
    regionsAsStated: optionalString(node.regionsAsStated),
    description: optionalString(node.description),
    ...provenanceOf(node),
  };
}

/** Maps a PARTICIPATES_IN relationship and its two (mapped) ends to a Participation. */
export function toParticipation(relationship: Properties, organization: Organization, project: Project): Participation {
  return {
    role: String(relationship.role) as ParticipationRole,
    budgetEur: optionalNumber(relationship.budgetEur),
    ...provenanceOf(relationship),
    organization,
    project,
  };
}
