/**
 * Responsible for the batched statement behind every relationship field: one `UNWIND $ids`
 * statement per batch of owners, the targets of each owner ordered on a stored sort key,
 * cut to a page (keyset cursor, LIMIT) in the database, counted only when asked, and
 * returned with the declared properties of the target and the relationship (the owner is
 * already in hand), so nothing is fetched again.
 */
import type { Executor, Row } from './executor';
import type { Label, RelType } from './graph-schema';
import { nodeProjection, relationshipProjection } from './projection';

/** How a relationship field walks the graph from its owner `(s)` to its targets `(n)`. */
export interface RelatedPath {
  ownerLabel: Label;
  targetLabel: Label;
  /** Cypher from `(s)` to `(n)`; `r` names the relationship when `relType` is set. */
  pattern: string;
  /** The type bound to `r`, whose declared properties travel with each target. */
  relType?: RelType;
  /** True when the pattern can reach one target more than once (then no `r`). */
  distinct: boolean;
  /**
   * A pattern counted by the owner's degree (`(s)-[:TYPE]->()`), when every relationship of
   * that type and direction from the owner's label ends at the target label: Neo4j then reads
   * the count from the owner's relationship groups instead of visiting each target's labels.
   */
  degreePattern?: string;
  /** Stored unique sort key on the target (`id` or one of derived.ts). */
  orderBy: string;
  direction: 'ASC' | 'DESC';
}

/** One batch's shared window: every owner in the batch gets the same page of its targets. */
export interface RelatedWindow {
  after?: string;
  limit: number;
  withTotal: boolean;
  /**
   * Only an aggregate, no items: `count` of the distinct targets, or the `sum` of a numeric
   * property over them (a target without it adds nothing).
   */
  aggregate?: { count: true } | { sum: string };
}

/** One related target as the statement returns it. */
export interface RelatedItem {
  node: Row;
  relationship: Row | null;
  key: string;
}

export interface RelatedGroup {
  items: RelatedItem[];
  totalCount?: number;
  /** The window's `sum` aggregate. */
  sum?: number;
}

const SAFE_PROPERTY = /^[A-Za-z][A-Za-z0-9]*$/;

/** The statement of an aggregate-only window: one subquery per owner, no items. */
function aggregateCypher(path: RelatedPath, aggregate: NonNullable<RelatedWindow['aggregate']>): string {
  const match = `MATCH ${path.pattern.replace('(n)', `(n:${path.targetLabel})`)}`;
  let body: string[];
  if ('sum' in aggregate) {
    if (!SAFE_PROPERTY.test(aggregate.sum)) throw new Error(`relatedCypher: "${aggregate.sum}" is not a property name`);
    // Distinct targets first: a project reached twice (two sub-regions) is summed once.
    // The summed properties are euro amounts: rounded to the cent, so float addition shows no 43759831.38999998.
    body = [match, 'WITH DISTINCT n', `RETURN round(sum(n.${aggregate.sum}), 2) AS sum`];
  } else {
    body = path.degreePattern ? [`RETURN COUNT { ${path.degreePattern} } AS totalCount`] : [match, `RETURN count(${path.distinct ? 'DISTINCT ' : ''}n) AS totalCount`];
  }
  const column = 'sum' in aggregate ? 'sum' : 'totalCount';
  return ['UNWIND $ids AS id', `MATCH (s:${path.ownerLabel} {id: id})`, 'CALL (s) {', ...body.map((line) => `  ${line}`), '}', `RETURN id, [] AS items, ${column}`].join('\n');
}

/** Builds the batched statement for one path and window shape, from constants only. */
export function relatedCypher(path: RelatedPath, window: Omit<RelatedWindow, 'limit'>): string {
  if (window.aggregate) return aggregateCypher(path, window.aggregate);
  const key = `n.${path.orderBy}`;
  const match = `MATCH ${path.pattern.replace('(n)', `(n:${path.targetLabel})`)}`;
  const keyset = window.after === undefined ? [] : [`WHERE ${key} ${path.direction === 'ASC' ? '>' : '<'} $after`];
  const relationship = path.relType ? relationshipProjection(path.relType, 'r') : 'null';
  const carried = path.distinct ? ['WITH DISTINCT n'] : [`WITH n${path.relType ? ', r' : ''}`];
  return [
    'UNWIND $ids AS id',
    `MATCH (s:${path.ownerLabel} {id: id})`,
    'CALL (s) {',
    `  ${match}`,
    ...[...carried, ...keyset].map((line) => `  ${line}`),
    `  WITH n${path.relType ? ', r' : ''} ORDER BY ${key} ${path.direction} LIMIT $limit`,
    `  RETURN collect({node: ${nodeProjection(path.targetLabel, 'n')}, relationship: ${relationship}, key: ${key}}) AS items`,
    '}',
    ...(window.withTotal
      ? path.degreePattern
        ? ['CALL (s) {', `  RETURN COUNT { ${path.degreePattern} } AS totalCount`, '}']
        : ['CALL (s) {', `  ${match}`, `  RETURN count(${path.distinct ? 'DISTINCT ' : ''}n) AS totalCount`, '}']
      : []),
    `RETURN id, items${window.withTotal ? ', totalCount' : ''}`,
  ].join('\n');
}

/** Runs a batched statement and returns exactly one group per id, in the order of `ids` (null when the owner is gone). */
export async function loadRelated(
  executor: Executor,
  path: RelatedPath,
  window: RelatedWindow,
  ids: readonly string[],
  limitParameter: unknown,
): Promise<Array<RelatedGroup | null>> {
  const rows = await executor.read(relatedCypher(path, window), {
    ids: [...new Set(ids)],
    limit: limitParameter,
    ...(window.after === undefined ? {} : { after: window.after }),
  });
  const byId = new Map(
    rows.map((row) => [
      String(row.id),
      {
        items: row.items as unknown as RelatedItem[],
        totalCount: row.totalCount === undefined ? undefined : Number(row.totalCount),
        sum: row.sum === undefined ? undefined : Number(row.sum),
      },
    ]),
  );
  return ids.map((id) => byId.get(id) ?? null);
}

/** Builds the batched statement that fetches nodes of one label by id. */
export function nodesByIdCypher(label: Label): string {
  return ['UNWIND $ids AS id', `MATCH (node:${label} {id: id})`, `RETURN id, ${nodeProjection(label, 'node')} AS node`].join('\n');
}
