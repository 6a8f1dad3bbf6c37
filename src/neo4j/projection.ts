/**
 * Responsible for the property projections statements return: exactly the properties the
 * seed format declares for a label or relationship type (so stored sort keys and any
 * foreign property never travel), read from the one seed-format declaration.
 */
import { NODE_FILES, RELATIONSHIP_FILES } from '../seed/seed-files';
import type { Label, RelType } from './graph-schema';

const ENDPOINTS = new Set(['from', 'to']);

/**
 * One projection entry per declared property. Dates travel as their ISO text
 * (`toString` of a Neo4j date, null stays null): the driver's decoding of a Date value into
 * calendar fields costs dozens of 64-bit Integer operations per value, only for mapping.ts to
 * turn it back into the same text.
 */
function entriesOf(variable: string, columns: ReadonlyArray<{ name: string; property: string; type: string }>): string[] {
  return columns
    .filter((column) => !ENDPOINTS.has(column.name))
    .map((column) => (column.type === 'date' ? `${column.property}: toString(${variable}.${column.property})` : `.${column.property}`));
}

const nodeColumns = new Map(NODE_FILES.map((spec) => [spec.label, spec.columns]));
const relationshipColumns = new Map(RELATIONSHIP_FILES.map((spec) => [spec.type, spec.columns]));

/** A map projection of a node's declared properties, e.g. `n {.id, .name, .source, .sourceUrl}`. */
export function nodeProjection(label: Label, variable: string, extra: Readonly<Record<string, string>> = {}): string {
  const columns = nodeColumns.get(label);
  if (!columns) throw new Error(`No properties declared for label ${label}`);
  const entries = [...entriesOf(variable, columns), ...Object.entries(extra).map(([name, expression]) => `${name}: ${expression}`)];
  return `${variable} {${entries.join(', ')}}`;
}

/** A map projection of a relationship's declared properties. */
export function relationshipProjection(type: RelType, variable: string): string {
  const columns = relationshipColumns.get(type);
  if (!columns) throw new Error(`No properties declared for relationship type ${type}`);
  return `${variable} {${entriesOf(variable, columns).join(', ')}}`;
}
