/**
 * Responsible for checking every seed file before anything is written, in one streaming
 * pass: cell types, required cells, headers, provenance, unique ids per label and
 * relationship endpoints. It keeps what later checks and the import need (ids per label,
 * endpoint pairs per relationship type, rows per write step), never the rows themselves;
 * the writing pass reads the files again through `readRecords`. All problems are
 * collected, each naming file, line and field.
 */
import path from 'node:path';
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
import { type RawRow, type SeedError, type SeedFileSource, type ValidateOptions, ProblemList, csvRows, folderSource, formatSeedError } from './seed-source';

export type { SeedError, ValidateOptions } from './seed-source';
export { formatSeedError } from './seed-source';

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

/** Every record of an input, by label and type: for tests and small inputs only. */
export interface SeedData {
  nodes: Map<Label, NodeRecord[]>;
  relationships: Map<RelType, RelationshipRecord[]>;
}

export interface FileSummary {
  file: string;
  rows: number;
}

/** A key → the line it was first seen on (for "first on line N" and for membership). */
export type FirstLines = Map<string, number>;

/** What an input states, as keys: its datasets, node ids per label, endpoint pairs per type and label pair. */
export interface InputKeys {
  datasets: string[];
  nodeIds: ReadonlyMap<Label, FirstLines>;
  /** Key `pairGroup(type, from, to)` → `pairKey(from, to)` → line. */
  pairs: ReadonlyMap<string, FirstLines>;
}

export const pairGroup = (type: RelType, from: Label, to: Label) => `${type} ${from} ${to}`;
export const pairKey = (from: string, to: string) => `${from}\u0000${to}`;

/** Rows of one relationship file that join one pair of labels. */
export interface PairCount {
  from: Label;
  to: Label;
  rows: number;
}

export interface SeedValidation {
  source: SeedFileSource;
  files: FileSummary[];
  /** The first problems (at most 1,000); `errorCount` counts them all. */
  errors: SeedError[];
  errorCount: number;
  /** When there are more than 1,000: a text file listing every problem, one per line. */
  fullListFile?: string;
  /** Declared files the input does not have (relative paths): optional, read as empty. */
  missing: string[];
  keys: InputKeys;
  /** Rows to write per node label, and per relationship type and label pair, in the order first seen. */
  rowCounts: { nodes: Map<Label, number>; relationships: Map<RelType, PairCount[]> };
  /** Per label, the ids the graph was found to hold among endpoints the input lacks. */
  existingIds: ReadonlyMap<Label, ReadonlySet<string>>;
  /** The datasets rows may name (the graph's and the input's), with how their rows cite pages. */
  datasets: ReadonlyMap<string, SourceUrlPolicy>;
  /** SHA-256 of each file read, so the writing pass can tell a file changed since. */
  digests: ReadonlyMap<string, string>;
}

/** Thrown by the loader when the seed files do not validate; carries the first errors and the count of all. */
export class SeedValidationError extends Error {
  readonly errorCount: number;

  constructor(
    readonly errors: readonly SeedError[],
    errorCount = errors.length,
    /** When not all are in `errors`: the file that lists every one. */
    readonly fullListFile?: string,
  ) {
    const more = errorCount > errors.length ? `\n  … and ${errorCount - errors.length} more${fullListFile ? `; all ${errorCount} are listed in ${fullListFile}` : ''}` : '';
    super(`The seed files have ${errorCount} error(s):\n${errors.map((e) => `  ${formatSeedError(e)}`).join('\n')}${more}`);
    this.name = 'SeedValidationError';
    this.errorCount = errorCount;
  }
}

/** Thrown by the writing pass when a file no longer reads as it did when it was validated. */
export class InputChangedError extends Error {
  constructor(file: string, what: string) {
    super(`${file} changed after it was validated (${what}); import it again`);
    this.name = 'InputChangedError';
  }
}

