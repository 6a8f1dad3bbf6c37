/** Responsible for reading organizations from Neo4j as domain objects. */
import type { Executor } from '../../neo4j/executor';
import type { Page, PageWindow } from '../shared/pagination';
import { runList, textFilter } from '../shared/list';
import { OrganizationSortField, type OrganizationFilter, type OrganizationSort } from './organization.args';
import { organizationAliases, organizationList } from './organization.cypher';
import { toOrganization } from './organization.mapper';
import type { Organization, OrganizationAlias } from './organization.type';

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

  /**
   * The aliases of each organization of `ids`, in the order of `ids` (a DataLoader batch):
   * the names its participations state, and its own name where no participation states it.
   */
  async aliases(ids: readonly string[]): Promise<OrganizationAlias[][]> {
    type StatedAlias = { name: unknown; sources: unknown[]; projectCount: unknown; projectIds: unknown[]; matchScore: unknown; matchReason: unknown };
    const rows = await this.executor.read(organizationAliases, { ids: [...ids] });
    const byId = new Map(
      rows.map((row) => {
        const stated = (row.aliases as StatedAlias[]).map((alias) => ({
          name: String(alias.name),
          sources: alias.sources.map(String).sort(),
          projectCount: Number(alias.projectCount),
          projectIds: alias.projectIds.map(String),
          matchScore: alias.matchScore === null ? null : Number(alias.matchScore),
          matchReason: alias.matchReason === null ? null : String(alias.matchReason),
        })).filter((alias) => alias.projectCount > 0);
        const own = stated.some((alias) => alias.name === row.name)
          ? []
          : [{ name: String(row.name), sources: [String(row.source)], projectCount: 0, projectIds: [], matchScore: null, matchReason: null }];
        return [String(row.id), [...stated, ...own]];
      }),
    );
    return ids.map((id) => byId.get(id) ?? []);
  }
}
