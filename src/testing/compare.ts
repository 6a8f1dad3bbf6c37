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
