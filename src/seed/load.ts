/**
 * Responsible for turning validated seed cells into the values Neo4j stores (dates as
 * Neo4j dates, numbers as floats) and for the counts a load reports.
 */
import neo4j from 'neo4j-driver';
import type { Label, RelType } from '../neo4j/graph-schema';
import type { CellValue, SeedFileSpec } from './seed-files';

/** Nodes written per label and relationships written per type. */
export interface SeedCounts {
  nodes: Partial<Record<Label, number>>;
  relationships: Partial<Record<RelType, number>>;
}

/** Converts parsed cells to driver values: dates become Neo4j `Date`s, numbers go as floats. */
export function toDriverProperties(properties: Record<string, CellValue>, spec: SeedFileSpec): Record<string, unknown> {
  const converted: Record<string, unknown> = {};
  for (const column of spec.columns) {
    const value = properties[column.property];
    if (value === undefined || column.name === 'from' || column.name === 'to') continue;
    converted[column.property] = column.type === 'date' ? toNeo4jDate(String(value)) : value;
  }
  return converted;
}

function toNeo4jDate(value: string): InstanceType<typeof neo4j.types.Date> {
  const [year, month, day] = value.split('-').map(Number);
  return new neo4j.types.Date(year, month, day);
}
