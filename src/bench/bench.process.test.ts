/**
 * Smoke run of the benchmark at 1,000 projects, so it cannot rot: the whole pipeline
 * (generate, load, three sides, answer check, timings, profiles) on its own Neo4j
 * (port 7694, src/neo4j/local/run-bench-test) and ports 4110/4111, so it leaves the bench's
 * graph alone and can run beside `npm run bench`. Process tier: it builds dist/ and starts
 * child processes.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromRoot } from '../paths';
import { OPERATIONS, SIDES } from './operations';
import { toMarkdown } from './report';
import { defaultOptions, runBench, type BenchResult } from './run';

const SCALE = 1000;

describe('benchmark smoke run (1,000 projects)', () => {
  let result: BenchResult;
  const lines: string[] = [];
  const resultsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-smoke-'));

  beforeAll(async () => {
    // The API and the peer run from dist/, as `npm run bench` runs them.
    execFileSync(process.execPath, [fromRoot('node_modules', 'typescript', 'bin', 'tsc'), '-p', fromRoot('tsconfig.json')], { stdio: 'inherit' });
    result = await runBench({
      ...defaultOptions(SCALE, (line) => lines.push(line)),
      requests: 3,
      warmup: 1,
      throughputSeconds: 2,
      resultsDir,
      // A Neo4j and ports of its own: the smoke run empties its database, and a user's loaded
      // 100k bench graph (src/neo4j/local/run-bench) must survive `npm test`.
      neo4jDir: fromRoot('src', 'neo4j', 'local', 'run-bench-test'),
      neo4jPort: 7694,
      apiPort: 4110,
      peerPort: 4111,
    });
  }, 900_000);

  afterAll(() => fs.rmSync(resultsDir, { recursive: true, force: true }));

  it('gets the same answer from coopgraph, the peer and the floor for every operation', () => {
    // Listed in full so a failure names the operation, the side and the first difference.
    // With the setup's notes, so a missing cursor says why it is missing.
    expect({ problems: result.problems, notes: result.problems.length > 0 ? result.setup.notes : [] }).toEqual({ problems: [], notes: [] });
  });

  it('times, profiles and counts the statements of every side of every operation', () => {
    expect(result.operations.map((operation) => operation.key)).toEqual(OPERATIONS.map((operation) => operation.key));
    for (const operation of result.operations) {
      for (const side of SIDES) {
        const figures = operation.sides[side];
        expect({ operation: operation.key, side, samples: figures.latency?.samples }).toEqual({ operation: operation.key, side, samples: 3 });
        // A slow side may finish no request within the short window; it must still not fail any.
        expect(figures.throughput?.failures).toBe(0);
        expect(figures.dbHits).toBeGreaterThan(0);
        expect(figures.statements).toBeGreaterThanOrEqual(1);
      }
      expect(operation.sides.floor.statements).toBe(1);
    }
  });

  it('measures on the generated graph: the busiest organization and the project count it wrote', () => {
    expect(result.setup.organizationId).toBe(result.graph.busiestOrganization.id);
    expect(result.setup.organizationParticipations).toBe(result.graph.busiestOrganization.participations);
    const firstPage = result.operations.find((operation) => operation.key === 'a')!;
    expect(firstPage.sides.floor.error).toBeUndefined();
    expect(result.graph.rows['nodes/projects.csv']).toBe(SCALE);
    expect(result.load?.rows).toBe(Object.values(result.graph.rows).reduce((a, b) => a + b, 0));
  });

  it('renders the table with every operation, the n/a row and the machine', () => {
    const markdown = toMarkdown(result);
    for (const key of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'j', 'k']) expect(markdown).toMatch(new RegExp(`^\\| ${key} `, 'm'));
    expect(markdown).toMatch(/^\| i facet counts .* n\/a/m);
    expect(markdown).toContain(`Machine: ${os.cpus().length} cores`);
  });
});
