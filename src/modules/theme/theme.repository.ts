/** Responsible for reading thematic areas from Neo4j as domain objects. */
import type { Executor } from '../../neo4j/executor';
import type { PlainValue } from '../../neo4j/mapping';
import type { Page, PageWindow } from '../shared/pagination';
import { runListStatement, textFilter } from '../shared/list';
import { optionalString, provenanceOf } from '../shared/provenance';
import { ThematicAreaSortField, type ThematicAreaFilter, type ThematicAreaSort } from './theme.args';
import { themeListStatements } from './theme.cypher';
import type { ThematicArea } from './theme.type';

type Properties = Record<string, PlainValue>;

/** Maps stored thematic-area properties to a ThematicArea. */
export function toThematicArea(node: Properties): ThematicArea {
  return {
    id: String(node.id),
    code: optionalString(node.code),
    name: String(node.name),
    ...provenanceOf(node),
  };
}

export class ThemeRepository {
  constructor(private readonly executor: Executor) {}

  /** One page of thematic areas matching the filter, in the requested order. */
  list(
    filter: ThematicAreaFilter | undefined,
    sort: ThematicAreaSort | undefined,
    window: PageWindow,
  ): Promise<Page<ThematicArea>> {
    return runListStatement(
      this.executor,
      themeListStatements,
      sort,
      ThematicAreaSortField.NAME,
      { text: textFilter(filter?.text) },
      window,
      toThematicArea,
    );
  }
}
