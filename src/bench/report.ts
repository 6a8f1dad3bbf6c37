/**
 * Responsible for presenting a benchmark run: the Markdown table (operations × sides,
 * ratios), the machine and load figures, every problem listed loudly, and the JSON and
 * Markdown files under bench-results/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BenchResult, SideFigures } from './run';
import { NOT_AVAILABLE, SIDES } from './operations';

const mib = (bytes: number | undefined) => (bytes === undefined || Number.isNaN(bytes) ? '-' : `${(bytes / 2 ** 20).toFixed(0)} MiB`);
const ms = (value: number | undefined) => (value === undefined ? '-' : value < 10 ? value.toFixed(2) : value.toFixed(1));
const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined || b === 0 ? '-' : `${(a / b).toFixed(2)}×`);

function latencyCell(side: SideFigures): string {
  if (side.error) return 'ERROR';
  if (!side.latency) return '-';
  const { p50, p95, p99 } = side.latency;
  return `${ms(p50)} / ${ms(p95)} / ${ms(p99)}${side.mismatch ? ' ≠' : ''}`;
}

const count = (side: SideFigures, field: 'statements' | 'dbHits') => (side.error ? 'ERR' : String(side[field] ?? '-'));

/** The run as Markdown: results table, then load, machine and problems. */
export function toMarkdown(result: BenchResult): string {
  const lines: string[] = [];
  const { machine, load, options } = result;
  lines.push(`### Benchmark at ${result.scale.toLocaleString('en')} projects (${result.startedAt.slice(0, 16).replace('T', ' ')} UTC)`);
  lines.push('');
  lines.push(
    `Latency: p50 / p95 / p99 in ms of ${options.requests} sequential requests per side (after ${options.warmup} warm-up), sides alternating; ` +
      `throughput: requests/s at ${options.connections} connections for ${options.throughputSeconds} s. ≠ marks an answer that differs from the floor.`,
  );
  lines.push('');
  lines.push(
    '| op | coopgraph | peer | floor | coopgraph/floor p50 | req/s coopgraph | req/s peer | req/s floor | coopgraph/peer req/s | statements c / p / f | db hits c / p / f |',
  );
  lines.push('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const operation of result.operations) {
    const { coopgraph, peer, floor } = operation.sides;
    const rate = (side: SideFigures) => {
      const value = side.throughput?.requestsPerSecond;
      return value === undefined ? '-' : value.toFixed(value < 10 ? 1 : 0);
    };
    lines.push(
      `| ${operation.key} ${operation.title} | ${latencyCell(coopgraph)} | ${latencyCell(peer)} | ${latencyCell(floor)} | ` +
        `${ratio(coopgraph.latency?.p50, floor.latency?.p50)} | ${rate(coopgraph)} | ${rate(peer)} | ${rate(floor)} | ` +
        `${ratio(coopgraph.throughput?.requestsPerSecond, peer.throughput?.requestsPerSecond)} | ` +
        `${SIDES.map((side) => count(operation.sides[side], 'statements')).join(' / ')} | ` +
        `${SIDES.map((side) => count(operation.sides[side], 'dbHits')).join(' / ')} |`,
    );
  }
  for (const missing of NOT_AVAILABLE) lines.push(`| ${missing.key} ${missing.title} | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a |`);
  lines.push('');
  const rows = Object.values(result.graph.rows).reduce((a, b) => a + b, 0);
  lines.push(
    load
      ? `Load (${load.loader}): ${load.rows.toLocaleString('en')} rows in ${(load.durationMs / 1000).toFixed(1)} s, peak RSS ${mib(load.peakRssBytes)}; ` +
          `emptying ${(load.emptyMs / 1000).toFixed(1)} s, migrations ${(load.migrateMs / 1000).toFixed(1)} s.`
      : `Load: skipped (--skip-load); the folder holds ${rows.toLocaleString('en')} rows.`,
  );
  lines.push(
    `Graph: ${result.graph.rows['nodes/projects.csv']} projects, ${result.graph.rows['nodes/organizations.csv']} organizations, ` +
      `${result.graph.rows['relationships/PARTICIPATES_IN.csv']} participations, ${result.graph.rows['nodes/clusters.csv']} clusters; ` +
      `h uses ${result.setup.organizationId} (${result.setup.organizationParticipations} participations); c searches "${result.setup.textWord}".`,
  );
  lines.push(
    `API memory after the run: coopgraph RSS ${mib(result.memory.coopgraph?.rssBytes)} (peak ${mib(result.memory.coopgraph?.peakRssBytes)}), ` +
      `peer RSS ${mib(result.memory.peer?.rssBytes)} (peak ${mib(result.memory.peer?.peakRssBytes)}).`,
  );
  lines.push(
    `Machine: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.java}, ${machine.neo4j}; ` +
      `run took ${(result.durationMs / 1000).toFixed(0)} s.`,
  );
  for (const note of result.setup.notes) lines.push(`Note: ${note}.`);
  if (result.problems.length > 0) {
    lines.push('');
    lines.push(`**${result.problems.length} problem(s): answers that differ from the floor or sides that failed:**`);
    for (const problem of result.problems) lines.push(`- ${problem}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Writes bench-results/<scale>.json and <scale>.md; returns their paths. */
export function writeResults(result: BenchResult, resultsDir: string): { json: string; markdown: string } {
  fs.mkdirSync(resultsDir, { recursive: true });
  // A partial run (--only) gets its own files, so it never overwrites the figures of a full one.
  const keys = result.operations.map((operation) => operation.key).join('');
  const name = result.partial ? `${result.scale}-only-${keys}` : String(result.scale);
  const json = path.join(resultsDir, `${name}.json`);
  const markdown = path.join(resultsDir, `${name}.md`);
  fs.writeFileSync(json, `${JSON.stringify(result, null, 2)}\n`);
  fs.writeFileSync(markdown, toMarkdown(result));
  return { json, markdown };
}