/** Validates the seed directory on disk; errors name files as `<displayDir>/<file>` (default: `seedDir`). */
export function validateSeedDir(seedDir: string, displayDir = seedDir, options: ValidateOptions = {}): Promise<SeedValidation> {
  return validateSeed({ ...folderSource(seedDir, options), display: displayDir });
}

/** Endpoint ids looked up in the graph per request: bounded parameters, few round trips. */
const LOOKUP_CHUNK = 5_000;

/** The file name errors use: `<display>/<file>` with forward slashes. */
function displayName(source: SeedFileSource, spec: SeedFileSpec): string {
  return path.posix.join(source.display.split(path.sep).join('/'), spec.file);
}

/** Validates the seed files of `source`, reading each once as a stream. */
export async function validateSeed(source: SeedFileSource, onFile: (file: FileSummary) => void = () => undefined): Promise<SeedValidation> {
  const options = source.validateOptions ?? {};
  const problems = new ProblemList();
  const files: FileSummary[] = [];
  const digests = new Map<string, string>();
  const idsByLabel = new Map<Label, FirstLines>();
  const pairs = new Map<string, FirstLines>();
  const inputDatasets = new Set<string>();
  const rowCounts: SeedValidation['rowCounts'] = { nodes: new Map(), relationships: new Map() };
  // Datasets rows may name: those the graph has, then those of the datasets file.
  const datasets = new Map<string, SourceUrlPolicy>(options.existingDatasets ?? []);
  const graph = new GraphIds(options.findExistingIds);
  const missing: string[] = [];

  for (const spec of SEED_FILES) {
    const display = displayName(source, spec);
    const opened = csvRows(source, spec, display, problems);
    if (!opened) {
      // A folder filled from a spreadsheet may hold only the files it needs.
      missing.push(spec.file);
      files.push({ file: display, rows: 0 });
      onFile(files[files.length - 1]);
      continue;
    }
    const context: FileContext = { display, problems, datasets, inputDatasets };
    const rows =
      spec.kind === 'node'
        ? await checkNodeFile(opened.rows, spec, context, idsByLabel, rowCounts.nodes)
        : await checkRelationshipFile(opened.rows, spec, context, { idsByLabel, graph, pairs, counts: rowCounts.relationships });
    digests.set(spec.file, opened.digest());
    files.push({ file: display, rows });
    onFile(files[files.length - 1]);
  }
  if (missing.length === SEED_FILES.length) {
    problems.add({ file: source.display, message: `holds none of the seed files (expected ${SEED_FILES.map((spec) => spec.file).join(', ')})` });
  }
  return {
    source,
    files,
    errors: problems.listed,
    errorCount: problems.count,
    fullListFile: problems.fullListFile,
    missing,
    keys: { datasets: [...inputDatasets].sort(), nodeIds: idsByLabel, pairs },
    rowCounts,
    existingIds: graph.found,
    datasets,
    digests,
  };
}

interface FileContext {
  display: string;
  problems: ProblemList;
  datasets: Map<string, SourceUrlPolicy>;
  /** The datasets the input's rows name. */
  inputDatasets: Set<string>;
}

async function checkNodeFile(
  rows: AsyncIterable<RawRow>,
  spec: NodeFileSpec,
  context: FileContext,
  idsByLabel: Map<Label, FirstLines>,
  counts: Map<Label, number>,
): Promise<number> {
  const { display, problems } = context;
  const ids: FirstLines = new Map();
  idsByLabel.set(spec.label, ids);
  let read = 0;
  let valid = 0;
  for await (const raw of rows) {
    read += 1;
    const row = typeRow(raw, spec, display, problems, context.datasets);
    const id = row.values.get('id');
    if (typeof id !== 'string') continue;
    if (spec === DATASET_FILE) {
      const policy = row.values.get('source_urls');
      if (typeof policy === 'string') context.datasets.set(id, policy as SourceUrlPolicy);
    }
    const firstLine = ids.get(id);
    if (firstLine !== undefined) {
      problems.add({ file: display, line: row.line, field: 'id', message: `duplicate ${spec.label} id "${id}" (first on line ${firstLine})` });
      continue;
    }
    ids.set(id, row.line);
    const expected = spec.idFrom?.((column) => row.values.get(column));
    if (expected !== undefined && expected !== id) {
      problems.add({ file: display, line: row.line, field: 'id', message: `"${id}" should be "${expected}" (this file's ids follow from its other cells)` });
      continue;
    }
    if (!row.valid) continue;
    valid += 1;
    noteDataset(row, context.inputDatasets);
  }
  if (valid > 0) counts.set(spec.label, valid);
  return read;
}

