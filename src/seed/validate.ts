/**
 * Responsible for reading and checking every seed file before anything is written:
 * cell types, required cells, headers, provenance, unique ids per label and
 * relationship endpoints. All problems are collected, each naming file, line and field.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Label, RelType } from '../neo4j/graph-schema';
import {
  type CellValue,
  type ColumnSpec,
  type NodeFileSpec,
  type RelationshipFileSpec,
  type SeedFileSpec,
  type SourceUrlPolicy,
  DATASET_FILE,
  SEED_FILES,
} from './seed-files';

/**
 * One problem in the input. `line` is 1-based and counts the header as line 1; `row` is a
 * spreadsheet's row number (sheets of an xlsx, keep.eu tables), where a line would mislead.
 */
export interface SeedError {
  file: string;
  line?: number;
  row?: number;
  field?: string;
  message: string;
}

/** A node row after validation; `properties` holds every present cell by property name, `id` included. */
export interface NodeRecord {
  id: string;
  line: number;
  properties: Record<string, CellValue>;
}

/** A relationship row after validation, with the labels its endpoints were found under. */
export interface RelationshipRecord {
  from: string;
  to: string;
  fromLabel: Label;
  toLabel: Label;
  line: number;
  properties: Record<string, CellValue>;
}

export interface SeedData {
  nodes: Map<Label, NodeRecord[]>;
  relationships: Map<RelType, RelationshipRecord[]>;
}

export interface FileSummary {
  file: string;
  rows: number;
}

export interface SeedValidation {
  data: SeedData;
  files: FileSummary[];
  errors: SeedError[];
  /** Declared files the input does not have (relative paths): optional, read as empty. */
  missing: string[];
}

/** Formats an error as `seed/nodes/projects.csv line 14, field start_date: "2018-13-01" is not a date (YYYY-MM-DD)`. */
export function formatSeedError(error: SeedError): string {
  const where = [
    error.line === undefined ? '' : ` line ${error.line}`,
    error.row === undefined ? '' : ` row ${error.row}`,
    error.field === undefined ? '' : `, ${error.row === undefined ? 'field' : 'column'} ${error.field}`,
  ];
  return `${error.file}${where.join('')}: ${error.message}`;
}

/** Thrown by the loader when the seed files do not validate; carries every error. */
export class SeedValidationError extends Error {
  constructor(readonly errors: readonly SeedError[]) {
    super(`The seed files have ${errors.length} error(s):\n${errors.map((e) => `  ${formatSeedError(e)}`).join('\n')}`);
    this.name = 'SeedValidationError';
  }
}

/** Reads a file's text, or undefined when it does not exist. */
export type SeedFileReader = (relativePath: string) => string | undefined;

