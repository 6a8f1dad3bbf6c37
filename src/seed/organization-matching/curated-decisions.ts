/**
 * Responsible for reading the curated organization decisions: a CSV where a person says of
 * two partner records (stated name + country code) that they are the "same" organization or
 * "different" ones. Records are named by content, so a decision survives a re-download of
 * the export; a file with a bad row is refused with every problem listed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { SeedError } from '../validate';
import type { CuratedDecision, CuratedVerdict } from './match-organizations';

export const CURATED_DECISION_COLUMNS = ['name', 'country', 'other_name', 'other_country', 'decision', 'note'] as const;
const VERDICTS: readonly CuratedVerdict[] = ['same', 'different'];

export interface CuratedDecisions {
  decisions: CuratedDecision[];
  problems: SeedError[];
}

/** Reads `file`; an absent file is no decisions. */
export function readCuratedDecisions(file: string): CuratedDecisions {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { decisions: [], problems: [] };
    throw error;
  }
  const label = path.basename(file);
  const rows = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true }) as string[][];
  const [header = [], ...body] = rows;
  const missing = CURATED_DECISION_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    return { decisions: [], problems: [{ file: label, row: 1, field: missing.join(', '), message: `missing column(s); the header must be ${CURATED_DECISION_COLUMNS.join(',')}` }] };
  }
  const decisions: CuratedDecision[] = [];
  const problems: SeedError[] = [];
  body.forEach((cells, index) => {
    const line = index + 2;
    const cell = (column: (typeof CURATED_DECISION_COLUMNS)[number]) => (cells[header.indexOf(column)] ?? '').replace(/\s+/g, ' ').trim();
    const problem = (field: string, message: string) => problems.push({ file: label, row: line, field, message });
    for (const column of ['name', 'other_name'] as const) if (cell(column) === '') problem(column, 'is required but empty');
    for (const column of ['country', 'other_country'] as const) {
      // Empty when the record states no country (some programme pages do not).
      if (!/^([A-Z]{2})?$/.test(cell(column))) problem(column, `"${cell(column)}" is not a two-letter country code as keep.eu writes it (e.g. FI, EL, UK), or empty`);
    }
    const verdict = cell('decision') as CuratedVerdict;
    if (!VERDICTS.includes(verdict)) problem('decision', `"${cell('decision')}" is not same or different`);
    if (problems.some((entry) => entry.row === line)) return;
    decisions.push({
      name: cell('name'),
      countryCode: cell('country'),
      otherName: cell('other_name'),
      otherCountryCode: cell('other_country'),
      verdict,
      at: `${label} line ${line}`,
    });
  });
  return { decisions, problems };
}