function noteDataset(row: TypedRow, datasets: Set<string>): void {
  const source = row.values.get('source');
  if (typeof source === 'string') datasets.add(source);
}

/**
 * The ids the graph holds among relationship endpoints the input lacks, asked once per id
 * and in batches; what the graph does not hold is remembered too, so it is not asked again.
 */
class GraphIds {
  readonly found = new Map<Label, Set<string>>();
  private readonly absent = new Map<Label, Set<string>>();

  constructor(private readonly find: ValidateOptions['findExistingIds']) {}

  /** Looks up, per label, the ids `wanted` has not been asked about yet. */
  async lookUp(wanted: ReadonlyMap<Label, ReadonlySet<string>>): Promise<void> {
    if (!this.find) return;
    for (const [label, ids] of wanted) {
      const found = setOf(this.found, label);
      const absent = setOf(this.absent, label);
      const unknown = [...ids].filter((id) => !found.has(id) && !absent.has(id));
      if (unknown.length === 0) continue;
      const held = await this.find(label, unknown);
      for (const id of unknown) (held.has(id) ? found : absent).add(id);
    }
  }
}

/** Whether a node of `label` with `id` is in the input or was found in the graph: both passes resolve endpoints so. */
function knownNode(input: ReadonlyMap<Label, FirstLines>, graph: ReadonlyMap<Label, ReadonlySet<string>>) {
  return (label: Label, id: string) => (input.get(label)?.has(id) ?? false) || (graph.get(label)?.has(id) ?? false);
}

function setOf<K>(map: Map<K, Set<string>>, key: K): Set<string> {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  return set;
}

interface RelationshipState {
  idsByLabel: ReadonlyMap<Label, FirstLines>;
  graph: GraphIds;
  pairs: Map<string, FirstLines>;
  counts: Map<RelType, PairCount[]>;
}