/** Reads the seed files of a folder on disk; a file that is not there reads as undefined. */
export function folderReader(seedDir: string): SeedFileReader {
  return (relativePath) => {
    try {
      return readFileSync(path.join(seedDir, relativePath), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  };
}

/** Validates the seed directory on disk; errors name files as `<displayDir>/<file>` (default: `seedDir`). */
export function validateSeedDir(seedDir: string, displayDir = seedDir, options: ValidateOptions = {}): SeedValidation {
  return validateSeed(folderReader(seedDir), displayDir, options);
}

interface RawRow {
  line: number;
  cells: Record<string, string>;
}

export interface ValidateOptions {
  /** Datasets the target graph already holds (id → how its rows cite pages): rows may name them. */
  existingDatasets?: ReadonlyMap<string, SourceUrlPolicy>;
  /** Node ids the target graph already holds, per label: relationship rows may end at them. */
  existingIds?: ReadonlyMap<Label, ReadonlySet<string>>;
}

/** Validates seed files supplied by `read`; `displayDir` prefixes file names in errors. */
export function validateSeed(read: SeedFileReader, displayDir = 'seed', options: ValidateOptions = {}): SeedValidation {
  const errors: SeedError[] = [];
  const files: FileSummary[] = [];
  const nodes = new Map<Label, NodeRecord[]>();
  const pendingRelationships: Array<{ spec: RelationshipFileSpec; display: string; rows: TypedRow[] }> = [];
  // Per label: id → line it was first seen on, for duplicate and endpoint checks.
  const idsByLabel = new Map<Label, Map<string, number>>();
  // Datasets rows may name: those the graph has, then those of the datasets file.
  const datasets = new Map<string, SourceUrlPolicy>(options.existingDatasets ?? []);
  const missing: string[] = [];

  for (const spec of SEED_FILES) {
    const display = path.posix.join(displayDir.split(path.sep).join('/'), spec.file);
    const text = read(spec.file);
    if (text === undefined) {
      // A folder filled from a spreadsheet may hold only the files it needs.
      missing.push(spec.file);
      files.push({ file: display, rows: 0 });
      continue;
    }
    const rawRows = parseCsv(text, spec, display, errors);
    files.push({ file: display, rows: rawRows.length });
    const typed = rawRows.map((row) => typeRow(row, spec, display, errors, datasets));
    if (spec === DATASET_FILE) {
      for (const row of typed) {
        const id = row.values.get('id');
        const policy = row.values.get('source_urls');
        if (typeof id === 'string' && typeof policy === 'string') datasets.set(id, policy as SourceUrlPolicy);
      }
    }
    if (spec.kind === 'node') {
      nodes.set(spec.label, collectNodes(typed, spec, display, idsByLabel, errors));
    } else {
      pendingRelationships.push({ spec, display, rows: typed });
    }
  }

  const relationships = new Map<RelType, RelationshipRecord[]>();
  for (const { spec, display, rows } of pendingRelationships) {
    relationships.set(spec.type, resolveRelationships(rows, spec, display, idsByLabel, errors, options.existingIds));
  }
  if (missing.length === SEED_FILES.length) {
    errors.push({ file: displayDir, message: `holds none of the seed files (expected ${SEED_FILES.map((spec) => spec.file).join(', ')})` });
  }
  return { data: { nodes, relationships }, files, errors, missing };
}

function parseCsv(text: string, spec: SeedFileSpec, display: string, errors: SeedError[]): RawRow[] {
  let records: string[][];
  try {
    // Arrays without per-record info: several times faster than `columns` + `info` on 500k
    // rows. Blank lines are kept (as one empty field) so the line count below stays exact.
    records = parse(text, { bom: true, relax_column_count: true });
  } catch (error) {
    const { message, lines } = error as { message: string; lines?: number };
    errors.push({ file: display, line: lines, message: `is not valid CSV: ${message}` });
    return [];
  }
  const rows: RawRow[] = [];
  let header: string[] | undefined;
  let nextLine = 1;
  for (const record of records) {
    const line = nextLine;
    // A record starts on the line after the previous one ended; quoted line breaks lengthen it.
    nextLine += 1 + record.reduce((sum, value) => sum + countBreaks(value), 0);
    if (record.length === 1 && record[0] === '') continue;
    if (!header) {
      header = record;
      checkHeader(header, spec, display, errors);
      continue;
    }
    if (record.length !== header.length) {
      errors.push({ file: display, line, message: `does not have ${header.length} fields like the header` });
    }
    const cells: Record<string, string> = {};
    for (let index = 0; index < header.length && index < record.length; index++) cells[header[index]] = record[index];
    rows.push({ line, cells });
  }
  if (!header) {
    errors.push({ file: display, line: 1, message: 'has no header row' });
    return [];
  }
  return rows;
}

function countBreaks(value: string): number {
  let breaks = 0;
  for (let index = value.indexOf('\n'); index !== -1; index = value.indexOf('\n', index + 1)) breaks++;
  return breaks;
}

function checkHeader(header: string[], spec: SeedFileSpec, display: string, errors: SeedError[]): void {
  const expected = spec.columns.map((column) => column.name);
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) errors.push({ file: display, line: 1, field: name, message: 'column appears twice in the header' });
    seen.add(name);
    if (!expected.includes(name)) {
      errors.push({ file: display, line: 1, field: name, message: `unknown column (expected: ${expected.join(', ')})` });
    }
  }
  for (const name of expected) {
    if (!seen.has(name)) errors.push({ file: display, line: 1, field: name, message: 'missing column' });
  }
}

