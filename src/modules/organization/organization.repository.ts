/** Responsible for reading organizations from Neo4j as domain objects. */
import type { Executor } from '../../neo4j/executor';
import type { Page, PageWindow } from '../shared/pagination';
import { runList, textFilter } from '../shared/list';
import { OrganizationSortField, type OrganizationFilter, type OrganizationSort } from './organization.args';
import { organizationList } from './organization.cypher';
import { toOrganization } from './organization.mapper';
import type { Organization } from './organization.type';

export class OrganizationRepository {
  constructor(private readonly executor: Executor) {}

  /** One page of organizations matching the filter, in the requested order; counted only when `withTotal`. */
  list(filter: OrganizationFilter | undefined, sort: OrganizationSort | undefined, window: PageWindow, withTotal: boolean): Promise<Page<Organization>> {
    return runList(
      this.executor,
      organizationList,
      OrganizationSortField.NAME,
      {
        filters: {
        programmeId: filter?.programmeId,
        projectId: filter?.projectId,
        regionId: filter?.regionId,
        // Compared for equality with the lower-cased stored country.
        country: textFilter(filter?.country)?.toLowerCase(),
        role: filter?.role,
        text: textFilter(filter?.text),
        },
        sort,
        window,
        withTotal,
      },
      toOrganization,
    );
  }
}
