/** Responsible for reading projects from Neo4j as domain objects. */
import type { Executor } from '../../neo4j/executor';
import type { Page, PageWindow } from '../shared/pagination';
import { externalIdKeyOf } from '../external-id/external-id.args';
import { runList, textFilter } from '../shared/list';
import { ProjectSortField, type ProjectFilter, type ProjectSort } from './project.args';
import { projectList } from './project.cypher';
import { toProject } from './project.mapper';
import type { Project } from './project.type';

export class ProjectRepository {
  constructor(private readonly executor: Executor) {}

  /** One page of projects matching the filter, in the requested order; counted only when `withTotal`. */
  list(filter: ProjectFilter | undefined, sort: ProjectSort | undefined, window: PageWindow, withTotal: boolean): Promise<Page<Project>> {
    return runList(
      this.executor,
      projectList,
      ProjectSortField.TITLE,
      {
        filters: {
        programmeId: filter?.programmeId,
        regionId: filter?.regionId,
        themeId: filter?.themeId,
        organizationId: filter?.organizationId,
        clusterId: filter?.clusterId,
        activeFrom: filter?.activeFrom,
        activeTo: filter?.activeTo,
        text: textFilter(filter?.text),
        source: filter?.source,
        externalId: filter?.externalId ? externalIdKeyOf(filter.externalId, 'filter.externalId.') : undefined,
        },
        sort,
        window,
        withTotal,
      },
      toProject,
    );
  }
}
