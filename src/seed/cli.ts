/**
 * Responsible for the import command: `node dist/src/seed/cli.js [folder] [--dry-run]
 * [--batch-size N]` (`npm run import`, and `npm run seed` for the committed seed/).
 * Validates every file first (exit 1 listing all errors), then imports in batches with
 * progress lines, and ends with the counts, the duration and the peak memory.
 */
import path from 'node:path';
import { loadConfig } from '../config';
import { resolveNeo4j } from '../neo4j/connect';
import { createDriver } from '../neo4j/driver';
import { Executor } from '../neo4j/executor';
import { migrate } from '../neo4j/migrations';
import { fromRoot } from '../paths';
import { type ImportProgress, type ImportReport, DEFAULT_BATCH_SIZE, dryRunImport, importFolder } from './import';
import { NODE_FILES, RELATIONSHIP_FILES } from './seed-files';
import { SeedValidationError, formatSeedError } from './validate';

// A command-line tool reports to the terminal, not to the JSON log.
const print = (line: string) => process.stdout.write(`${line}\n`);
const printError = (line: string) => process.stderr.write(`${line}\n`);

const USAGE = `Usage: npm run import -- [folder] [--dry-run] [--batch-size N]

  folder          seed folder with nodes/*.csv and relationships/*.csv (default: seed/)
  --dry-run       validate and report what would be written; Neo4j is not contacted
  --batch-size N  rows per write transaction (default ${DEFAULT_BATCH_SIZE})

Without NEO4J_URI the project's local Neo4j is started (or reused) on NEO4J_LOCAL_PORT.`;

interface Arguments {
  folder: string;
  dryRun: boolean;
  batchSize: number;
}

/** Parses the arguments, or returns every problem with them. */
function parseArguments(argv: readonly string[]): Arguments | string[] {
  const problems: string[] = [];
  const folders: string[] = [];
  let dryRun = false;
  let batchSize = DEFAULT_BATCH_SIZE;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (argument === '--dry-run') dryRun = true;
    else if (argument === '--batch-size' || argument.startsWith('--batch-size=')) {
      const text = argument.includes('=') ? argument.slice(argument.indexOf('=') + 1) : argv[++index];
      const value = Number(text);
      if (text === undefined || !/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < 1) {
        problems.push(`--batch-size: expected a positive integer, got ${text === undefined ? 'nothing' : `"${text}"`}`);
      } else batchSize = value;
    } else if (argument.startsWith('-')) problems.push(`unknown option ${argument}`);
    else folders.push(argument);
  }
  if (folders.length > 1) problems.push(`one folder expected, got ${folders.length}: ${folders.join(' ')}`);
  if (problems.length > 0) return problems;
  return { folder: folders[0] ?? fromRoot('seed'), dryRun, batchSize };
}

/** Names the folder as the user would type it: relative when under the working directory. */
function displayPath(directory: string): string {
  const relative = path.relative(process.cwd(), path.resolve(directory));
  return relative === '' ? '.' : relative.startsWith('..') ? path.resolve(directory) : relative;
}

/** Prints one line per batch: file, rows done of the file's total, and the rate since the phase began. */
function progressPrinter(): (progress: ImportProgress) => void {
  let phaseStarted = Date.now();
  let phase = '';
  let file: string | undefined;
  let fileStarted = Date.now();
  let lastEvent = Date.now();
  return (progress) => {
    // A file's first batch began when the previous event (of another file) was reported.
    if (progress.phase !== phase) {
      phase = progress.phase;
      phaseStarted = lastEvent;
    }
    if (progress.file !== file) {
      file = progress.file;
      fileStarted = lastEvent;
    }
    lastEvent = Date.now();
    const seconds = Math.max((Date.now() - fileStarted) / 1000, 0.001);
    switch (progress.phase) {
      case 'validate':
        print(`validated ${progress.rowsTotal} rows`);
        return;
      case 'write':
      case 'undo': {
        const rate = Math.round(progress.rowsDone / seconds);
        const label = progress.phase === 'undo' ? 'undo ' : '';
        print(`${label}${progress.file ?? ''}  ${progress.rowsDone}/${progress.rowsTotal} rows  ${rate} rows/s`);
        return;
      }
      case 'derive':
        print(progress.rowsDone === 0 ? 'recomputing derived sort keys…' : `derived sort keys in ${((Date.now() - phaseStarted) / 1000).toFixed(1)} s`);
        return;
      default: {
        const unreachable: never = progress.phase;
        throw new Error(`Unhandled phase ${String(unreachable)}`);
      }
    }
  };
}

function printReport(report: ImportReport, target: string): void {
  const verb = report.dryRun ? 'Would write' : 'Wrote';
  print(`\n${verb} ${report.rows} rows ${report.dryRun ? '(dry run: nothing written)' : `into ${target} in ${report.batches} transactions`}:`);
  const files = [
    ...NODE_FILES.map((spec) => [spec.file, report.counts.nodes[spec.label] ?? 0] as const),
    ...RELATIONSHIP_FILES.map((spec) => [spec.file, report.counts.relationships[spec.type] ?? 0] as const),
  ];
  const width = Math.max(...files.map(([file]) => file.length));
  for (const [file, count] of files) print(`  ${file.padEnd(width)} ${String(count).padStart(8)}`);
  const seconds = report.durationMs / 1000;
  print(`duration ${seconds.toFixed(1)} s (${Math.round(report.rows / Math.max(seconds, 0.001))} rows/s), peak RSS ${(report.peakRssBytes / 2 ** 20).toFixed(0)} MiB`);
}

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseArguments(argv);
  if (Array.isArray(parsed)) {
    for (const problem of parsed) printError(problem);
    printError(`\n${USAGE}`);
    return 2;
  }
  const folder = displayPath(parsed.folder);
  const onProgress = progressPrinter();
  try {
    if (parsed.dryRun) {
      printReport(await dryRunImport(folder, { onProgress }), '');
      return 0;
    }
    const config = loadConfig();
    // Without NEO4J_URI the project's own local Neo4j is started (or reused) and left running.
    const { uri } = await resolveNeo4j(config, print);
    const driver = createDriver({ uri, username: config.neo4j.username, password: config.neo4j.password, connectTimeoutMs: config.neo4j.connectTimeoutMs });
    try {
      const executor = new Executor(driver, config.neo4j.database);
      // Uniqueness constraints first: they make every MERGE an index lookup.
      await migrate(executor);
      const report = await importFolder(executor, folder, { batchSize: parsed.batchSize, onProgress });
      printReport(report, `${uri} (database ${config.neo4j.database})`);
      return 0;
    } finally {
      await driver.close();
    }
  } catch (error) {
    if (!(error instanceof SeedValidationError)) throw error;
    printError(`\n${error.errors.length} validation error(s) in ${folder}; nothing was written:`);
    for (const problem of error.errors) printError(`  ${formatSeedError(problem)}`);
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    printError(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  },
);
