/** Responsible for mapping stored event properties (plain values from the executor) to domain objects. */
import type { PlainValue } from '../../neo4j/mapping';
import { optionalString, provenanceOf } from '../shared/provenance';
import type { Person } from '../person/person.type';
import type { Event, Speaker, Talk } from './event.type';

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

/** Maps a SPOKE_AT relationship and the (mapped) person it comes from to a Speaker. */
export function toSpeaker(relationship: Properties, person: Person): Speaker {
  return {
    topic: optionalString(relationship.topic),
    person,
    ...provenanceOf(relationship),
  };
}

/** Maps a SPOKE_AT relationship and the event it leads to to a Talk. */
export function toTalk(relationship: Properties, event: Event): Talk {
  return {
    topic: optionalString(relationship.topic),
    event,
    ...provenanceOf(relationship),
  };
}