async function checkRelationshipFile(
  rows: AsyncIterable<RawRow>,
  spec: RelationshipFileSpec,
  context: FileContext,
  state: RelationshipState,
): Promise<number> {
  const fromLabels = [...new Set(spec.endpoints.map((pair) => pair.from))];
  const toLabels = [...new Set(spec.endpoints.map((pair) => pair.to))];
  const inInput = (label: Label, id: string) => state.idsByLabel.get(label)?.has(id) ?? false;
  const has = knownNode(state.idsByLabel, state.graph.found);
  // For onePerFrom / onePerTo: the line that first used each from (to) id.
  const seenFrom: FirstLines = new Map();
  const seenTo: FirstLines = new Map();
  const counts = new Map<string, PairCount>();
  let read = 0;
  let chunk: TypedRow[] = [];

  const check = (row: TypedRow) => {
    const { display, problems } = context;
    const from = row.values.get('from');
    const to = row.values.get('to');
    if (typeof from !== 'string' || typeof to !== 'string') return;
    const fromFound = fromLabels.filter((label) => has(label, from));
    const toFound = toLabels.filter((label) => has(label, to));
    if (fromFound.length === 0) problems.add({ file: display, line: row.line, field: 'from', message: `no ${fromLabels.join(' or ')} with id "${from}"` });
    if (toFound.length === 0) problems.add({ file: display, line: row.line, field: 'to', message: `no ${toLabels.join(' or ')} with id "${to}"` });
    if (fromFound.length === 0 || toFound.length === 0) return;

    const matches = spec.endpoints.filter((pair) => fromFound.includes(pair.from) && toFound.includes(pair.to));
    if (matches.length === 0) {
      problems.add({ file: display, line: row.line, field: 'to', message: `${spec.type} cannot join ${fromFound.join('/')} "${from}" to ${toFound.join('/')} "${to}"` });
      return;
    }
    if (matches.length > 1) {
      const labels = matches.map((pair) => `${pair.from}->${pair.to}`).join(', ');
      problems.add({ file: display, line: row.line, field: 'from', message: `endpoints are ambiguous (${labels}); ids must tell the labels apart` });
      return;
    }
    const [{ from: fromLabel, to: toLabel }] = matches;
    const group = pairGroup(spec.type, fromLabel, toLabel);
    let seenPairs = state.pairs.get(group);
    if (!seenPairs) state.pairs.set(group, (seenPairs = new Map()));
    const key = pairKey(from, to);
    const firstLine = seenPairs.get(key);
    if (firstLine !== undefined) {
      problems.add({
        file: display,
        line: row.line,
        field: 'to',
        message: `duplicate ${spec.type} from "${from}" to "${to}" (first on line ${firstLine}); the two rows would merge into one relationship`,
      });
      return;
    }
    seenPairs.set(key, row.line);
    const fromLine = seenFrom.get(from);
    const toLine = seenTo.get(to);
    if (spec.onePerFrom && fromLine !== undefined) {
      problems.add({ file: display, line: row.line, field: 'to', message: `"${from}" is already joined on line ${fromLine}; ${spec.type} may join it to one node only` });
      return;
    }
    if (spec.onePerTo && toLine !== undefined) {
      problems.add({ file: display, line: row.line, field: 'from', message: `"${to}" is already joined on line ${toLine}; ${spec.type} may join it from one node only` });
      return;
    }
    if (spec.onePerFrom) seenFrom.set(from, row.line);
    if (spec.onePerTo) seenTo.set(to, row.line);
    if (!row.valid) return;
    let count = counts.get(group);
    if (!count) counts.set(group, (count = { from: fromLabel, to: toLabel, rows: 0 }));
    count.rows += 1;
    noteDataset(row, context.inputDatasets);
  };

  // Rows are checked in order, a chunk at a time, once the graph has been asked about the
  // chunk's endpoints the input lacks: one lookup per label per chunk, not one per row.
  const flush = async () => {
    const wanted = new Map<Label, Set<string>>();
    for (const row of chunk) {
      const from = row.values.get('from');
      const to = row.values.get('to');
      if (typeof from === 'string' && !fromLabels.some((label) => inInput(label, from))) for (const label of fromLabels) setOf(wanted, label).add(from);
      if (typeof to === 'string' && !toLabels.some((label) => inInput(label, to))) for (const label of toLabels) setOf(wanted, label).add(to);
    }
    await state.graph.lookUp(wanted);
    for (const row of chunk) check(row);
    chunk = [];
  };

  for await (const raw of rows) {
    read += 1;
    chunk.push(typeRow(raw, spec, context.display, context.problems, context.datasets));
    if (chunk.length >= LOOKUP_CHUNK) await flush();
  }
  await flush();
  if (counts.size > 0) state.counts.set(spec.type, [...counts.values()]);
  return read;
}

/**
 * The records of one file of a validated input, read again as a stream (the writing pass).
 * A row that no longer validates, or bytes that differ from those validated, throw
 * InputChangedError: the import then undoes what it wrote.
 */
