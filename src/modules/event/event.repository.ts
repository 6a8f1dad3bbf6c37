/** Responsible for reading events and their speakers from Neo4j as domain objects. */
import type { Executor } from '../../neo4j/executor';
import type { PlainValue } from '../../neo4j/mapping';
import type { Page, PageWindow } from '../shared/pagination';
import { runListStatement, textFilter } from '../shared/list';
import { optionalString, provenanceOf } from '../shared/provenance';
import { toPerson } from '../person/person.repository';
import { EventSortField, type EventFilter, type EventSort } from './event.args';
import { eventListStatements } from './event.cypher';
import type { Event, Speaker } from './event.type';

type Properties = Record<string, PlainValue>;

/** Maps stored event properties to an Event. */
export function toEvent(node: Properties): Event {
  return {
    id: String(node.id),
    name: String(node.name),
    kind: String(node.kind),
    startDate: optionalString(node.startDate),
    endDate: optionalString(node.endDate),
    city: optionalString(node.city),
    ...provenanceOf(node),
  };
}

/** Maps a SPOKE_AT relationship and the person it comes from to a Speaker. */
export function toSpeaker(relationship: Properties, person: Properties): Speaker {
  return {
    topic: optionalString(relationship.topic),
    person: toPerson(person),
    ...provenanceOf(relationship),
  };
}

export class EventRepository {
  constructor(private readonly executor: Executor) {}

  /** One page of events matching the filter, in the requested order. */
  list(filter: EventFilter | undefined, sort: EventSort | undefined, window: PageWindow): Promise<Page<Event>> {
    return runListStatement(
      this.executor,
      eventListStatements,
      sort,
      EventSortField.START_DATE,
      {
        regionId: filter?.regionId ?? null,
        text: textFilter(filter?.text),
      },
      window,
      toEvent,
    );
  }
}
