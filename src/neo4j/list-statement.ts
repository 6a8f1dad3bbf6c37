/**
 * Responsible for the one statement shape behind every paginated list: filter, sort,
 * count and slice in a single round trip, plus a check that every id used as a filter
 * exists, so an analyst who mistypes an id gets an error rather than an empty page.
 */
import type { Label } from './graph-schema';

/** A filter argument that refers to a node of another label by id. */
export interface ReferenceFilter {
  /** The GraphQL argument name, e.g. `programmeId`; also the Cypher parameter name. */
  argument: string;
  label: Label;
}

export interface ListStatementSpec<Key extends string> {
  label: Label;
  /** Boolean Cypher predicates over `n`, each guarded so a null parameter disables it. */
  predicates: readonly string[];
  references: readonly ReferenceFilter[];
  /** Fixed ORDER BY fragments keyed by sort key, over `n`; ties always break on `n.id`. */
  orderings: Readonly<Record<Key, string>>;
}

/**
 * Builds one statement per sort key and direction. Parameters: the filters, `$offset`
 * and `$limit`. Returns `unknownReferences`, `totalCount` and `items` (node properties).
 */
export function buildListStatements<Key extends string>(
  spec: ListStatementSpec<Key>,
): Record<Key, { ASC: string; DESC: string }> {
  const referenceChecks = spec.references.map(
    (ref) => `CASE WHEN $${ref.argument} IS NULL OR EXISTS { MATCH (:${ref.label} {id: $${ref.argument}}) } THEN null ELSE '${ref.argument}' END`,
  );
  const where = spec.predicates.length > 0 ? `WHERE ${spec.predicates.map((p) => `(${p})`).join('\n  AND ')}` : '';
  const statement = (orderBy: string) =>
    [
      `WITH [ref IN [${referenceChecks.join(', ')}] WHERE ref IS NOT NULL] AS unknownReferences`,
      'CALL (unknownReferences) {',
      `  MATCH (n:${spec.label})`,
      `  ${where}`,
      `  WITH n ORDER BY ${orderBy}`,
      '  RETURN collect(properties(n)) AS matching',
      '}',
      'RETURN unknownReferences, size(matching) AS totalCount, matching[$offset..($offset + $limit)] AS items',
    ].join('\n');
  // fromEntries loses the key type; every key of `orderings` is mapped, so the cast holds.
  return Object.fromEntries(
    Object.entries<string>(spec.orderings).map(([key, fragment]) => [
      key,
      { ASC: statement(`${fragment} ASC, n.id ASC`), DESC: statement(`${fragment} DESC, n.id DESC`) },
    ]),
  ) as Record<Key, { ASC: string; DESC: string }>;
}