export async function* readRecords(validation: SeedValidation, spec: SeedFileSpec): AsyncGenerator<NodeRecord | RelationshipRecord> {
  const { source } = validation;
  const display = displayName(source, spec);
  const problems = new ProblemList();
  const opened = csvRows(source, spec, display, problems);
  if (!opened) {
    if (validation.missing.includes(spec.file)) return;
    throw new InputChangedError(display, 'it was not there when validated');
  }
  const has = knownNode(validation.keys.nodeIds, validation.existingIds);
  for await (const raw of opened.rows) {
    const row = typeRow(raw, spec, display, problems, validation.datasets);
    if (problems.count > 0) throw new InputChangedError(display, formatSeedError(problems.listed[0]));
    if (spec.kind === 'node') {
      yield { id: String(row.values.get('id')), line: row.line, properties: propertiesOf(row.values, spec, new Set()) };
      continue;
    }
    const from = String(row.values.get('from'));
    const to = String(row.values.get('to'));
    const pair = spec.endpoints.find((candidate) => has(candidate.from, from) && has(candidate.to, to));
    if (!pair) throw new InputChangedError(display, `line ${row.line}: no endpoints for "${from}" -> "${to}"`);
    yield { from, to, fromLabel: pair.from, toLabel: pair.to, line: row.line, properties: propertiesOf(row.values, spec, ENDPOINT_COLUMNS) };
  }
  if (problems.count > 0) throw new InputChangedError(display, formatSeedError(problems.listed[0]));
  if (opened.digest() !== validation.digests.get(spec.file)) throw new InputChangedError(display, 'its bytes differ from those validated');
}

/** Every record of a validated input, in memory: for tests and small inputs. */
export async function collectRecords(validation: SeedValidation): Promise<SeedData> {
  const data: SeedData = { nodes: new Map(), relationships: new Map() };
  for (const spec of SEED_FILES) {
    const records: Array<NodeRecord | RelationshipRecord> = [];
    for await (const record of readRecords(validation, spec)) records.push(record);
    if (spec.kind === 'node') data.nodes.set(spec.label, records as NodeRecord[]);
    else data.relationships.set(spec.type, records as RelationshipRecord[]);
  }
  return data;
}

const ENDPOINT_COLUMNS: ReadonlySet<string> = new Set(['from', 'to']);

interface TypedRow {
  line: number;
  /** Present cells by column name, parsed to their type. */
  values: Map<string, CellValue>;
  /** False when any cell failed; such rows still take part in id checks where possible. */
  valid: boolean;
}

function typeRow(row: RawRow, spec: SeedFileSpec, display: string, problems: ProblemList, datasets: ReadonlyMap<string, SourceUrlPolicy>): TypedRow {
  const values = new Map<string, CellValue>();
  let valid = true;
  for (const column of spec.columns) {
    const cell = row.cells[column.name];
    if (cell === undefined) continue; // a missing column is reported once, at the header
    const outcome = parseCell(cell, column);
    if (outcome.error) {
      problems.add({ file: display, line: row.line, field: column.name, message: outcome.error });
      valid = false;
    } else if (outcome.value !== undefined) {
      values.set(column.name, outcome.value);
    }
  }
  if (spec !== DATASET_FILE) valid = checkProvenance(row.line, values, display, problems, datasets) && valid;
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
  problems: ProblemList,
  datasets: ReadonlyMap<string, SourceUrlPolicy>,
): boolean {
  const source = values.get('source');
  if (typeof source !== 'string') return true; // already reported as a bad or missing cell
  const policy = datasets.get(source);
  if (!policy) {
    const known = [...datasets.keys()].sort();
    problems.add({
      file: display,
      line,
      field: 'source',
      message: `"${source}" is not a dataset of nodes/datasets.csv or of the graph (${known.length > 0 ? `known: ${known.join(', ')}` : 'none is declared'})`,
    });
    return false;
  }
  const hasUrl = values.has('source_url');
  if (policy === 'none' && hasUrl) {
    problems.add({ file: display, line, field: 'source_url', message: `must be empty for dataset "${source}", which has no pages to cite` });
    return false;
  }
  if (policy === 'required' && !hasUrl) {
    problems.add({ file: display, line, field: 'source_url', message: `is required for dataset "${source}" (each of its rows cites its page)` });
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

