/**
 * Responsible for exporting the graph in the coopgraph format: one CSV per declared node
 * and relationship file, the columns of seed-files.ts, read in id order in batches so memory
 * stays bounded. Exporting, emptying a database and importing the folder gives the same graph.
 * A programme or region export writes a self-consistent subset instead (see scopeNodeIds):
 * it imports into an empty database without a dangling reference.
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { int } from 'neo4j-driver';
import type { Executor } from '../neo4j/executor';
import type { PlainValue } from '../neo4j/mapping';
import { Label } from '../neo4j/graph-schema';
import { missingScopeFilters, type ProjectScope, scopeParameters, type ScopeFilter } from '../modules/project/project-scope.cypher';
import { DATASET_FILE, type NodeFileSpec, type RelationshipFileSpec, type SeedFileSpec, NODE_FILES, RELATIONSHIP_FILES } from './seed-files';
import { csvField } from './seed-tables';
import * as cypher from './export.cypher';

export interface ExportOptions {
  /** Only nodes and relationships of this dataset (and its Dataset row). */
  dataset?: string;
  /** Only this programme's projects and what they reach (see scopeNodeIds); with `region`, both must hold. */
  programme?: string;
  /** Only the projects located in this region or its sub-regions, and what they reach. */
  region?: string;
  /** Rows read per statement. */
  batchSize?: number;
  onProgress?: (file: string, rows: number) => void;
}

export interface ExportReport {
  /** Rows written per file (relative path). */
  rows: Record<string, number>;
  durationMs: number;
}

const DEFAULT_BATCH = 10_000;

const SCOPE_OPTION: Record<ScopeFilter, string> = { programmeId: 'programme', regionId: 'region', themeId: 'theme', datasetId: 'dataset' };

/** A programme or region asked for does not exist; the message names the kind and the id. */
export class UnknownScopeError extends Error {
  constructor(readonly missing: ReadonlyArray<{ option: string; id: string }>) {
    super(missing.map(({ option, id }) => `No ${option} with id "${id}" in the graph`).join('; '));
  }
}

/** A stored value as the seed format writes it: dates `YYYY-MM-DD`, numbers plain, absent empty. */
function cellOf(value: PlainValue | undefined): string {
  if (value === undefined || value === null) return '';
  return String(value);
}

function lineOf(spec: SeedFileSpec, properties: Record<string, PlainValue>, endpoints?: { from: string; to: string }): string {
  return spec.columns
    .map((column) => {
      if (column.name === 'from') return csvField(endpoints?.from ?? '');
      if (column.name === 'to') return csvField(endpoints?.to ?? '');
      return csvField(cellOf(properties[column.property]));
    })
    .join(',');
}

async function writeLines(file: string, header: string, pages: AsyncIterable<string[]>): Promise<number> {
  mkdirSync(path.dirname(file), { recursive: true });
  const out = createWriteStream(file, 'utf8');
  let rows = 0;
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`${header}\n`);
  for await (const lines of pages) {
    for (const line of lines) await write(`${line}\n`);
    rows += lines.length;
  }
  out.end();
  await once(out, 'finish');
  return rows;
}

/** Writes every declared file of the graph (or of one dataset) into `folder`. */
export async function exportGraph(executor: Executor, folder: string, options: ExportOptions = {}): Promise<ExportReport> {
  const started = Date.now();
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const report: ExportReport = { rows: {}, durationMs: 0 };
  const dataset = options.dataset ?? null;

  if (options.programme !== undefined || options.region !== undefined) {
    if (dataset) throw new Error('A dataset export cannot also be scoped to a programme or region');
    await exportScope(executor, folder, { programmeId: options.programme, regionId: options.region }, batchSize, report, options.onProgress);
    report.durationMs = Date.now() - started;
    return report;
  }

  for (const spec of NODE_FILES) {
    const statement = cypher.nodePage(spec.label, dataset !== null);
    const pages = async function* () {
      let after = '';
      for (;;) {
        const rows = await executor.read(statement, { after, dataset, limit: int(batchSize) });
        if (rows.length === 0) return;
        yield rows.map((row) => lineOf(spec, row.props as Record<string, PlainValue>));
        after = String(rows[rows.length - 1].id);
      }
    };
    report.rows[spec.file] = await writeLines(path.join(folder, spec.file), headerOf(spec), pages());
    options.onProgress?.(spec.file, report.rows[spec.file]);
  }

  // Relationships page by start node (a tenth of the batch: a busy one has hundreds).
  const starts = int(Math.max(1, Math.floor(batchSize / 10)));
  for (const spec of RELATIONSHIP_FILES) {
    const pages = async function* () {
      for (const { from, to } of spec.endpoints) {
        const statement = cypher.relationshipPage(spec.type, from, to, dataset !== null);
        let after = '';
        for (;;) {
          const [page] = await executor.read(statement, { after, dataset, limit: starts });
          const rows = (page?.rows ?? []) as Array<{ from: string; to: string; props: Record<string, PlainValue> }>;
          if (rows.length > 0) yield rows.map((row) => lineOf(spec, row.props, { from: row.from, to: row.to }));
          if (page?.last === null || page?.last === undefined) break;
          after = String(page.last);
        }
      }
    };
    report.rows[spec.file] = await writeLines(path.join(folder, spec.file), headerOf(spec), pages());
    options.onProgress?.(spec.file, report.rows[spec.file]);
  }
  report.durationMs = Date.now() - started;
  return report;
}

