/**
 * Responsible for `npm run orgs:review`: the partner-record pairs the matcher kept apart but
 * found alike enough to ask a person about, with their evidence, best first. A reviewer
 * copies a pair into seed/organization-matches.csv with "same" or "different"
 * (`--csv` prints the pairs in that file's columns); the next import honours it.
 */
import { existsSync } from 'node:fs';
import { fromRoot } from '../../paths';
import { argumentsOrExitCode, runCommand } from '../../tools/run-command';
import { KEEP_EU_URL, REPOSITORY_CURATION, keepEuSeed } from '../keep-eu/keep-eu-seed';
import { csvField } from '../seed-tables';
import { formatSeedError } from '../validate';
import { CURATED_DECISION_COLUMNS } from './curated-decisions';
import { DEFAULT_THRESHOLDS, type CandidatePair } from './match-organizations';

const print = (line: string) => process.stdout.write(`${line}\n`);
const printError = (line: string) => process.stderr.write(`${line}\n`);

const DEFAULT_EXPORT = fromRoot('seed', 'keep-eu', 'keep_closed_1420.xlsx');
const DEFAULT_LIMIT = 50;

const USAGE = `Usage: npm run orgs:review -- [keep.eu export] [--limit N] [--min-score S] [--csv | --json]

  keep.eu export  the .xlsx, its ;-separated .csv files or a folder of them (default: the repository's
                  seed/keep-eu/keep_closed_1420.xlsx)
  --limit N       print at most N pairs, best first (default ${DEFAULT_LIMIT}; 0 = all)
  --min-score S   only pairs scoring at least S (default ${DEFAULT_THRESHOLDS.review}, the review floor;
                  pairs scoring ${DEFAULT_THRESHOLDS.merge} or more are merged without asking)
  --csv           print the pairs as rows of seed/organization-matches.csv, decision left empty
  --json          print the pairs as JSON`;

interface Arguments {
  input: string;
  limit: number;
  minScore: number;
  output: 'table' | 'csv' | 'json';
}

function parseArguments(argv: readonly string[]): Arguments | string[] {
  const problems: string[] = [];
  const inputs: string[] = [];
  let limit = DEFAULT_LIMIT;
  let minScore = DEFAULT_THRESHOLDS.review;
  let output: Arguments['output'] = 'table';
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    const [name, inline] = argument.includes('=') ? [argument.slice(0, argument.indexOf('=')), argument.slice(argument.indexOf('=') + 1)] : [argument, undefined];
    const value = () => inline ?? argv[++index];
    if (name === '--csv' || name === '--json') output = name === '--csv' ? 'csv' : 'json';
    else if (name === '--limit') {
      const text = value();
      if (text === undefined || !/^\d+$/.test(text)) problems.push(`--limit: expected a whole number, got ${text === undefined ? 'nothing' : `"${text}"`}`);
      else limit = Number(text);
    } else if (name === '--min-score') {
      const text = value();
      const score = Number(text);
      if (text === undefined || text.trim() === '' || !Number.isFinite(score) || score < 0 || score > 1) {
        problems.push(`--min-score: expected a number from 0 to 1, got ${text === undefined ? 'nothing' : `"${text}"`}`);
      } else minScore = score;
    } else if (name.startsWith('-')) problems.push(`unknown option ${argument}`);
    else inputs.push(argument);
  }
  if (inputs.length > 1) problems.push(`one export expected, got ${inputs.length}: ${inputs.join(' ')}`);
  const input = inputs[0] ?? DEFAULT_EXPORT;
  if (!existsSync(input)) problems.push(`${input}: no such file or folder`);
  return problems.length > 0 ? problems : { input, limit, minScore, output };
}

async function main(argv: readonly string[]): Promise<number> {
  const parsed = argumentsOrExitCode(argv, USAGE, parseArguments);
  if (typeof parsed === 'number') return parsed;
  // Matching needs nothing from the graph: the regions the export names are not looked up.
  const seed = await keepEuSeed(parsed.input, { source: 'keep-eu', sourceUrl: KEEP_EU_URL, knownRegions: new Set(), ...REPOSITORY_CURATION });
  if (seed.problems.length > 0) {
    printError(`${seed.problems.length} problem(s) in ${parsed.input}:`);
    for (const problem of seed.problems) printError(`  ${formatSeedError(problem)}`);
    return 1;
  }
  const matching = seed.organizationMatching;
  const pairs = (matching?.review ?? []).filter((pair) => pair.score >= parsed.minScore);
  const shown = parsed.limit === 0 ? pairs : pairs.slice(0, parsed.limit);
  if (parsed.output === 'json') {
    print(JSON.stringify({ input: parsed.input, thresholds: DEFAULT_THRESHOLDS, total: pairs.length, pairs: shown }, null, 2));
    return 0;
  }
  if (parsed.output === 'csv') {
    print(CURATED_DECISION_COLUMNS.join(','));
    for (const pair of shown) print([pair.a.name, pair.a.countryCode, pair.b.name, pair.b.countryCode, '', `score ${pair.score}: ${pair.reasons.join('; ')}`].map(csvField).join(','));
    return 0;
  }
  const organizations = matching?.groups.length ?? 0;
  const records = matching?.groups.reduce((sum, group) => sum + group.members.length, 0) ?? 0;
  print(`${records} partner records matched to ${organizations} organizations (merged at score ≥ ${DEFAULT_THRESHOLDS.merge}).`);
  print(`${pairs.length} pair(s) kept apart with score ≥ ${parsed.minScore}${shown.length < pairs.length ? `; the best ${shown.length} shown` : ''}:\n`);
  shown.forEach((pair, index) => print(describe(pair, index + 1)));
  if (matching && matching.unusedDecisions.length > 0) {
    print(`${matching.unusedDecisions.length} curated decision(s) name records this export does not have (another dataset's names, or an older export's).`);
  }
  print('Decide a pair by adding it to seed/organization-matches.csv with "same" or "different" (--csv prints ready rows).');
  return 0;
}

function describe(pair: CandidatePair, number: number): string {
  const side = (record: CandidatePair['a']) =>
    `"${record.name}" (${record.countryCode}${record.town ? `, ${record.town}` : ''}; ${record.rows} row${record.rows === 1 ? '' : 's'}${record.domains.length > 0 ? `; ${record.domains.join(', ')}` : ''})`;
  return [`${String(number).padStart(3)}. score ${pair.score.toFixed(2)}`, `     ${side(pair.a)}`, `     ${side(pair.b)}`, `     ${pair.reasons.join('; ')}`, ''].join('\n');
}

runCommand(main);
