/** Responsible for reading people from Neo4j as domain objects. */
import type { Executor } from '../../neo4j/executor';
import type { Page, PageWindow } from '../shared/pagination';
import { runList, textFilter } from '../shared/list';
import { PersonSortField, type PersonFilter, type PersonSort } from './person.args';
import { personList } from './person.cypher';
import { toPerson } from './person.mapper';
import type { Person } from './person.type';

export class PersonRepository {
  constructor(private readonly executor: Executor) {}

  /** One page of people matching the filter, in the requested order; counted only when `withTotal`. */
  list(filter: PersonFilter | undefined, sort: PersonSort | undefined, window: PageWindow, withTotal: boolean): Promise<Page<Person>> {
    return runList(
      this.executor,
      personList,
      PersonSortField.NAME,
      {
        filters: {
        organizationId: filter?.organizationId,
        text: textFilter(filter?.text),
        },
        sort,
        window,
        withTotal,
      },
      toPerson,
    );
  }
}
