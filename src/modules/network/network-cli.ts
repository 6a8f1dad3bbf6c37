/**
 * Responsible for the network command (`npm run network`): organizations, regions or projects
 * linked by shared projects (or shared organizations), written as GraphML or as the CSV node
 * and edge tables graph tools open.
 */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../config';
import { resolveNeo4j } from '../../neo4j/connect';
import { createDriver } from '../../neo4j/driver';
import { Executor } from '../../neo4j/executor';
import { REGION_LEVELS } from '../../seed/seed-files';
import { runCommand } from '../../tools/run-command';
import { edgesCsv, nodesCsv, toGraphml } from './network.format';
import { type NetworkOption, parseNetworkOptions } from './network.options';
import { DEFAULT_NETWORK_LIMITS } from './network.type';
import { NetworkRepository } from './network.repository';

const print = (line: string) => process.stdout.write(`${line}\n`);
const printError = (line: string) => process.stderr.write(`${line}\n`);

const USAGE = `Usage: npm run network -- <out> --nodes organizations|regions|projects [options]

  out              a .graphml file (overwritten), or for --format csv a new or empty folder
                   that gets nodes.csv and edges.csv
  --nodes KIND     organizations: linked by the projects they share (weight: shared projects)
                   regions: regions of --level linked by projects with partners in both
                   projects: linked by the organizations they share (weight: shared organizations)
  --format F       graphml or csv (default: graphml for a path ending in .graphml or .xml, else csv)
  --programme ID   only projects of this programme
  --region ID      only projects located in this region or its sub-regions
  --theme ID       only projects addressing this thematic area
  --dataset ID     only projects whose row comes from this dataset
  --min-weight N   leave out edges lighter than N (default 1; nodes stay)
  --level L        regions only: ${REGION_LEVELS.join(', ')} (default country)
  --max-nodes N    refuse a network of more nodes (default ${DEFAULT_NETWORK_LIMITS.maxNodes})
  --max-edges N    refuse a network of more edges (default ${DEFAULT_NETWORK_LIMITS.maxEdges})

Without NEO4J_URI the project's local Neo4j is started (or reused) on NEO4J_LOCAL_PORT.`;

const CLI_NAMES: Record<NetworkOption, string> = {
  nodes: '--nodes',
  format: '--format',
  table: '--table',
  programme: '--programme',
  region: '--region',
  theme: '--theme',
  dataset: '--dataset',
  minWeight: '--min-weight',
  level: '--level',
  maxNodes: '--max-nodes',
  maxEdges: '--max-edges',
};
const OPTION_OF = new Map(Object.entries(CLI_NAMES).map(([option, name]) => [name, option as NetworkOption]));

async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    print(USAGE);
    return 0;
  }
  const problems: string[] = [];
  const outs: string[] = [];
  const values: Partial<Record<NetworkOption, string>> = {};
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    const [name, inline] = argument.startsWith('--') && argument.includes('=') ? [argument.slice(0, argument.indexOf('=')), argument.slice(argument.indexOf('=') + 1)] : [argument, undefined];
    const option = OPTION_OF.get(name);
    if (option && option !== 'table') {
      const value = inline ?? argv[++index];
      if (value === undefined || value.startsWith('--')) problems.push(`${name}: expected a value, got nothing`);
      else values[option] = value;
    } else if (argument.startsWith('-')) problems.push(`unknown option ${argument}`);
    else outs.push(argument);
  }
  if (outs.length !== 1) problems.push(`one output file or folder expected, got ${outs.length}`);
  const out = outs[0] ?? '';
  const parsed = parseNetworkOptions(values, (option) => CLI_NAMES[option], {
    format: /\.(graphml|xml)$/i.test(out) ? 'graphml' : 'csv',
    raisableLimits: true,
  });
  problems.push(...parsed.problems.map((problem) => problem.message));
  if (parsed.options?.format === 'csv' && out && existsSync(out) && (!statSync(out).isDirectory() || readdirSync(out).length > 0)) {
    problems.push(`${out} is not a new or empty folder: the csv format writes nodes.csv and edges.csv into one`);
  }
  if (problems.length > 0 || !parsed.options) {
    for (const problem of problems) printError(problem);
    printError(`\n${USAGE}`);
    return 2;
  }
  const { request, format } = parsed.options;
  const config = loadConfig();
  const { uri } = await resolveNeo4j(config, print);
  const driver = createDriver({ uri, username: config.neo4j.username, password: config.neo4j.password, connectTimeoutMs: config.neo4j.connectTimeoutMs });
  try {
    const started = Date.now();
    const network = await new NetworkRepository(new Executor(driver, config.neo4j.database)).network(request);
    if (format === 'graphml') {
      mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
      writeFileSync(out, toGraphml(network));
    } else {
      mkdirSync(out, { recursive: true });
      writeFileSync(path.join(out, 'nodes.csv'), nodesCsv(network));
      writeFileSync(path.join(out, 'edges.csv'), edgesCsv(network));
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    print(`Wrote ${network.nodeList.length} nodes and ${network.edgeList.length} edges (from ${network.projectCount} projects) into ${out} in ${seconds} s`);
    return 0;
  } finally {
    await driver.close();
  }
}

runCommand(main);
