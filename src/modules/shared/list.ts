/**
 * Responsible for running a list statement built by `buildListStatements` and turning
 * its single result row into a Page, or into an error naming the unknown filter id.
 */
import { int } from 'neo4j-driver';
import { BadUserInputError } from '../../errors';
import type { Executor, Parameters } from '../../neo4j/executor';
import type { PlainValue } from '../../neo4j/mapping';
import { SortDirection, type Page, type PageWindow } from './pagination';

type Properties = Record<string, PlainValue>;

/**
 * Runs one page of a list in the requested order (`defaultField`, ascending, when none is
 * asked for); `filters` must name every parameter the statements use.
 */
export async function runListStatement<Field extends string, T>(
  executor: Executor,
  statements: Readonly<Record<Field, { ASC: string; DESC: string }>>,
  sort: { field: Field; direction: SortDirection } | undefined,
  defaultField: Field,
  filters: Parameters,
  window: PageWindow,
  map: (node: Properties) => T,
): Promise<Page<T>> {
  const statement = statements[sort?.field ?? defaultField][sort?.direction ?? SortDirection.ASC];
  const [row] = await executor.read(statement, {
    ...filters,
    // Cypher wants integers for list slices; plain JS numbers travel as floats.
    offset: int(window.offset),
    limit: int(window.limit),
  });
  const unknown = (row?.unknownReferences ?? []) as string[];
  if (unknown.length > 0) {
    const argument = unknown[0];
    throw new BadUserInputError(
      `Filter "${argument}" refers to "${String(filters[argument])}", which does not exist`,
      `filter.${argument}`,
    );
  }
  return {
    totalCount: Number(row?.totalCount ?? 0),
    items: ((row?.items ?? []) as Properties[]).map(map),
  };
}

/** Normalises a free-text filter: trimmed, lower-cased, null when blank. */
export function textFilter(text: string | undefined | null): string | null {
  const trimmed = text?.trim().toLowerCase();
  return trimmed ? trimmed : null;
}
