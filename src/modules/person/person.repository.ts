/** Responsible for reading people, their employments and talks from Neo4j as domain objects. */
import type { Executor } from '../../neo4j/executor';
import type { PlainValue } from '../../neo4j/mapping';
import type { Page, PageWindow } from '../shared/pagination';
import { runListStatement, textFilter } from '../shared/list';
import { optionalString, provenanceOf } from '../shared/provenance';
import { toEvent } from '../event/event.repository';
import { toOrganization } from '../organization/organization.repository';
import { PersonSortField, type PersonFilter, type PersonSort } from './person.args';
import { personListStatements } from './person.cypher';
import type { Employment, Person, Talk } from './person.type';

type Properties = Record<string, PlainValue>;

/** Maps stored person properties to a Person. */
export function toPerson(node: Properties): Person {
  return {
    id: String(node.id),
    name: String(node.name),
    position: optionalString(node.position),
    ...provenanceOf(node),
  };
}

/** Maps a WORKS_FOR relationship and the organization it leads to to an Employment. */
export function toEmployment(relationship: Properties, organization: Properties): Employment {
  return {
    position: optionalString(relationship.position),
    organization: toOrganization(organization),
    ...provenanceOf(relationship),
  };
}

/** Maps a SPOKE_AT relationship and the event it leads to to a Talk. */
export function toTalk(relationship: Properties, event: Properties): Talk {
  return {
    topic: optionalString(relationship.topic),
    event: toEvent(event),
    ...provenanceOf(relationship),
  };
}

export class PersonRepository {
  constructor(private readonly executor: Executor) {}

  /** One page of people matching the filter, in the requested order. */
  list(filter: PersonFilter | undefined, sort: PersonSort | undefined, window: PageWindow): Promise<Page<Person>> {
    return runListStatement(
      this.executor,
      personListStatements,
      sort,
      PersonSortField.NAME,
      {
        organizationId: filter?.organizationId ?? null,
        text: textFilter(filter?.text),
      },
      window,
      toPerson,
    );
  }
}
