/** Responsible for reading programmes and their coverage from Neo4j as domain objects. */
import type { Executor } from '../../neo4j/executor';
import type { PlainValue } from '../../neo4j/mapping';
import type { Region } from '../region/region.type';
import type { Page, PageWindow } from '../shared/pagination';
import { runListStatement, textFilter } from '../shared/list';
import { optionalString, provenanceOf } from '../shared/provenance';
import { ProgrammeSortField, type ProgrammeFilter, type ProgrammeSort } from './programme.args';
import { programmeListStatements } from './programme.cypher';
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

export class ProgrammeRepository {
  constructor(private readonly executor: Executor) {}

  /** One page of programmes matching the filter, in the requested order. */
  list(filter: ProgrammeFilter | undefined, sort: ProgrammeSort | undefined, window: PageWindow): Promise<Page<Programme>> {
    return runListStatement(
      this.executor,
      programmeListStatements,
      sort,
      ProgrammeSortField.NAME,
      {
        text: textFilter(filter?.text),
        regionId: filter?.regionId ?? null,
        kind: textFilter(filter?.kind),
      },
      window,
      toProgramme,
    );
  }
}
