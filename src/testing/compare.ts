/**
 * Responsible for the small comparisons integration tests share: ids in a fixed order
 * that does not depend on locale (JavaScript's code-unit order, as Neo4j sorts strings).
 */

/** Orders strings by UTF-16 code units. */
export const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Distinct values, in code-unit order. */
export const sorted = (values: Iterable<string>) => [...new Set(values)].sort(byCodeUnits);

/** The ids of a list of nodes, in their order. */
export const ids = (nodes: Array<{ id: string }>) => nodes.map((node) => node.id);

/** Words as a text search sees them, computed independently of the code: runs of letters, marks and digits, lower-cased. */
export function searchWords(value: string): string[] {
  return value.toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}

/** Full-text semantics: every word of `text` starts a word of one of `fields`. */
export function matchesText(text: string, fields: readonly string[]): boolean {
  const indexed = fields.flatMap(searchWords);
  return searchWords(text).every((word) => indexed.some((candidate) => candidate.startsWith(word)));
}
