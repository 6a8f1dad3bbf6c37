/** Responsible for mapping stored region properties (plain values from the executor) to domain objects. */
import type { PlainValue } from '../../neo4j/mapping';
import { provenanceOf } from '../shared/provenance';
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
    kind: node.kind === undefined || node.kind === null ? null : String(node.kind),
    ...provenanceOf(node),
  };
}
