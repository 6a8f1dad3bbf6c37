/**
 * Responsible for building the oversized queries the limit tests send: nested, aliased and
 * repeated selections of a known depth, alias count or size, using fields the schema has.
 */

/** A selection `depth` levels deep: the `prefix` fields, then `repeat` over and over, then `__typename`. */
export function nestedSelection(depth: number, prefix: string[], repeat: string[]): string {
  const fields = [...prefix];
  for (let i = 0; fields.length < depth - 1; i += 1) fields.push(repeat[i % repeat.length]);
  return `${fields.join(' { ')} { __typename${' }'.repeat(fields.length)}`;
}

/** projects → nodes → partners → project → partners …, `depth` levels deep (a selection, no braces around it). */
export function deepProjects(depth: number): string {
  return nestedSelection(depth, ['projects(first: 1)', 'nodes'], ['partners', 'project']);
}

/** `count` aliased root fields, `p0: programmes(first: 1) { totalCount } …` (a selection). */
export function aliasedProgrammes(count: number): string {
  return Array.from({ length: count }, (_, i) => `p${i}: programmes(first: 1) { totalCount }`).join(' ');
}

/** A query of at least `bytes` characters: one selection repeated. */
export function repeatedSelections(bytes: number): string {
  const selection = 'projects { nodes { id } } ';
  return `{ ${selection.repeat(Math.ceil(bytes / selection.length))}}`;
}
