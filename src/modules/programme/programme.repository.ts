/** Responsible for reading programmes from Neo4j as domain objects. */
import type { Executor } from '../../neo4j/executor';
import type { Page, PageWindow } from '../shared/pagination';
import { runList, textFilter } from '../shared/list';
import { ProgrammeSortField, type ProgrammeFilter, type ProgrammeSort } from './programme.args';
import { programmeList } from './programme.cypher';
import { toProgramme } from './programme.mapper';
import type { Programme } from './programme.type';

export class ProgrammeRepository {
  constructor(private readonly executor: Executor) {}

  /** One page of programmes matching the filter, in the requested order; counted only when `withTotal`. */
  list(filter: ProgrammeFilter | undefined, sort: ProgrammeSort | undefined, window: PageWindow, withTotal: boolean): Promise<Page<Programme>> {
    return runList(
      this.executor,
      programmeList,
      ProgrammeSortField.NAME,
      {
        filters: {
        text: textFilter(filter?.text),
        regionId: filter?.regionId,
        kind: textFilter(filter?.kind)?.toLowerCase(),
        },
        sort,
        window,
        withTotal,
      },
      toProgramme,
    );
  }
}
