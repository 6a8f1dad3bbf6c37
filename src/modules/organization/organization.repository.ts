/** Responsible for reading organizations from Neo4j as domain objects. */
import type { Executor } from '../../neo4j/executor';
import type { PlainValue } from '../../neo4j/mapping';
import type { Page, PageWindow } from '../shared/pagination';
import { runListStatement, textFilter } from '../shared/list';
import { optionalString, provenanceOf } from '../shared/provenance';
import { OrganizationSortField, type OrganizationFilter, type OrganizationSort } from './organization.args';
import { organizationListStatements } from './organization.cypher';
import type { Organization } from './organization.type';

type Properties = Record<string, PlainValue>;

/** Maps stored organization properties to an Organization. */
export function toOrganization(node: Properties): Organization {
  return {
    id: String(node.id),
    name: String(node.name),
    country: optionalString(node.country),
    city: optionalString(node.city),
    ...provenanceOf(node),
  };
}

export class OrganizationRepository {
  constructor(private readonly executor: Executor) {}

  /** One page of organizations matching the filter, in the requested order. */
  list(filter: OrganizationFilter | undefined, sort: OrganizationSort | undefined, window: PageWindow): Promise<Page<Organization>> {
    return runListStatement(
      this.executor,
      organizationListStatements,
      sort,
      OrganizationSortField.NAME,
      {
        programmeId: filter?.programmeId ?? null,
        projectId: filter?.projectId ?? null,
        regionId: filter?.regionId ?? null,
        // Same normalisation as text, but the statement compares for equality.
        country: textFilter(filter?.country),
        role: filter?.role ?? null,
        text: textFilter(filter?.text),
      },
      window,
      toOrganization,
    );
  }
}
