/** Responsible for reading regions from Neo4j as domain objects. */
import type { Executor } from '../../neo4j/executor';
import type { PlainValue } from '../../neo4j/mapping';
import type { Page, PageWindow } from '../shared/pagination';
import { runListStatement, textFilter } from '../shared/list';
import { provenanceOf } from '../shared/provenance';
import { RegionSortField, type RegionFilter, type RegionSort } from './region.args';
import { regionListStatements } from './region.cypher';
import { RegionLevel, type Region } from './region.type';

type Properties = Record<string, PlainValue>;

const knownLevels = new Set<string>(Object.values(RegionLevel));

/** Maps stored region properties to a Region; throws on a level outside RegionLevel. */
export function toRegion(node: Properties): Region {
  const level = String(node.level);
  if (!knownLevels.has(level)) {
    throw new Error(`Stored region "${String(node.id)}" has unknown level "${level}"`);
  }
  return {
    id: String(node.id),
    name: String(node.name),
    level: level as RegionLevel,
    countryCode: String(node.countryCode),
    ...provenanceOf(node),
  };
}

export class RegionRepository {
  constructor(private readonly executor: Executor) {}

  /** One page of regions matching the filter, in the requested order. */
  list(filter: RegionFilter | undefined, sort: RegionSort | undefined, window: PageWindow): Promise<Page<Region>> {
    return runListStatement(
      this.executor,
      regionListStatements,
      sort,
      RegionSortField.NAME,
      {
        level: filter?.level ?? null,
        withinId: filter?.withinId ?? null,
        // Country codes are stored upper-case, so the filter is normalised rather than the property.
        countryCode: filter?.countryCode?.trim().toUpperCase() || null,
        text: textFilter(filter?.text),
      },
      window,
      toRegion,
    );
  }
}
