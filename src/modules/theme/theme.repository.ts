/** Responsible for reading thematic areas from Neo4j as domain objects. */
import type { Executor } from '../../neo4j/executor';
import type { Page, PageWindow } from '../shared/pagination';
import { runList, textFilter } from '../shared/list';
import { ThematicAreaSortField, type ThematicAreaFilter, type ThematicAreaSort } from './theme.args';
import { themeList } from './theme.cypher';
import { toThematicArea } from './theme.mapper';
import type { ThematicArea } from './theme.type';

export class ThemeRepository {
  constructor(private readonly executor: Executor) {}

  /** One page of thematic areas matching the filter, in the requested order; counted only when `withTotal`. */
  list(filter: ThematicAreaFilter | undefined, sort: ThematicAreaSort | undefined, window: PageWindow, withTotal: boolean): Promise<Page<ThematicArea>> {
    return runList(
      this.executor,
      themeList,
      ThematicAreaSortField.NAME,
      {
        filters: {
        text: textFilter(filter?.text),
        },
        sort,
        window,
        withTotal,
      },
      toThematicArea,
    );
  }
}
