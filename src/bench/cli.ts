/**
 * Responsible for `npm run bench -- --scale 10000`: parses the options, runs the
 * benchmark, writes bench-results/<scale>.json and .md, and prints the table.
 * Exit code 1 when any side failed or any answer differed from the floor.
 */
import { parseArgs } from 'node:util';
import { toMarkdown, writeResults } from './report';
import { OPERATIONS } from './operations';
import { defaultOptions, runBench, type BenchOptions } from './run';

const USAGE = `Usage: npm run bench -- --scale <1000|10000|100000> [--requests 100] [--warmup 10]
       [--throughput-seconds 5] [--connections 10] [--skip-load] [--only a,c,g]`;

function positiveInteger(name: string, raw: string | undefined, fallback: number, problems: string[], min = 1): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    problems.push(`--${name} must be a whole number of at least ${min} (got "${raw}")`);
    return fallback;
  }
  return value;
}

function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      scale: { type: 'string' },
      requests: { type: 'string' },
      warmup: { type: 'string' },
      'throughput-seconds': { type: 'string' },
      connections: { type: 'string' },
      'skip-load': { type: 'boolean', default: false },
      only: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const problems: string[] = [];
  if (values.scale === undefined) problems.push('--scale is required');
  const scale = positiveInteger('scale', values.scale, 1000, problems, 100);
  const defaults = defaultOptions(scale, (line) => console.log(line));
  const options: BenchOptions = {
    ...defaults,
    requests: positiveInteger('requests', values.requests, defaults.requests, problems),
    warmup: positiveInteger('warmup', values.warmup, defaults.warmup, problems, 0),
    throughputSeconds: positiveInteger('throughput-seconds', values['throughput-seconds'], defaults.throughputSeconds, problems, 0),
    connections: positiveInteger('connections', values.connections, defaults.connections, problems),
    skipLoad: values['skip-load'] ?? false,
  };
  if (values.only !== undefined) {
    const keys = values.only.split(',').map((key) => key.trim()).filter((key) => key !== '');
    const known = OPERATIONS.map((operation) => operation.key);
    const unknown = keys.filter((key) => !known.includes(key));
    if (keys.length === 0 || unknown.length > 0) {
      problems.push(`--only takes operation keys from ${known.join(',')} (got "${values.only}")`);
    } else {
      options.only = keys;
    }
  }
  if (problems.length > 0) {
    console.error(`Invalid options:\n  - ${problems.join('\n  - ')}\n${USAGE}`);
    process.exit(2);
  }
  return options;
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const result = await runBench(options);
  const files = writeResults(result, options.resultsDir);
  console.log(`\n${toMarkdown(result)}`);
  console.log(`Written: ${files.json}, ${files.markdown}`);
  if (result.problems.length > 0) {
    console.error(`\n${result.problems.length} PROBLEM(S): see the list above; the sides do not all agree.`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  },
);
