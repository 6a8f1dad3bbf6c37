/** Responsible for reading projects and their participations from Neo4j as domain objects. */
import type { Executor } from '../../neo4j/executor';
import type { PlainValue } from '../../neo4j/mapping';
import type { Page, PageWindow } from '../shared/pagination';
import { runListStatement, textFilter } from '../shared/list';
import { optionalNumber, optionalString, provenanceOf } from '../shared/provenance';
import { ProjectSortField, type ProjectFilter, type ProjectSort } from './project.args';
import { projectListStatements } from './project.cypher';
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
    ...provenanceOf(node),
  };
}

/** Maps a PARTICIPATES_IN relationship (and its two ends' ids) to a Participation. */
export function toParticipation(relationship: Properties, organizationId: string, projectId: string): Participation {
  return {
    role: String(relationship.role) as ParticipationRole,
    budgetEur: optionalNumber(relationship.budgetEur),
    ...provenanceOf(relationship),
    organizationId,
    projectId,
  };
}

export class ProjectRepository {
  constructor(private readonly executor: Executor) {}

  /** One page of projects matching the filter, in the requested order. */
  list(filter: ProjectFilter | undefined, sort: ProjectSort | undefined, window: PageWindow): Promise<Page<Project>> {
    return runListStatement(
      this.executor,
      projectListStatements,
      sort,
      ProjectSortField.TITLE,
      {
        programmeId: filter?.programmeId ?? null,
        regionId: filter?.regionId ?? null,
        themeId: filter?.themeId ?? null,
        organizationId: filter?.organizationId ?? null,
        clusterId: filter?.clusterId ?? null,
        activeFrom: filter?.activeFrom ?? null,
        activeTo: filter?.activeTo ?? null,
        text: textFilter(filter?.text),
        source: filter?.source ?? null,
      },
      window,
      toProject,
    );
  }
}
