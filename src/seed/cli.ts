/**
 * Responsible for the import command: `node dist/src/seed/cli.js [input] [--format
 * coopgraph|keep-eu] [--dataset NAME] [--dry-run] [--json] [--batch-size N]` (`npm run
 * import`, and `npm run seed` for the committed seed/). Validates everything first (exit 1
 * listing all problems), then imports in batches with progress, and ends with the counts,
 * the duration and the peak memory; a dry run reports what would be created, updated or
 * left unchanged or removed, per label and relationship type.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config';
import { resolveNeo4j } from '../neo4j/connect';
import { createDriver } from '../neo4j/driver';
import { Executor } from '../neo4j/executor';
import { migrate } from '../neo4j/migrations';
import { fromRoot } from '../paths';
import { type ImportDiff, diffAgainstGraph, graphReferences } from './graph-state';
import { type ImportProgress, type ImportReport, type SeedFileSource, DEFAULT_BATCH_SIZE, folderSource, importSeedFiles, validated } from './import';
import { prepareKeepEu } from './keep-eu/keep-eu-import';
import { KeepEuFormatError } from './keep-eu/read-export';
import { DATASET_ID, NODE_FILES, RELATIONSHIP_FILES } from './seed-files';
import { SeedValidationError, formatSeedError } from './validate';
import { argumentsOrExitCode, runCommand } from '../tools/run-command';

// A command-line tool reports to the terminal, not to the JSON log.
const print = (line: string) => process.stdout.write(`${line}\n`);
const printError = (line: string) => process.stderr.write(`${line}\n`);

const USAGE = `Usage: npm run import -- [input] [--format coopgraph|keep-eu] [--dataset NAME] [--dry-run] [--json] [--batch-size N]

  input           a folder in the coopgraph format (nodes/*.csv, relationships/*.csv; default: seed/),
                  or a keep.eu export: the .xlsx as downloaded, its ;-separated .csv files, or a folder of them
  --format        coopgraph or keep-eu (default: keep-eu for an .xlsx/.csv file or a folder without nodes/)
  --dataset NAME  keep-eu only: the dataset id its rows get (default keep-eu); import a newer export
                  under the same name to update it
  --dry-run       validate and report what would be created, updated, left unchanged or removed; nothing is written
  --json          print the final report as JSON (progress lines are JSON whenever stdout is not a terminal)
  --batch-size N  rows per write transaction (default ${DEFAULT_BATCH_SIZE})

Without NEO4J_URI the project's local Neo4j is started (or reused) on NEO4J_LOCAL_PORT.`;

type Format = 'coopgraph' | 'keep-eu';

interface Arguments {
  input: string;
  format: Format;
  dataset: string;
  dryRun: boolean;
  json: boolean;
  batchSize: number;
}

/** keep-eu for a spreadsheet or CSV, or a folder with no nodes/ in it; else the coopgraph format. */
function detectFormat(input: string): Format {
  if (/\.(xlsx|csv|csv\.gz)$/i.test(input)) return 'keep-eu';
  if (existsSync(input) && statSync(input).isDirectory() && !existsSync(path.join(input, 'nodes'))) return 'keep-eu';
  return 'coopgraph';
}

/** Parses the arguments, or returns every problem with them. */
function parseArguments(argv: readonly string[]): Arguments | string[] {
  const problems: string[] = [];
  const inputs: string[] = [];
  let dryRun = false;
  let json = false;
  let batchSize = DEFAULT_BATCH_SIZE;
  let format: Format | undefined;
  let dataset: string | undefined;
  const valueOf = (argument: string, index: number): [string | undefined, number] =>
    argument.includes('=') ? [argument.slice(argument.indexOf('=') + 1), index] : [argv[index + 1], index + 1];
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    const name = argument.split('=')[0];
    if (argument === '--dry-run') dryRun = true;
    else if (argument === '--json') json = true;
    else if (name === '--batch-size') {
      const [text, next] = valueOf(argument, index);
      index = next;
      const value = Number(text);
      if (text === undefined || !/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < 1) {
        problems.push(`--batch-size: expected a positive integer, got ${text === undefined ? 'nothing' : `"${text}"`}`);
      } else batchSize = value;
    } else if (name === '--format') {
      const [text, next] = valueOf(argument, index);
      index = next;
      if (text === 'coopgraph' || text === 'keep-eu') format = text;
      else problems.push(`--format: expected coopgraph or keep-eu, got ${text === undefined ? 'nothing' : `"${text}"`}`);
    } else if (name === '--dataset') {
      const [text, next] = valueOf(argument, index);
      index = next;
      if (text !== undefined && DATASET_ID.test(text)) dataset = text;
      else problems.push(`--dataset: expected a dataset id (lowercase letters, digits, "." and "-"), got ${text === undefined ? 'nothing' : `"${text}"`}`);
    } else if (argument.startsWith('-')) problems.push(`unknown option ${argument}`);
    else inputs.push(argument);
  }
  if (inputs.length > 1) problems.push(`one input expected, got ${inputs.length}: ${inputs.join(' ')}`);
  const input = inputs[0] ?? fromRoot('seed');
  if (!existsSync(input)) problems.push(`${input}: no such file or folder`);
  const chosen = format ?? (problems.length === 0 ? detectFormat(input) : 'coopgraph');
  if (dataset !== undefined && chosen !== 'keep-eu') problems.push('--dataset applies to --format keep-eu only (coopgraph rows name their dataset in their source column)');
  if (problems.length > 0) return problems;
  return { input, format: chosen, dataset: dataset ?? 'keep-eu', dryRun, json, batchSize };
}