interface TypedRow {
  line: number;
  /** Present cells by column name, parsed to their type. */
  values: Map<string, CellValue>;
  /** False when any cell failed; such rows still take part in id checks where possible. */
  valid: boolean;
}

function typeRow(row: RawRow, spec: SeedFileSpec, display: string, errors: SeedError[], datasets: ReadonlyMap<string, SourceUrlPolicy>): TypedRow {
  const values = new Map<string, CellValue>();
  let valid = true;
  for (const column of spec.columns) {
    const cell = row.cells[column.name];
    if (cell === undefined) continue; // a missing column is reported once, at the header
    const outcome = parseCell(cell, column);
    if (outcome.error) {
      errors.push({ file: display, line: row.line, field: column.name, message: outcome.error });
      valid = false;
    } else if (outcome.value !== undefined) {
      values.set(column.name, outcome.value);
    }
  }
  if (spec !== DATASET_FILE) valid = checkProvenance(row.line, values, display, errors, datasets) && valid;
  return { line: row.line, values, valid };
}

function parseCell(cell: string, column: ColumnSpec): { value?: CellValue; error?: string } {
  if (cell === '') return column.required ? { error: 'is required but empty' } : {};
  if (cell.trim() !== cell) return { error: `"${cell}" has leading or trailing spaces` };
  const result = column.parse.safeParse(cell);
  if (result.success) return { value: result.data };
  return { error: `"${cell}" ${result.error.issues[0]?.message ?? 'is invalid'}` };
}

function checkProvenance(
  line: number,
  values: Map<string, CellValue>,
  display: string,
  errors: SeedError[],
  datasets: ReadonlyMap<string, SourceUrlPolicy>,
): boolean {
  const source = values.get('source');
  if (typeof source !== 'string') return true; // already reported as a bad or missing cell
  const policy = datasets.get(source);
  if (!policy) {
    const known = [...datasets.keys()].sort();
    errors.push({
      file: display,
      line,
      field: 'source',
      message: `"${source}" is not a dataset of nodes/datasets.csv or of the graph (${known.length > 0 ? `known: ${known.join(', ')}` : 'none is declared'})`,
    });
    return false;
  }
  const hasUrl = values.has('source_url');
  if (policy === 'none' && hasUrl) {
    errors.push({ file: display, line, field: 'source_url', message: `must be empty for dataset "${source}", which has no pages to cite` });
    return false;
  }
  if (policy === 'required' && !hasUrl) {
    errors.push({ file: display, line, field: 'source_url', message: `is required for dataset "${source}" (each of its rows cites its page)` });
    return false;
  }
  return true;
}

function propertiesOf(values: Map<string, CellValue>, spec: SeedFileSpec, skip: ReadonlySet<string>): Record<string, CellValue> {
  const properties: Record<string, CellValue> = {};
  for (const column of spec.columns) {
    const value = values.get(column.name);
    if (value !== undefined && !skip.has(column.name)) properties[column.property] = value;
  }
  return properties;
}

function collectNodes(
  rows: TypedRow[],
  spec: NodeFileSpec,
  display: string,
  idsByLabel: Map<Label, Map<string, number>>,
  errors: SeedError[],
): NodeRecord[] {
  const ids = new Map<string, number>();
  idsByLabel.set(spec.label, ids);
  const records: NodeRecord[] = [];
  for (const row of rows) {
    const id = row.values.get('id');
    if (typeof id !== 'string') continue;
    const firstLine = ids.get(id);
    if (firstLine !== undefined) {
      errors.push({ file: display, line: row.line, field: 'id', message: `duplicate ${spec.label} id "${id}" (first on line ${firstLine})` });
      continue;
    }
    ids.set(id, row.line);
    const expected = spec.idFrom?.((column) => row.values.get(column));
    if (expected !== undefined && expected !== id) {
      errors.push({ file: display, line: row.line, field: 'id', message: `"${id}" should be "${expected}" (this file's ids follow from its other cells)` });
      continue;
    }
    if (row.valid) records.push({ id, line: row.line, properties: propertiesOf(row.values, spec, new Set()) });
  }
  return records;
}

