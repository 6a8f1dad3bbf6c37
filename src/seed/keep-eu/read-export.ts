/**
 * Responsible for reading a keep.eu export exactly as keep.eu hands it out: the xlsx with
 * its "Projects (lead partners)", "Partners" and "Calls" sheets, or the `;`-separated CSV
 * downloads (also `,`-separated or gzipped copies of them), into rows of text cells that
 * remember the sheet (or file) and row they came from.
 */
import { createReadStream, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { createGunzip } from 'node:zlib';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';

export type KeepEuTable = 'projects' | 'partners' | 'calls';

/** One row of a sheet or CSV file: its cells as trimmed text by header, and where it was. */
export interface KeepEuRow {
  /** Sheet name (xlsx) or file name (CSV), as problems should name it. */
  sheet: string;
  /** Row number as a spreadsheet shows it (the header is row 1). */
  row: number;
  cells: Readonly<Record<string, string>>;
}

export interface KeepEuExport {
  projects: KeepEuRow[];
  partners: KeepEuRow[];
  calls: KeepEuRow[];
  /** What was read, for the report: `keep_closed_1420.xlsx › Partners (8621 rows)`. */
  read: string[];
}

/** The columns each table must have; a sheet or file is recognised by them. */
export const REQUIRED_COLUMNS: Readonly<Record<KeepEuTable, readonly string[]>> = {
  projects: ['Programme', 'Acronym', 'Project Name', 'Lead Partner', 'Project start', 'Project end'],
  partners: ['Programme', 'Acronym', 'Project Partner', 'Lead Partner', 'Country code', 'NUTS3 (or equivalent)'],
  calls: ['Programme', 'Serial Number', 'Start Date', 'End Date'],
};

/** Thrown when the input is not a keep.eu export at all (nothing to convert). */
export class KeepEuFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeepEuFormatError';
  }
}

/** Reads an xlsx file, a CSV file or a folder holding any of them. */
export async function readKeepEuExport(location: string): Promise<KeepEuExport> {
  const result: KeepEuExport = { projects: [], partners: [], calls: [], read: [] };
  const files = statSync(location).isDirectory()
    ? readdirSync(location)
        .filter((name) => /\.(xlsx|csv|csv\.gz)$/i.test(name))
        .sort()
        .map((name) => path.join(location, name))
    : [location];
  if (files.length === 0) throw new KeepEuFormatError(`${location}: no .xlsx, .csv or .csv.gz file to read`);
  for (const file of files) {
    const tables = /\.xlsx$/i.test(file) ? await readWorkbook(file) : [await readCsvFile(file)];
    for (const { table, name, rows } of tables) {
      result[table].push(...rows);
      result.read.push(`${name} (${rows.length} rows)`);
    }
  }
  if (result.projects.length === 0 && result.partners.length === 0) {
    throw new KeepEuFormatError(
      `${location}: found no keep.eu projects or partners table (a table is recognised by its columns: projects need ${REQUIRED_COLUMNS.projects.join(', ')}; partners need ${REQUIRED_COLUMNS.partners.join(', ')})`,
    );
  }
  return result;
}

interface ReadTable {
  table: KeepEuTable;
  name: string;
  rows: KeepEuRow[];
}

/** Which table a header belongs to, or undefined when it is none of keep.eu's. */
function tableOf(header: readonly string[]): KeepEuTable | undefined {
  const present = new Set(header);
  // Partners first: its columns overlap the projects sheet's (Programme, Acronym, Lead Partner).
  for (const table of ['partners', 'projects', 'calls'] as const) {
    if (REQUIRED_COLUMNS[table].every((column) => present.has(column))) return table;
  }
  return undefined;
}

async function readWorkbook(file: string): Promise<ReadTable[]> {
  const tables: ReadTable[] = [];
  // The streaming reader keeps one row at a time besides the shared strings.
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  for await (const worksheet of workbook) {
    const sheetName = (worksheet as unknown as { name?: string }).name ?? 'sheet';
    let header: string[] | undefined;
    let table: KeepEuTable | undefined;
    const rows: KeepEuRow[] = [];
    for await (const row of worksheet) {
      const values = (row.values as unknown[]).slice(1).map(cellText);
      if (!header) {
        header = values;
        table = tableOf(header);
        if (!table) break;
        continue;
      }
      if (values.every((value) => value === '')) continue;
      rows.push({ sheet: sheetName, row: row.number, cells: cellsOf(header, values) });
    }
    if (table) tables.push({ table, name: `${path.basename(file)} › ${sheetName}`, rows });
  }
  return tables;
}

async function readCsvFile(file: string): Promise<ReadTable> {
  const name = path.basename(file);
  const open = (end?: number) => (/\.gz$/i.test(file) ? createReadStream(file, { end }).pipe(createGunzip()) : createReadStream(file, { end }));
  // keep.eu writes `;`; copies saved from a spreadsheet often use `,`. The header line decides.
  const delimiter = delimiterOf(await firstLine(open(64 * 1024)));
  const input = open();
  const rows: KeepEuRow[] = [];
  let header: string[] | undefined;
  let table: KeepEuTable | undefined;
  const parser = parse({ bom: true, relax_column_count: true, delimiter });
  input.pipe(parser);
  // Rows are numbered as a spreadsheet opening the file numbers them (header = 1), which a
  // quoted line break inside a description does not shift.
  let rowNumber = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    rowNumber += 1;
    const values = record.map((value) => value.trim());
    if (!header) {
      header = values;
      table = tableOf(header);
      if (!table) {
        input.destroy();
        throw new KeepEuFormatError(
          `${name}: not a keep.eu export table: its header (${header.slice(0, 6).join(', ')}…) has neither the projects, the partners nor the calls columns`,
        );
      }
      continue;
    }
    if (values.every((value) => value === '')) continue;
    rows.push({ sheet: name, row: rowNumber, cells: cellsOf(header, values) });
  }
  return { table: table ?? 'projects', name, rows };
}

/** The text up to the first line break of a stream (a truncated gzip stream is fine). */
async function firstLine(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  try {
    for await (const chunk of stream) {
      text += String(chunk);
      if (text.includes('\n')) break;
    }
  } catch {
    // The gunzip of a file cut at 64 KiB ends with "unexpected end of file": what came is enough.
  }
  return text.split(/\r?\n/, 1)[0];
}

/** `;` when the header has more of them than commas (keep.eu's own CSV), else `,`. */
function delimiterOf(header: string): string {
  const count = (character: string) => header.split(character).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

function cellsOf(header: readonly string[], values: readonly string[]): Record<string, string> {
  const cells: Record<string, string> = {};
  header.forEach((column, index) => {
    if (column !== '') cells[column] = values[index] ?? '';
  });
  return cells;
}

/** A cell as trimmed text: numbers as written, rich text joined, formulas by their result. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10).replace(/-/g, '/');
  if (typeof value === 'object') {
    const cell = value as { richText?: Array<{ text: string }>; text?: unknown; result?: unknown };
    if (Array.isArray(cell.richText)) return cell.richText.map((part) => part.text).join('').trim();
    if (cell.result !== undefined) return cellText(cell.result);
    if (cell.text !== undefined) return cellText(cell.text);
  }
  return String(value).trim();
}
