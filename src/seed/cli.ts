/**
 * Responsible for the seed command: `node dist/src/seed/cli.js [seedDir]`. Validates
 * every file first (exit 1 listing all errors), then loads them in one transaction.
 */
import { refreshDerived } from '../neo4j/derived';
import path from 'node:path';
import { loadConfig } from '../config';
import { fromRoot } from '../paths';
import { resolveNeo4j } from '../neo4j/connect';
import { createDriver } from '../neo4j/driver';
import { Executor } from '../neo4j/executor';
import { migrate } from '../neo4j/migrations';
import { writeSeed } from './load';
import { formatSeedError, validateSeedDir } from './validate';

// A command-line tool reports to the terminal, not to the JSON log.
const print = (line: string) => process.stdout.write(`${line}\n`);
const printError = (line: string) => process.stderr.write(`${line}\n`);

/** Names the seed folder as the user would type it: relative when under the working directory. */
function displayPath(directory: string): string {
  const relative = path.relative(process.cwd(), directory);
  return relative === '' ? '.' : relative.startsWith('..') ? directory : relative;
}

async function main(argv: readonly string[]): Promise<number> {
  const seedDir = path.resolve(argv[0] ?? fromRoot('seed'));
  const validation = validateSeedDir(seedDir, displayPath(seedDir));
  const width = Math.max(...validation.files.map((summary) => summary.file.length));
  for (const summary of validation.files) {
    print(`${summary.file.padEnd(width)} ${String(summary.rows).padStart(6)} rows`);
  }
  if (validation.errors.length > 0) {
    printError(`\n${validation.errors.length} validation error(s); nothing was written:`);
    for (const error of validation.errors) printError(`  ${formatSeedError(error)}`);
    return 1;
  }

  const config = loadConfig();
  // Without NEO4J_URI the project's own local Neo4j is started (or reused) and left running.
  const { uri } = await resolveNeo4j(config, print);
  const driver = createDriver({ uri, username: config.neo4j.username, password: config.neo4j.password });
  try {
    const executor = new Executor(driver, config.neo4j.database);
    // Uniqueness constraints first: they make every MERGE an index lookup.
    await migrate(executor);
    const counts = await writeSeed(executor, validation.data);
    await refreshDerived(executor);
    print(`\nLoaded ${seedDir} into ${uri} (database ${config.neo4j.database}):`);
    for (const [name, count] of [...Object.entries(counts.nodes), ...Object.entries(counts.relationships)]) {
      print(`  ${name.padEnd(22)} ${String(count).padStart(6)}`);
    }
    return 0;
  } finally {
    await driver.close();
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
