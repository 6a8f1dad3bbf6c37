/**
 * Responsible for hand corrections of keep.eu cells that are plainly wrong (a partner in
 * Narva filed under Russia with an Estonian NUTS code). A correction names its row by
 * content (programme, acronym, partner), not by row number, so it survives a re-download;
 * it applies only while the cell still holds the value it corrects, and says so otherwise.
 * keep.eu's terms ask that changes be stated: each correction carries its reason.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { KeepEuExport, KeepEuRow, KeepEuTable } from './read-export';

export interface KeepEuCorrection {
  table: KeepEuTable;
  programme: string;
  acronym: string;
  /** The partner's name for the partners table; empty for projects. */
  partner: string;
  column: string;
  from: string;
  to: string;
  reason: string;
}

const COLUMNS = ['table', 'programme', 'acronym', 'partner', 'column', 'from', 'to', 'reason'] as const;

/** Reads a corrections CSV (the columns above, a header row first). */
export function readCorrections(file: string): KeepEuCorrection[] {
  const records = parse(readFileSync(file, 'utf8'), { columns: true, bom: true, skip_empty_lines: true }) as Array<Record<string, string>>;
  return records.map((record, index) => {
    const missing = COLUMNS.filter((column) => record[column] === undefined);
    if (missing.length > 0) throw new Error(`${file} line ${index + 2}: missing column(s) ${missing.join(', ')}`);
    const table = record.table as KeepEuTable;
    if (!['projects', 'partners', 'calls'].includes(table)) throw new Error(`${file} line ${index + 2}, field table: "${record.table}" is not projects, partners or calls`);
    return { table, programme: record.programme, acronym: record.acronym, partner: record.partner, column: record.column, from: record.from, to: record.to, reason: record.reason };
  });
}

/** Applies the corrections in place; returns one note per correction (applied or not). */
export function applyCorrections(source: KeepEuExport, corrections: readonly KeepEuCorrection[]): string[] {
  return corrections.map((correction) => {
    const where = `${correction.table} ${correction.programme} / ${correction.acronym}${correction.partner ? ` / ${correction.partner}` : ''}, ${correction.column}`;
    const rows = source[correction.table].filter((row) => matches(row, correction));
    const stale = rows.filter((row) => (row.cells[correction.column] ?? '') !== correction.from);
    if (rows.length === 0 || stale.length > 0) {
      return `correction not applied (${rows.length === 0 ? 'no such row' : `the cell no longer holds "${correction.from}"`}): ${where}`;
    }
    for (const row of rows) (row.cells as Record<string, string>)[correction.column] = correction.to;
    return `corrected ${where}: "${correction.from}" → "${correction.to}" (${correction.reason})`;
  });
}

function matches(row: KeepEuRow, correction: KeepEuCorrection): boolean {
  const same = (a: string | undefined, b: string) => (a ?? '').replace(/\s+/g, ' ').trim() === b;
  return (
    same(row.cells.Programme, correction.programme) &&
    same(row.cells.Acronym, correction.acronym) &&
    (correction.table !== 'partners' || same(row.cells['Project Partner'], correction.partner))
  );
}