const headerOf = (spec: SeedFileSpec) => spec.columns.map((column) => column.name).join(',');

/** Consecutive slices of `items`, `size` each (the last one shorter). */
function* slices<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}

/**
 * Writes the subset a programme or region export holds: the nodes of scopeNodeIds, every
 * relationship of a declared file with both ends among them, and the Dataset rows their
 * `source` cells name (written last, once those are known). People and events are not part
 * of the subset. Throws UnknownScopeError for an id the graph lacks.
 */
async function exportScope(
  executor: Executor,
  folder: string,
  scope: ProjectScope,
  batchSize: number,
  report: ExportReport,
  onProgress: ExportOptions['onProgress'],
): Promise<void> {
  const parameters = scopeParameters(scope);
  const [found] = await executor.read(cypher.scopeFound(scope), parameters);
  const missing = missingScopeFilters(scope, found);
  if (missing.length > 0) throw new UnknownScopeError(missing.map((filter) => ({ option: SCOPE_OPTION[filter], id: String(scope[filter]) })));

  const [scoped] = await executor.read(cypher.scopeNodeIds(scope), parameters);
  const ids = new Map<Label, string[]>();
  for (const spec of NODE_FILES) {
    if (spec.label === Label.Dataset) continue;
    ids.set(spec.label, [...((scoped?.[spec.label] as string[] | undefined) ?? [])].sort());
  }
  const sources = new Set<string>();
  const cited = (properties: Record<string, PlainValue>) => {
    if (typeof properties.source === 'string') sources.add(properties.source);
    return properties;
  };
  const written = async (spec: SeedFileSpec, pages: AsyncIterable<string[]>) => {
    report.rows[spec.file] = await writeLines(path.join(folder, spec.file), headerOf(spec), pages);
    onProgress?.(spec.file, report.rows[spec.file]);
  };
  const nodePages = (spec: NodeFileSpec, nodeIds: readonly string[]) =>
    async function* () {
      for (const batch of slices(nodeIds, batchSize)) {
        const rows = await executor.read(cypher.nodesById(spec.label), { ids: batch });
        yield rows.map((row) => lineOf(spec, cited(row.props as Record<string, PlainValue>)));
      }
    };
  const relationshipPages = (spec: RelationshipFileSpec) =>
    async function* () {
      for (const { from, to } of spec.endpoints) {
        const [starts, targets] = [ids.get(from) ?? [], ids.get(to) ?? []];
        if (starts.length === 0 || targets.length === 0) continue;
        for (const batch of slices(starts, batchSize)) {
          const rows = await executor.read(cypher.relationshipsBetween(spec.type, from, to), { starts: batch, targets });
          yield rows.map((row) => lineOf(spec, cited(row.props as Record<string, PlainValue>), { from: String(row.from), to: String(row.to) }));
        }
      }
    };

  for (const spec of NODE_FILES) if (spec.label !== Label.Dataset) await written(spec, nodePages(spec, ids.get(spec.label) ?? [])());
  for (const spec of RELATIONSHIP_FILES) await written(spec, relationshipPages(spec)());
  await written(DATASET_FILE, nodePages(DATASET_FILE, [...sources].sort())());
}
