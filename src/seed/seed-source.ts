/**
 * Responsible for reading seed files as streams of CSV rows, wherever they come from (a
 * folder on disk, or files a format adapter converted in memory), so that no pass of an
 * import ever holds a whole file: each row is parsed, handed on and dropped. Every read
 * also fingerprints the bytes it saw, so the writing pass can tell the file changed after
 * it was validated.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, createReadStream, mkdtempSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { Label } from '../neo4j/graph-schema';
import type { SeedFileSpec, SourceUrlPolicy } from './seed-files';

/** What the target graph already holds that the files may refer to. */
export interface ValidateOptions {
  /** Datasets the target graph already holds (id → how its rows cite pages): rows may name them. */
  existingDatasets?: ReadonlyMap<string, SourceUrlPolicy>;
  /**
   * Of `ids`, those the graph holds as `label`. Asked, in batches, only for relationship
   * endpoints the input itself does not have, so the graph's ids are never all read.
   */
  findExistingIds?: (label: Label, ids: readonly string[]) => Promise<ReadonlySet<string>>;
}

/** Seed files from anywhere (a folder, or converted in memory), with the name errors use. */
export interface SeedFileSource {
  /** The file's bytes as a stream, or undefined when the input does not have the file. */
  open(relativePath: string): Readable | undefined;
  /** Prefix of file names in errors and in the failure message: the folder, or the input file. */
  display: string;
  validateOptions?: ValidateOptions;
}

