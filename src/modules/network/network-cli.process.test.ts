/**
 * The network and export commands as a person runs them, against the seeded test Neo4j
 * (read-only): files written, exit codes, and what they say on a mistake. Expected edges
 * come from the seed rows (testing/expected-networks.ts).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { fromRoot } from '../../paths';
import { expectedOrganizations, expectedRegions, normalEdges } from '../../testing/expected-networks';
import { readGraphml } from '../../testing/graphml';
import { testConnection } from '../../testing/test-database';

const run = (command: string, args: string[]) => {
  const connection = testConnection();
  return spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', fromRoot('src', ...command.split('/')), ...args], {
    cwd: fromRoot(),
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NEO4J_URI: connection.uri, NEO4J_USERNAME: connection.username, NEO4J_PASSWORD: connection.password, NEO4J_DATABASE: connection.database },
    encoding: 'utf8',
    timeout: 120_000,
  });
};
const network = (args: string[]) => run('modules/network/network-cli.ts', args);

let folder: string;
beforeAll(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'coopgraph-network-cli-'));
});
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

describe('npm run network', () => {
  it('writes GraphML with the seed’s weights', () => {
    const out = path.join(folder, 'kolarctic.graphml');
    const result = network([out, '--nodes', 'organizations', '--programme', 'kolarctic-2014-2020']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const expected = expectedOrganizations({ programmeId: 'kolarctic-2014-2020' });
    expect(result.stdout).toContain(`Wrote ${expected.nodes.length} nodes and ${expected.edges.length} edges (from 20 projects) into ${out}`);
    const document = readGraphml(fs.readFileSync(out, 'utf8'));
    const edges = document.edges.map((edge) => ({ source: edge.source, target: edge.target, weight: Number(edge.data.weight), programmeCount: Number(edge.data.programmeCount) }));
    expect(normalEdges(edges)).toEqual(normalEdges(expected.edges));
  });

  it('writes nodes.csv and edges.csv into a folder', () => {
    const out = path.join(folder, 'de-nuts2');
    const result = network([out, '--nodes', 'regions', '--level', 'NUTS2', '--region', 'DE', '--min-weight', '2']);
    expect(result.status).toBe(0);
    const expected = expectedRegions({ regionId: 'DE' }, 'NUTS2');
    const rows = parse(fs.readFileSync(path.join(out, 'edges.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(normalEdges(rows.map((row) => ({ source: row.Source, target: row.Target, weight: Number(row.Weight), programmeCount: Number(row.programmeCount) })))).toEqual(
      normalEdges(expected.edges.filter((edge) => edge.weight >= 2)),
    );
    const nodes = parse(fs.readFileSync(path.join(out, 'nodes.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(nodes.map((row) => row.Id).sort()).toEqual(expected.nodes.map((node) => node.id).sort());
  });

  it('exits 2 listing every bad option, and 1 naming an unknown id or a bound', () => {
    const bad = network([path.join(folder, 'x.graphml'), '--nodes', 'people', '--min-weight', '0', '--colour', 'red']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('unknown option --colour');
    expect(bad.stderr).toContain('--nodes: expected one of organizations, regions, projects, got "people"');
    expect(bad.stderr).toContain('--min-weight: expected a whole number of at least 1, got "0"');

    const unknown = network([path.join(folder, 'x.graphml'), '--nodes', 'projects', '--programme', 'no-such-programme']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr.trim()).toBe('No programme with id "no-such-programme" (programme)');

    const tooLarge = network([path.join(folder, 'x.graphml'), '--nodes', 'organizations', '--max-edges', '100']);
    expect(tooLarge.status).toBe(1);
    expect(tooLarge.stderr.trim()).toBe('Network edge count exceeds the limit of 100 (narrow the filters or raise the minimum weight)');
    expect(fs.existsSync(path.join(folder, 'x.graphml'))).toBe(false);
  });
});

describe('npm run export --programme / --region', () => {
  it('exits 1 naming an unknown id, and writes nothing', () => {
    const out = path.join(folder, 'export-unknown');
    const result = run('seed/export-cli.ts', [out, '--region', 'XX-NOWHERE']);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe('No region with id "XX-NOWHERE" in the graph');
    expect(fs.existsSync(out)).toBe(false);
  });

  it('writes the subset of a programme', () => {
    const out = path.join(folder, 'export-kolarctic');
    const result = run('seed/export-cli.ts', [out, '--programme', 'kolarctic-2014-2020']);
    expect(result.status).toBe(0);
    const projects = parse(fs.readFileSync(path.join(out, 'nodes', 'projects.csv'), 'utf8'), { columns: true }) as unknown[];
    expect(projects).toHaveLength(20);
  });
});
