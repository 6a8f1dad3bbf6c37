/**
 * Responsible for the statement behind every paginated list. It is built from the filters
 * actually given (no `$x IS NULL OR` guards, which hide every index from the planner),
 * starts from the most selective anchor (a node found by id, or a full-text search),
 * orders on a stored unique sort key, applies the keyset cursor and LIMIT in the database,
 * and counts only when the client asked for `totalCount`. The statement shapes are few:
 * one per combination of given filters and sort, so Neo4j's plan cache stays small.
 */
import type { Label } from './graph-schema';
import { textIndexName } from './derived';
import { nodeProjection } from './projection';

/** A filter naming a node of another label by id, from which the list can be reached. */
export interface AnchorFilter {
  /** The filter field, also the Cypher parameter; e.g. `programmeId`. */
  argument: string;
  label: Label;
  /**
   * A pattern from `(anchor)` to `(n)`, e.g. `(anchor)<-[:FUNDED_BY]-(n)`: the list can start
   * from the anchor. Without one, the anchor is only looked up (for the unknown-id check)
   * and `predicate` filters.
   */
  pattern?: string;
  /** True when the pattern can reach the same `n` more than once (trees, two hops). */
  distinct?: boolean;
  /** A predicate over `n` and `anchor_<argument>`; default: the pattern exists. */
  predicate?: string;
  /**
   * A subquery over `(anchor)` returning `estimate`, about how many nodes the pattern
   * reaches, from degrees only (cheap). When the anchor reaches a large share of the label,
   * reading the sort key's index in order and keeping the anchor's nodes stops after about
   * page / share rows, far fewer than expanding and sorting them all.
   */
  estimate?: string;
  /**
   * For a tree anchor: the scan's membership test over `n` and `members` (a list the
   * estimate subquery also returns), so each candidate is checked against the collected
   * sub-regions instead of walking the tree again.
   */
  member?: string;
}

// Scan in key order when estimate² > page × label size × SCAN_COST: a scanned candidate costs
// about this many times an expanded one (its membership check walks a few relationships).
const SCAN_COST = 4;

export interface ListSpec<SortField extends string> {
  label: Label;
  /** Anchor filters, the most selective first: the first one given becomes the start. */
  anchors: readonly AnchorFilter[];
  /**
   * Other filters: argument → predicate over `n`, `$argument` and the `anchor_<argument>`
   * variables; a function gets to see which filters are given (for a predicate that
   * must hold together with them, such as a role within a programme).
   */
  predicates: Readonly<Record<string, string | ((given: (argument: string) => boolean) => string)>>;
  /** Sort field → the stored property holding its unique key (`id`, or one of derived.ts). */
  sorts: Readonly<Record<SortField, string>>;
}

export interface ListRequest<SortField extends string> {
  /** Given filters only (absent means not filtered); `text` is a Lucene query built by `luceneQuery`. */
  filters: Readonly<Record<string, unknown>>;
  sort: SortField;
  direction: 'ASC' | 'DESC';
  /** Sort key of the last row of the previous page. */
  after?: string;
  /** Rows to return (the caller asks for one more than the page to learn hasNextPage). */
  limit: number;
  withTotal: boolean;
}

export interface BuiltStatement {
  cypher: string;
  parameters: Record<string, unknown>;
}

/** Node variable of an anchor: a parameter name is a valid identifier, so this is too. */
const anchorVariable = (anchor: AnchorFilter) => `anchor_${anchor.argument}`;

/**
 * Builds the list statement. It returns one row: `unknownReferences` (anchor arguments
 * whose id matched no node), `items` (projected nodes with `_key`, their sort key) and,
 * when asked, `totalCount`.
 */