/** The seed files of a folder on disk, read as streams. */
export function folderSource(folder: string, validateOptions?: ValidateOptions): SeedFileSource {
  return {
    open: (relativePath) => {
      const file = path.join(folder, relativePath);
      try {
        if (!statSync(file).isFile()) return undefined;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
      return createReadStream(file);
    },
    display: folder,
    validateOptions,
  };
}

/** Seed files held as text (a format adapter's output, a test's fixture); a file it has no text for is missing. */
export function textSource(read: (relativePath: string) => string | undefined, display: string, validateOptions?: ValidateOptions): SeedFileSource {
  return {
    open: (relativePath) => {
      const text = read(relativePath);
      return text === undefined ? undefined : Readable.from([Buffer.from(text, 'utf8')]);
    },
    display,
    validateOptions,
  };
}

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

/** Formats an error as `seed/nodes/projects.csv line 14, field start_date: "2018-13-01" is not a date (YYYY-MM-DD)`. */
export function formatSeedError(error: SeedError): string {
  const where = [
    error.line === undefined ? '' : ` line ${error.line}`,
    error.row === undefined ? '' : ` row ${error.row}`,
    error.field === undefined ? '' : `, ${error.row === undefined ? 'field' : 'column'} ${error.field}`,
  ];
  return `${error.file}${where.join('')}: ${error.message}`;
}

/**
 * The problems found so far. The first `limit` are kept to report; past that, every
 * problem (the first ones included) goes to a text file instead, one per line, so a file
 * of a million bad rows is still listed in full without being held in memory.
 */
export class ProblemList {
  readonly listed: SeedError[] = [];
  private total = 0;
  private overflow: string | undefined;
  private pending: string[] = [];

  constructor(private readonly limit = 1_000) {}

  add(error: SeedError): void {
    this.total += 1;
    if (this.listed.length < this.limit) {
      this.listed.push(error);
      return;
    }
    if (!this.overflow) {
      this.overflow = path.join(mkdtempSync(path.join(os.tmpdir(), 'coopgraph-problems-')), 'problems.txt');
      this.pending = this.listed.map(formatSeedError);
    }
    this.pending.push(formatSeedError(error));
    if (this.pending.length >= 10_000) this.flush();
  }

  get count(): number {
    return this.total;
  }

  /** The file listing every problem, once there are more than `limit` (written out by this call). */
  get fullListFile(): string | undefined {
    this.flush();
    return this.overflow;
  }

  private flush(): void {
    if (!this.overflow || this.pending.length === 0) return;
    appendFileSync(this.overflow, `${this.pending.join('\n')}\n`);
    this.pending = [];
  }
}

/** A data row of a seed file: its line (header = line 1) and its cells by column name. */
export interface RawRow {
  line: number;
  cells: Record<string, string>;
}

/** An open seed file: its rows, once, and then the fingerprint of the bytes they came from. */
export interface CsvRows {
  rows: AsyncIterable<RawRow>;
  /** SHA-256 of the bytes read; complete once `rows` has been iterated to its end. */
  digest(): string;
}

/**
 * Streams the rows of `spec`'s file, or returns undefined when the input lacks it. Header
 * problems, rows with the wrong number of fields and CSV syntax errors go to `problems`
 * (a syntax error ends the file: what follows it cannot be told apart).
 */
export function csvRows(source: SeedFileSource, spec: SeedFileSpec, display: string, problems: ProblemList): CsvRows | undefined {
  const opened = source.open(spec.file);
  if (!opened) return undefined;
  const stream: Readable = opened;
  const hash = createHash('sha256');
  let digest: string | undefined;
  async function* rows(): AsyncGenerator<RawRow> {
    // Both listeners in one tick: a stream emits nothing before the next one.
    stream.on('data', (chunk: Buffer) => hash.update(chunk));
    // Arrays without per-record info: several times faster than `columns` + `info` on 500k
    // rows. Blank lines are kept (as one empty field) so the line count below stays exact.
    const parser = stream.pipe(parse({ bom: true, relax_column_count: true }));
    stream.on('error', (error) => parser.destroy(error));
    let header: string[] | undefined;
    let broken = false;
    let nextLine = 1;
    try {
      for await (const record of parser as AsyncIterable<string[]>) {
        const line = nextLine;
        // A record starts on the line after the previous one ended; quoted line breaks lengthen it.
        nextLine += 1 + record.reduce((sum, value) => sum + countBreaks(value), 0);
        if (record.length === 1 && record[0] === '') continue;
        if (!header) {
          header = record;
          checkHeader(header, spec, display, problems);
          continue;
        }
        if (record.length !== header.length) {
          problems.add({ file: display, line, message: `does not have ${header.length} fields like the header` });
        }
        const cells: Record<string, string> = {};
        for (let index = 0; index < header.length && index < record.length; index++) cells[header[index]] = record[index];
        yield { line, cells };
      }
    } catch (error) {
      const { code, message, lines } = error as { code?: string; message: string; lines?: number };
      // A read error of the file itself is not a problem of its content: it stops the import.
      if (code === undefined || !code.startsWith('CSV_')) throw error;
      problems.add({ file: display, line: lines, message: `is not valid CSV: ${message}` });
      broken = true;
    } finally {
      // Also when the reader stops early (a failed batch ends the writing pass): a piped
      // source outlives its destroyed parser, and would hold its file open.
      stream.destroy();
    }
    if (!header && !broken) problems.add({ file: display, line: 1, message: 'has no header row' });
    digest = hash.digest('hex');
  }
  return {
    rows: rows(),
    digest: () => {
      if (digest === undefined) throw new Error(`${display}: fingerprint asked for before the file was read to its end`);
      return digest;
    },
  };
}

function countBreaks(value: string): number {
  let breaks = 0;
  for (let index = value.indexOf('\n'); index !== -1; index = value.indexOf('\n', index + 1)) breaks++;
  return breaks;
}

function checkHeader(header: string[], spec: SeedFileSpec, display: string, problems: ProblemList): void {
  const expected = spec.columns.map((column) => column.name);
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) problems.add({ file: display, line: 1, field: name, message: 'column appears twice in the header' });
    seen.add(name);
    if (!expected.includes(name)) {
      problems.add({ file: display, line: 1, field: name, message: `unknown column (expected: ${expected.join(', ')})` });
    }
  }
  for (const name of expected) {
    if (!seen.has(name)) problems.add({ file: display, line: 1, field: name, message: 'missing column' });
  }
}