/** Names the folder as the user would type it: relative when under the working directory. */
function displayPath(directory: string): string {
  const relative = path.relative(process.cwd(), path.resolve(directory));
  return relative === '' ? '.' : relative.startsWith('..') ? path.resolve(directory) : relative;
}

/**
 * Progress of each batch. On a terminal: one line redrawn in place (a bar, file, rows and
 * rate); otherwise one JSON line per event, for logs and scripts.
 */
function progressPrinter(): (progress: ImportProgress) => void {
  const terminal = process.stdout.isTTY === true;
  let phaseStarted = Date.now();
  let phase = '';
  let file: string | undefined;
  let fileStarted = Date.now();
  let lastEvent = Date.now();
  let open = false;
  const line = (text: string, final: boolean) => {
    if (!terminal) return;
    process.stdout.write(`\r\x1b[2K${text}${final ? '\n' : ''}`);
    open = !final;
  };
  return (progress) => {
    // A file's first batch began when the previous event (of another file) was reported.
    if (progress.phase !== phase) {
      phase = progress.phase;
      phaseStarted = lastEvent;
    }
    if (progress.file !== file) {
      // Validation redraws one line across its files.
      if (open && progress.phase !== 'validate') line('', true);
      file = progress.file;
      fileStarted = lastEvent;
    }
    lastEvent = Date.now();
    const seconds = Math.max((Date.now() - fileStarted) / 1000, 0.001);
    const rate = Math.round(progress.rowsDone / seconds);
    if (!terminal) {
      print(JSON.stringify({ ...progress, rowsPerSecond: rate, elapsedMs: Date.now() - phaseStarted }));
      return;
    }
    switch (progress.phase) {
      case 'validate':
        line(`validating: ${progress.rowsDone} rows read (${progress.file ?? ''})`, false);
        return;
      case 'write':
      case 'remove':
      case 'undo': {
        const share = progress.rowsTotal === 0 ? 1 : progress.rowsDone / progress.rowsTotal;
        const bar = `${'█'.repeat(Math.round(share * 24))}${'░'.repeat(24 - Math.round(share * 24))}`;
        const label = progress.phase === 'write' ? '' : `${progress.phase} `;
        line(`${bar} ${label}${progress.file ?? ''}  ${progress.rowsDone}/${progress.rowsTotal} rows  ${rate} rows/s`, progress.rowsDone >= progress.rowsTotal);
        return;
      }
      case 'derive':
        line(progress.rowsDone === 0 ? 'recomputing derived sort keys…' : `derived sort keys in ${((Date.now() - phaseStarted) / 1000).toFixed(1)} s`, progress.rowsDone > 0);
        return;
      default: {
        const unreachable: never = progress.phase;
        throw new Error(`Unhandled phase ${String(unreachable)}`);
      }
    }
  };
}

/** A line of what was read or normalised: text on a terminal, a JSON line otherwise. */
function printLine(kind: 'read' | 'note', text: string): void {
  print(process.stdout.isTTY === true ? `${kind}: ${text}` : JSON.stringify({ [kind]: text }));
}

const rowsOf = (report: ImportReport) => [
  ...NODE_FILES.map((spec) => [spec.file, report.counts.nodes[spec.label] ?? 0] as const),
  ...RELATIONSHIP_FILES.map((spec) => [spec.file, report.counts.relationships[spec.type] ?? 0] as const),
];