const ENDPOINT_COLUMNS: ReadonlySet<string> = new Set(['from', 'to']);

function resolveRelationships(
  rows: TypedRow[],
  spec: RelationshipFileSpec,
  display: string,
  idsByLabel: Map<Label, Map<string, number>>,
  errors: SeedError[],
  existingIds: ReadonlyMap<Label, ReadonlySet<string>> | undefined,
): RelationshipRecord[] {
  const has = (label: Label, id: string) => (idsByLabel.get(label)?.has(id) ?? false) || (existingIds?.get(label)?.has(id) ?? false);
  const fromLabels = [...new Set(spec.endpoints.map((pair) => pair.from))];
  const toLabels = [...new Set(spec.endpoints.map((pair) => pair.to))];
  const seenPairs = new Map<string, number>();
  // For onePerFrom / onePerTo: the line that first used each from (to) id.
  const seenFrom = new Map<string, number>();
  const seenTo = new Map<string, number>();
  const records: RelationshipRecord[] = [];

  for (const row of rows) {
    const from = row.values.get('from');
    const to = row.values.get('to');
    if (typeof from !== 'string' || typeof to !== 'string') continue;

    const fromFound = fromLabels.filter((label) => has(label, from));
    const toFound = toLabels.filter((label) => has(label, to));
    if (fromFound.length === 0) {
      errors.push({ file: display, line: row.line, field: 'from', message: `no ${fromLabels.join(' or ')} with id "${from}"` });
    }
    if (toFound.length === 0) {
      errors.push({ file: display, line: row.line, field: 'to', message: `no ${toLabels.join(' or ')} with id "${to}"` });
    }
    if (fromFound.length === 0 || toFound.length === 0) continue;

    const matches = spec.endpoints.filter((pair) => fromFound.includes(pair.from) && toFound.includes(pair.to));
    if (matches.length === 0) {
      errors.push({
        file: display,
        line: row.line,
        field: 'to',
        message: `${spec.type} cannot join ${fromFound.join('/')} "${from}" to ${toFound.join('/')} "${to}"`,
      });
      continue;
    }
    if (matches.length > 1) {
      const labels = matches.map((pair) => `${pair.from}->${pair.to}`).join(', ');
      errors.push({ file: display, line: row.line, field: 'from', message: `endpoints are ambiguous (${labels}); ids must tell the labels apart` });
      continue;
    }
    const [{ from: fromLabel, to: toLabel }] = matches;
    const key = `${fromLabel}\u0000${from}\u0000${toLabel}\u0000${to}`;
    const firstLine = seenPairs.get(key);
    if (firstLine !== undefined) {
      errors.push({
        file: display,
        line: row.line,
        field: 'to',
        message: `duplicate ${spec.type} from "${from}" to "${to}" (first on line ${firstLine}); the two rows would merge into one relationship`,
      });
      continue;
    }
    seenPairs.set(key, row.line);
    const fromLine = seenFrom.get(from);
    const toLine = seenTo.get(to);
    if (spec.onePerFrom && fromLine !== undefined) {
      errors.push({ file: display, line: row.line, field: 'to', message: `"${from}" is already joined on line ${fromLine}; ${spec.type} may join it to one node only` });
      continue;
    }
    if (spec.onePerTo && toLine !== undefined) {
      errors.push({ file: display, line: row.line, field: 'from', message: `"${to}" is already joined on line ${toLine}; ${spec.type} may join it from one node only` });
      continue;
    }
    seenFrom.set(from, row.line);
    seenTo.set(to, row.line);
    if (row.valid) {
      records.push({ from, to, fromLabel, toLabel, line: row.line, properties: propertiesOf(row.values, spec, ENDPOINT_COLUMNS) });
    }
  }
  return records;
}
