/** Responsible for mapping stored programme properties (plain values from the executor) to domain objects. */
import type { PlainValue } from '../../neo4j/mapping';
import { optionalString, provenanceOf } from '../shared/provenance';
import type { Region } from '../region/region.type';
import type { Programme, ProgrammeCoverage } from './programme.type';

type Properties = Record<string, PlainValue>;

/** Maps stored programme properties to a Programme. */
export function toProgramme(node: Properties): Programme {
  return {
    id: String(node.id),
    name: String(node.name),
    shortName: String(node.shortName),
    period: optionalString(node.period),
    kind: String(node.kind),
    areaAsStated: optionalString(node.areaAsStated),
    managingAuthority: optionalString(node.managingAuthority),
    budgetAsStated: optionalString(node.budgetAsStated),
    platformCallOpen: typeof node.platformCallOpen === 'boolean' ? node.platformCallOpen : null,
    ...provenanceOf(node),
  };
}

/** Maps a COVERS relationship and its (already mapped) region to a ProgrammeCoverage. */
export function toProgrammeCoverage(relationship: Properties, region: Region): ProgrammeCoverage {
  return {
    eligibility: String(relationship.eligibility),
    region,
    ...provenanceOf(relationship),
  };
}
