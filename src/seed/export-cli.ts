/**
 * Responsible for the export command: `node dist/src/seed/export-cli.js <folder> [--dataset
 * NAME] [--programme ID] [--region ID]` (`npm run export`). Writes the graph, one dataset of
 * it, or the self-consistent subset of a programme or region, in the coopgraph format.
 */
import { existsSync, readdirSync } from 'node:fs';
import { loadConfig } from '../config';
import { resolveNeo4j } from '../neo4j/connect';
import { createDriver } from '../neo4j/driver';
import { Executor } from '../neo4j/executor';
import { exportGraph } from './export';
import { DATASET_ID } from './seed-files';
import { runCommand } from '../tools/run-command';

const print = (line: string) => process.stdout.write(`${line}\n`);
const printError = (line: string) => process.stderr.write(`${line}\n`);

const USAGE = `Usage: npm run export -- <folder> [--dataset NAME | [--programme ID] [--region ID]]

  folder          where nodes/*.csv and relationships/*.csv are written (new or empty)
  --dataset NAME  only the nodes and relationships of this dataset, and its row in datasets.csv
  --programme ID  only the programme's projects and what they reach (partners, programmes,
                  themes, clusters, regions up to their country, the datasets they cite)
  --region ID     only the projects located in the region or its sub-regions, and what they
                  reach; with --programme, the programme's projects in the region

Without NEO4J_URI the project's local Neo4j is started (or reused) on NEO4J_LOCAL_PORT.`;

async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    print(USAGE);
    return 0;
  }
  const problems: string[] = [];
  const folders: string[] = [];
  let dataset: string | undefined;
  const scope: { programme?: string; region?: string } = {};
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    const option = /^--(dataset|programme|region)(=.*)?$/.exec(argument);
    if (option) {
      const value = option[2] !== undefined ? option[2].slice(1) : argv[++index];
      if (option[1] === 'dataset') {
        if (value !== undefined && DATASET_ID.test(value)) dataset = value;
        else problems.push(`--dataset: expected a dataset id, got ${value === undefined ? 'nothing' : `"${value}"`}`);
      } else if (value === undefined || value === '' || value.startsWith('--')) problems.push(`--${option[1]}: expected an id, got ${value ? `"${value}"` : 'nothing'}`);
      else scope[option[1] as 'programme' | 'region'] = value;
    } else if (argument.startsWith('-')) problems.push(`unknown option ${argument}`);
    else folders.push(argument);
  }
  // A dataset's rows may name nodes of other datasets, and a scope's rows come from many: the two do not combine.
  if (dataset && (scope.programme || scope.region)) problems.push('--dataset cannot be combined with --programme or --region');
  if (folders.length !== 1) problems.push(`one folder expected, got ${folders.length}`);
  const folder = folders[0];
  if (folder && existsSync(folder) && readdirSync(folder).length > 0) problems.push(`${folder} is not empty: export writes into a new or empty folder`);
  if (problems.length > 0) {
    for (const problem of problems) printError(problem);
    printError(`\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  const { uri } = await resolveNeo4j(config, print);
  const driver = createDriver({ uri, username: config.neo4j.username, password: config.neo4j.password, connectTimeoutMs: config.neo4j.connectTimeoutMs });
  try {
    const report = await exportGraph(new Executor(driver, config.neo4j.database), folder, {
      dataset,
      ...scope,
      onProgress: (file, rows) => print(`${file}  ${rows} rows`),
    });
    const total = Object.values(report.rows).reduce((sum, rows) => sum + rows, 0);
    print(`\nWrote ${total} rows into ${folder} in ${(report.durationMs / 1000).toFixed(1)} s`);
    return 0;
  } finally {
    await driver.close();
  }
}

runCommand(main);