function printReport(report: ImportReport, target: string): void {
  print(`\nWrote ${report.rows} rows into ${target} in ${report.batches} transactions:`);
  const files = rowsOf(report);
  const width = Math.max(...files.map(([file]) => file.length));
  for (const [file, count] of files) print(`  ${file.padEnd(width)} ${String(count).padStart(8)}`);
  const removed = [...Object.entries(report.swept.removed.nodes), ...Object.entries(report.swept.removed.relationships)];
  if (removed.length > 0) {
    print('Removed, being of the imported datasets but no longer in the input:');
    for (const [name, count] of removed) print(`  ${name.padEnd(width)} ${String(count).padStart(8)}`);
  }
  for (const [label, count] of Object.entries(report.swept.kept)) {
    print(`Kept ${count} ${label} node(s) no longer in the input: another dataset's relationships still use them`);
  }
  const seconds = report.durationMs / 1000;
  print(`duration ${seconds.toFixed(1)} s (${Math.round(report.rows / Math.max(seconds, 0.001))} rows/s), peak RSS ${(report.peakRssBytes / 2 ** 20).toFixed(0)} MiB`);
}

/** The dry run's table: per label and relationship type, what the import would do. */
function printDiff(diff: ImportDiff, target: string): void {
  print(`\nDry run against ${target}: nothing was written. Per label and relationship type:`);
  const rows = [
    ...NODE_FILES.map((spec) => [spec.label, diff.nodes[spec.label]] as const),
    ...RELATIONSHIP_FILES.map((spec) => [spec.type, diff.relationships[spec.type]] as const),
  ].filter(([, counts]) => counts !== undefined);
  const width = Math.max(20, ...rows.map(([name]) => name.length));
  const cell = (value: number | string) => String(value).padStart(10);
  print(`  ${'label / type'.padEnd(width)}${cell('created')}${cell('updated')}${cell('unchanged')}${cell('removed')}`);
  for (const [name, counts] of rows) {
    if (!counts) continue;
    print(`  ${name.padEnd(width)}${cell(counts.created)}${cell(counts.updated)}${cell(counts.unchanged)}${cell(counts.removed)}`);
  }
  print("  (removed: held by the imported datasets but no longer in the input; a node another dataset's relationship still uses is kept)");
}

/** The files to import: a coopgraph folder as it is, a keep.eu export converted against the graph. */
async function sourceOf(parsed: Arguments, executor: Executor): Promise<{ source: SeedFileSource; notes: string[] }> {
  const display = displayPath(parsed.input);
  if (parsed.format === 'keep-eu') {
    const prepared = await prepareKeepEu(executor, parsed.input, { dataset: parsed.dataset });
    for (const item of prepared.read) printLine('read', item);
    return { source: { ...prepared.source, display }, notes: prepared.notes };
  }
  return { source: { ...folderSource(parsed.input, await graphReferences(executor)), display }, notes: [] };
}

async function main(argv: readonly string[]): Promise<number> {
  const parsed = argumentsOrExitCode(argv, USAGE, parseArguments);
  if (typeof parsed === 'number') return parsed;
  const display = displayPath(parsed.input);
  const onProgress = progressPrinter();
  try {
    const config = loadConfig();
    // Without NEO4J_URI the project's own local Neo4j is started (or reused) and left running.
    const { uri } = await resolveNeo4j(config, print);
    const driver = createDriver({ uri, username: config.neo4j.username, password: config.neo4j.password, connectTimeoutMs: config.neo4j.connectTimeoutMs });
    const target = `${uri} (database ${config.neo4j.database})`;
    try {
      const executor = new Executor(driver, config.neo4j.database);
      // Uniqueness constraints first: they make every MERGE an index lookup.
      await migrate(executor);
      const { source, notes } = await sourceOf(parsed, executor);
      for (const note of notes) printLine('note', note);
      if (parsed.dryRun) {
        const { validation } = await validated(source, onProgress);
        const diff = await diffAgainstGraph(executor, validation);
        if (parsed.json) print(JSON.stringify({ dryRun: true, input: display, format: parsed.format, notes, ...diff }));
        else printDiff(diff, target);
        return 0;
      }
      const report = await importSeedFiles(executor, source, { batchSize: parsed.batchSize, onProgress });
      if (parsed.json) print(JSON.stringify({ ...report, input: display, format: parsed.format, notes }));
      else printReport(report, target);
      return 0;
    } finally {
      await driver.close();
    }
  } catch (error) {
    if (error instanceof KeepEuFormatError) {
      printError(error.message);
      return 1;
    }
    if (!(error instanceof SeedValidationError)) throw error;
    const listed = error.errorCount > error.errors.length ? ` (the first ${error.errors.length} listed)` : '';
    printError(`\n${error.errorCount} problem(s) in ${display}${listed}; nothing was written:`);
    for (const problem of error.errors) printError(`  ${formatSeedError(problem)}`);
    if (listed) printError(`  … and ${error.errorCount - error.errors.length} more; all ${error.errorCount} are listed in ${error.fullListFile ?? '(no file)'}`);
    return 1;
  }
}

runCommand(main);
