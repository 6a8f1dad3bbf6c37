/**
 * Responsible for exporting the graph in the coopgraph format: one CSV per declared node
 * and relationship file, the columns of seed-files.ts, read in id order in batches so memory
 * stays bounded. Exporting, emptying a database and importing the folder gives the same graph.
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { int } from 'neo4j-driver';
import type { Executor } from '../neo4j/executor';
import type { PlainValue } from '../neo4j/mapping';
import { Label } from '../neo4j/graph-schema';
import { type SeedFileSpec, NODE_FILES, RELATIONSHIP_FILES } from './seed-files';
import { csvField } from './seed-tables';

export interface ExportOptions {
  /** Only nodes and relationships of this dataset (and its Dataset row). */
  dataset?: string;
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

  // Filters are added only when asked for: no `$x IS NULL OR …` guards.
  for (const spec of NODE_FILES) {
    const filter = !dataset ? '' : spec.label === Label.Dataset ? 'AND n.id = $dataset' : 'AND n.source = $dataset';
    const pages = async function* () {
      let after = '';
      for (;;) {
        const rows = await executor.read(
          `MATCH (n:${spec.label}) WHERE n.id > $after ${filter} WITH n ORDER BY n.id LIMIT $limit RETURN n.id AS id, properties(n) AS props`,
          { after, dataset, limit: int(batchSize) },
        );
        if (rows.length === 0) return;
        yield rows.map((row) => lineOf(spec, row.props as Record<string, PlainValue>));
        after = String(rows[rows.length - 1].id);
      }
    };
    report.rows[spec.file] = await writeLines(path.join(folder, spec.file), spec.columns.map((column) => column.name).join(','), pages());
    options.onProgress?.(spec.file, report.rows[spec.file]);
  }

  // Relationships page by start node (a tenth of the batch: a busy one has hundreds).
  const starts = int(Math.max(1, Math.floor(batchSize / 10)));
  for (const spec of RELATIONSHIP_FILES) {
    const header = spec.columns.map((column) => column.name).join(',');
    const filter = dataset ? 'WHERE r.source = $dataset' : '';
    const pages = async function* () {
      for (const { from, to } of spec.endpoints) {
        let after = '';
        for (;;) {
          const [page] = await executor.read(
            `MATCH (a:${from}) WHERE a.id > $after WITH a ORDER BY a.id LIMIT $limit
             WITH collect(a) AS starts, max(a.id) AS last
             CALL (starts) {
               UNWIND starts AS a
               MATCH (a)-[r:${spec.type}]->(b:${to}) ${filter}
               WITH a, b, r ORDER BY a.id, b.id
               RETURN collect({from: a.id, to: b.id, props: properties(r)}) AS rows
             }
             RETURN last, rows`,
            { after, dataset, limit: starts },
          );
          const rows = (page?.rows ?? []) as Array<{ from: string; to: string; props: Record<string, PlainValue> }>;
          if (rows.length > 0) yield rows.map((row) => lineOf(spec, row.props, { from: row.from, to: row.to }));
          if (page?.last === null || page?.last === undefined) break;
          after = String(page.last);
        }
      }
    };
    report.rows[spec.file] = await writeLines(path.join(folder, spec.file), header, pages());
    options.onProgress?.(spec.file, report.rows[spec.file]);
  }
  report.durationMs = Date.now() - started;
  return report;
}
