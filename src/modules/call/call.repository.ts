/** Responsible for reading calls from Neo4j as domain objects. */
import type { Executor } from '../../neo4j/executor';
import type { Page, PageWindow } from '../shared/pagination';
import { runList, textFilter } from '../shared/list';
import { CallSortField, type CallFilter, type CallSort } from './call.args';
import { callList } from './call.cypher';
import { toCall } from './call.mapper';
import type { Call } from './call.type';

export class CallRepository {
  constructor(private readonly executor: Executor) {}

  /** One page of calls matching the filter, in the requested order; counted only when `withTotal`. */
  list(filter: CallFilter | undefined, sort: CallSort | undefined, window: PageWindow, withTotal: boolean): Promise<Page<Call>> {
    return runList(
      this.executor,
      callList,
      CallSortField.START_DATE,
      {
        filters: {
          programmeId: filter?.programmeId,
          text: textFilter(filter?.text),
          source: filter?.source,
        },
        sort,
        window,
        withTotal,
      },
      toCall,
    );
  }
}
