/**
 * Responsible for the property projections statements return: exactly the properties the
 * seed format declares for a label or relationship type (so stored sort keys and any
 * foreign property never travel), read from the one seed-format declaration.
 */
import { NODE_FILES, RELATIONSHIP_FILES } from '../seed/seed-files';
import type { Label, RelType } from './graph-schema';

const ENDPOINTS = new Set(['from', 'to']);

function propertiesOf(columns: ReadonlyArray<{ name: string; property: string }>): string[] {
  return columns.filter((column) => !ENDPOINTS.has(column.name)).map((column) => column.property);
}

const nodeProperties = new Map<Label, string[]>(NODE_FILES.map((spec) => [spec.label, propertiesOf(spec.columns)]));
const relationshipProperties = new Map<RelType, string[]>(
  RELATIONSHIP_FILES.map((spec) => [spec.type, propertiesOf(spec.columns)]),
);

/** A map projection of a node's declared properties, e.g. `n {.id, .name, .source, .sourceUrl}`. */
export function nodeProjection(label: Label, variable: string, extra: Readonly<Record<string, string>> = {}): string {
  const properties = nodeProperties.get(label);
  if (!properties) throw new Error(`No properties declared for label ${label}`);
  const entries = [
    ...properties.map((property) => `.${property}`),
    ...Object.entries(extra).map(([name, expression]) => `${name}: ${expression}`),
  ];
  return `${variable} {${entries.join(', ')}}`;
}

/** A map projection of a relationship's declared properties. */
export function relationshipProjection(type: RelType, variable: string): string {
  const properties = relationshipProperties.get(type);
  if (!properties) throw new Error(`No properties declared for relationship type ${type}`);
  return `${variable} {${properties.map((property) => `.${property}`).join(', ')}}`;
}
