/** Responsible for reading events from Neo4j as domain objects. */
import type { Executor } from '../../neo4j/executor';
import type { Page, PageWindow } from '../shared/pagination';
import { runList, textFilter } from '../shared/list';
import { EventSortField, type EventFilter, type EventSort } from './event.args';
import { eventList } from './event.cypher';
import { toEvent } from './event.mapper';
import type { Event } from './event.type';

export class EventRepository {
  constructor(private readonly executor: Executor) {}

  /** One page of events matching the filter, in the requested order; counted only when `withTotal`. */
  list(filter: EventFilter | undefined, sort: EventSort | undefined, window: PageWindow, withTotal: boolean): Promise<Page<Event>> {
    return runList(
      this.executor,
      eventList,
      EventSortField.START_DATE,
      {
        filters: {
        regionId: filter?.regionId,
        text: textFilter(filter?.text),
        },
        sort,
        window,
        withTotal,
      },
      toEvent,
    );
  }
}
