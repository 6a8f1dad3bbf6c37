/**
 * Responsible for turning Bolt values (Integer, temporal types, Node, Relationship)
 * into plain domain values, so driver types stop at the repository layer.
 */
import { isDate, isDateTime, isInt, isLocalDateTime, isNode, isRelationship } from 'neo4j-driver';

/** A plain JSON-like value as repositories hand it to the rest of the code. */
export type PlainValue = null | string | number | boolean | PlainValue[] | { [key: string]: PlainValue };

/** Recursively converts a value returned by the driver into a plain value. */
export function toPlain(value: unknown): PlainValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  if (isInt(value as object)) return (value as { toNumber(): number }).toNumber();
  // Dates are calendar days in this graph: an ISO `YYYY-MM-DD` string, never a JS Date
  // that would drag a time zone in.
  if (isDate(value as object)) return (value as { toString(): string }).toString();
  if (isDateTime(value as object) || isLocalDateTime(value as object)) {
    return (value as { toString(): string }).toString();
  }
  if (isNode(value as object)) return toPlain((value as { properties: object }).properties);
  if (isRelationship(value as object)) return toPlain((value as { properties: object }).properties);
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as object).map(([key, inner]) => [key, toPlain(inner)]));
  }
  throw new TypeError(`Unsupported Neo4j value of type ${typeof value}`);
}
