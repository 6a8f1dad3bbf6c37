/**
 * Responsible for collecting seed rows in memory and writing them as the seed format's CSV
 * files. The derivation script and the keep.eu adapter both build their output here, so
 * both write exactly what `validateSeed` reads.
 */
import type { Label, RelType } from '../neo4j/graph-schema';
import { NODE_FILES, RELATIONSHIP_FILES, type SeedFileSpec } from './seed-files';

/** One seed row by column name; absent columns are written as empty cells. */
export type SeedRow = Record<string, string>;

export class SeedTables {
  readonly nodes = new Map<Label, Map<string, SeedRow>>();
  readonly relationships = new Map<RelType, Map<string, SeedRow>>();

  addNode(label: Label, row: SeedRow): void {
    const rows = this.nodes.get(label) ?? new Map<string, SeedRow>();
    this.nodes.set(label, rows);
    if (rows.has(row.id)) throw new Error(`Derived two ${label} nodes with id "${row.id}"`);
    rows.set(row.id, row);
  }

  removeNode(label: Label, id: string): void {
    this.nodes.get(label)?.delete(id);
  }

  node(label: Label, id: string): SeedRow | undefined {
    return this.nodes.get(label)?.get(id);
  }

  addRelationship(type: RelType, row: SeedRow): void {
    const rows = this.relationships.get(type) ?? new Map<string, SeedRow>();
    this.relationships.set(type, rows);
    const key = relationshipKey(row.from, row.to);
    if (rows.has(key)) throw new Error(`Derived two ${type} rows from "${row.from}" to "${row.to}"`);
    rows.set(key, row);
  }

  removeRelationship(type: RelType, from: string, to: string): void {
    this.relationships.get(type)?.delete(relationshipKey(from, to));
  }

  relationship(type: RelType, from: string, to: string): SeedRow | undefined {
    return this.relationships.get(type)?.get(relationshipKey(from, to));
  }

  /** Every declared file as CSV text (path relative to the seed folder), rows sorted by key. */
  toFiles(): Map<string, string> {
    const files = new Map<string, string>();
    for (const spec of NODE_FILES) {
      files.set(spec.file, toCsv(spec, [...(this.nodes.get(spec.label)?.values() ?? [])].sort(byKeys('id'))));
    }
    for (const spec of RELATIONSHIP_FILES) {
      files.set(spec.file, toCsv(spec, [...(this.relationships.get(spec.type)?.values() ?? [])].sort(byKeys('from', 'to'))));
    }
    return files;
  }
}

const relationshipKey = (from: string, to: string) => `${from}\u0000${to}`;

/** One CSV cell, quoted when it holds a comma, a quote or a line break (RFC 4180). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One file's CSV text: the declared header, then one line per row (RFC 4180 quoting, LF). */
export function toCsv(spec: SeedFileSpec, rows: readonly SeedRow[]): string {
  const names = spec.columns.map((column) => column.name);
  const lines = [names.join(',')];
  for (const row of rows) {
    const unknown = Object.keys(row).filter((key) => !names.includes(key));
    if (unknown.length > 0) throw new Error(`${spec.file}: row has unknown column(s) ${unknown.join(', ')}`);
    lines.push(names.map((name) => csvField(row[name] ?? '')).join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** Orders rows by the given columns, compared as strings (stable, locale-free output). */
export const byKeys =
  (...keys: string[]) =>
  (a: SeedRow, b: SeedRow): number => {
    for (const key of keys) {
      if (a[key] !== b[key]) return (a[key] ?? '') < (b[key] ?? '') ? -1 : 1;
    }
    return 0;
  };
