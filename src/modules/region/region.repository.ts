/** Responsible for reading regions from Neo4j as domain objects. */
import type { Executor } from '../../neo4j/executor';
import type { Page, PageWindow } from '../shared/pagination';
import { runList, textFilter } from '../shared/list';
import { RegionSortField, type RegionFilter, type RegionSort } from './region.args';
import { regionList } from './region.cypher';
import { toRegion } from './region.mapper';
import type { Region } from './region.type';

export class RegionRepository {
  constructor(private readonly executor: Executor) {}

  /** One page of regions matching the filter, in the requested order; counted only when `withTotal`. */
  list(filter: RegionFilter | undefined, sort: RegionSort | undefined, window: PageWindow, withTotal: boolean): Promise<Page<Region>> {
    return runList(
      this.executor,
      regionList,
      RegionSortField.NAME,
      {
        filters: {
        level: filter?.level,
        withinId: filter?.withinId,
        // Country codes are stored upper-case, so the filter is normalised rather than the property.
        countryCode: textFilter(filter?.countryCode)?.toUpperCase(),
        text: textFilter(filter?.text),
        },
        sort,
        window,
        withTotal,
      },
      toRegion,
    );
  }
}