export function buildListStatement<SortField extends string>(
  spec: ListSpec<SortField>,
  request: ListRequest<SortField>,
): BuiltStatement {
  const given = (argument: string) => request.filters[argument] !== undefined && request.filters[argument] !== null;
  const anchors = spec.anchors.filter((anchor) => given(anchor.argument));
  const predicates = Object.entries(spec.predicates)
    .filter(([argument]) => given(argument))
    .map(([, predicate]) => (typeof predicate === 'function' ? predicate(given) : predicate));
  const text = given('text');
  const parameters: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(request.filters)) if (value !== undefined && value !== null) parameters[name] = value;

  const lookups = anchors.map((anchor) => `OPTIONAL MATCH (${anchorVariable(anchor)}:${anchor.label} {id: $${anchor.argument}})`);
  const scope = anchors.map(anchorVariable).join(', ');
  const nodePattern = `(n:${spec.label})`;
  const withAnchor = (pattern: string, anchor: AnchorFilter) => pattern.replace('(anchor)', `(${anchorVariable(anchor)})`);
  const anchorPredicate = (anchor: AnchorFilter) =>
    anchor.predicate ?? `EXISTS { MATCH ${withAnchor(anchor.pattern ?? '', anchor)} }`;
  const start = anchors.find((anchor) => anchor.pattern !== undefined);

  // The start: a full-text search, else the first anchor, else every node (in index order).
  let source: string;
  let existence: AnchorFilter[];
  let distinct = false;
  if (text) {
    parameters.textIndex = textIndexName(spec.label);
    source = 'CALL db.index.fulltext.queryNodes($textIndex, $text) YIELD node AS n';
    existence = anchors;
  } else if (start?.pattern) {
    source = `MATCH ${withAnchor(start.pattern, start).replace('(n)', nodePattern)}`;
    distinct = start.distinct === true;
    existence = anchors.filter((anchor) => anchor !== start);
  } else {
    source = `MATCH ${nodePattern}`;
    existence = anchors;
  }
  const conditions = [
    ...(text ? [`n:${spec.label}`] : []),
    ...existence.map(anchorPredicate),
    ...predicates,
  ];
  const filtered = [source, ...(conditions.length > 0 ? [`WHERE ${conditions.join('\n  AND ')}`] : [])];
  const deduplicated = distinct ? [...filtered, 'WITH DISTINCT n'] : filtered;

  const key = `n.${spec.sorts[request.sort]}`;
  const comparison = request.direction === 'ASC' ? '>' : '<';
  let keyset: string;
  if (request.after !== undefined) {
    parameters.after = request.after;
    keyset = `${key} ${comparison} $after`;
  } else {
    // A predicate on the key lets the planner read the key's index in order.
    keyset = `${key} IS NOT NULL`;
  }
  parameters.limit = request.limit;

  const ordered = `WITH n ORDER BY ${key} ${request.direction} LIMIT $limit`;
  const expanded = [...deduplicated, `${distinct ? 'WITH n WHERE' : conditions.length > 0 ? '  AND' : 'WHERE'} ${keyset}`, ordered];
  const collected = `RETURN collect(${nodeProjection(spec.label, 'n', { _key: key })}) AS items`;
  const indent = (lines: string[]) => lines.flatMap((line) => line.split('\n')).map((line) => `  ${line}`).join('\n');
  let page: string[];
  if (!text && start?.estimate) {
    // Both plans in one statement; the decision is made before either branch reads a node
    // (a filter on an argument only), so exactly one branch does any work.
    // A tree anchor's estimate also collects its sub-regions for the scan's membership test.
    const members = start.member ? ['members'] : [];
    const decision = `WITH estimate * estimate > $limit * COUNT { (:${spec.label}) } * ${SCAN_COST} AS large`;
    const scanned = [
      `MATCH ${nodePattern}`,
      `WHERE ${[keyset, start.member ?? anchorPredicate(start), ...conditions].join('\n  AND ')}`,
      ordered,
    ];
    page = [
      `CALL (${scope}) {`,
      indent([withAnchor(start.estimate, start)]),
      '}',
      `CALL (${[scope, 'estimate', ...members].join(', ')}) {`,
      indent([
        decision,
        'WITH * WHERE large',
        // A subquery of its own, so the planner cannot move `large` below the index scan.
        `CALL (${[scope, ...members].join(', ')}) {`,
        indent([...scanned, 'RETURN n']),
        '}',
        'RETURN n',
        'UNION',
        decision,
        'WITH * WHERE NOT large',
        `CALL (${scope}) {`,
        indent([...expanded, 'RETURN n']),
        '}',
        'RETURN n',
      ]),
      '}',
      ordered,
      collected,
    ];
  } else if (text && request.withTotal) {
    // The search runs once: its hits are collected, counted, and the page is cut from them
    // (a second call of queryNodes for the count cost as much as the page again).
    page = [
      ...deduplicated,
      'WITH collect(n) AS hits',
      'CALL (hits) {',
      indent(['UNWIND hits AS n', `WITH n WHERE ${keyset}`, ordered, collected]),
      '}',
      'RETURN items, size(hits) AS totalCount',
    ];
  } else {
    page = [...expanded, collected];
  }
  const countedInPage = text && request.withTotal;
  const count = [...deduplicated, 'RETURN count(n) AS totalCount'];
  const unknown = anchors.map((anchor) => `CASE WHEN ${anchorVariable(anchor)} IS NULL THEN '${anchor.argument}' END`);

  const cypher = [
    ...lookups,
    `CALL (${scope}) {`,
    indent(page),
    '}',
    ...(request.withTotal && !countedInPage ? [`CALL (${scope}) {`, indent(count), '}'] : []),
    `RETURN [missing IN [${unknown.join(', ')}] WHERE missing IS NOT NULL] AS unknownReferences, items${
      request.withTotal ? ', totalCount' : ''
    }`,
  ].join('\n');
  return { cypher, parameters };
}

/**
 * Turns free text into a full-text (Lucene) query that every word must match as a word
 * prefix. Only letters, marks and digits survive, lower-cased, so quotes, brackets, `*`, `~` and
 * operators such as `AND` are searched as plain words, never parsed. Null when no word is left.
 */
export function luceneQuery(text: string): string | null {
  const words = text.toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
  return words.length > 0 ? words.map((word) => `+${word}*`).join(' ') : null;
}
