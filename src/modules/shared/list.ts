/**
 * Responsible for running a list statement built by `buildListStatement` and turning its
 * single row into a Page with keyset cursors, or into an error naming the unknown filter id.
 */
import { int } from 'neo4j-driver';
import { BadUserInputError, echo } from '../../errors';
import type { Executor } from '../../neo4j/executor';
import { decodeCursor, encodeCursor } from '../../neo4j/keyset';
import { buildListStatement, luceneQuery, type ListSpec } from '../../neo4j/list-statement';
import type { PlainValue } from '../../neo4j/mapping';
import { SortDirection, type Page, type PageWindow } from './pagination';

type Properties = Record<string, PlainValue>;

/** Longest free text searched: a search phrase, not a document (and a bounded Lucene query). */
export const MAX_TEXT_LENGTH = 200;

/** A list request as a repository receives it from a resolver. */
export interface ListQuery<SortField extends string> {
  /** Filter values by argument; null/undefined ones are not filters. `text` is free text. */
  filters: Readonly<Record<string, unknown>>;
  sort?: { field: SortField; direction: SortDirection };
  window: PageWindow;
  withTotal: boolean;
}

/** Runs one page of a list in the requested order (`defaultSort`, ascending, when none is asked for). */
export async function runList<SortField extends string, T>(
  executor: Executor,
  spec: ListSpec<SortField>,
  defaultSort: SortField,
  query: ListQuery<SortField>,
  map: (node: Properties) => T,
): Promise<Page<T>> {
  const sort = query.sort?.field ?? defaultSort;
  const direction = query.sort?.direction ?? SortDirection.ASC;
  const order = `${sort}:${direction}`;
  const after = query.window.after === undefined ? undefined : decodeCursor(query.window.after, order);
  const filters: Record<string, unknown> = { ...query.filters };
  if (typeof filters.text === 'string') {
    if (filters.text.length > MAX_TEXT_LENGTH) {
      throw new BadUserInputError(`Filter "text" is ${filters.text.length} characters long; at most ${MAX_TEXT_LENGTH} are searched`, 'filter.text');
    }
    const lucene = luceneQuery(filters.text);
    // Text with no letter or digit in it can match nothing.
    if (lucene === null) return { items: [], hasNextPage: false, hasPreviousPage: after !== undefined, totalCount: 0 };
    filters.text = lucene;
  }
  const { cypher, parameters } = buildListStatement(spec, {
    filters,
    sort,
    direction,
    after,
    // One row more than the page tells whether another page follows.
    limit: query.window.limit + 1,
    withTotal: query.withTotal,
  });
  const [row] = await executor.read(cypher, { ...parameters, limit: int(query.window.limit + 1) });
  const unknown = (row?.unknownReferences ?? []) as string[];
  if (unknown.length > 0) {
    const argument = unknown[0];
    throw new BadUserInputError(
      `Filter "${argument}" refers to "${echo(String(query.filters[argument]))}", which does not exist`,
      `filter.${argument}`,
    );
  }
  const rows = (row?.items ?? []) as Properties[];
  const page = rows.slice(0, query.window.limit);
  return {
    items: page.map((properties) => ({ cursor: encodeCursor({ order, key: String(properties._key) }), node: map(properties) })),
    hasNextPage: rows.length > query.window.limit,
    hasPreviousPage: after !== undefined,
    totalCount: query.withTotal ? Number(row?.totalCount ?? 0) : undefined,
  };
}

/** Normalises a free-text filter: trimmed, null when blank. */
export function textFilter(text: string | undefined | null): string | null {
  const trimmed = text?.trim();
  return trimmed ? trimmed : null;
}
