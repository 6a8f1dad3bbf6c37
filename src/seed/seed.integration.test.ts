/**
 * The seed load against the real Neo4j: re-loading changes nothing, and a bad row stops
 * the load with an error naming file, line and field while the stored graph stays as it was.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromRoot } from '../paths';
import { seedNodes, seedRelationships } from '../testing/seed-fixtures';
import { useTestHelper } from '../testing/test-helper';
import { loadSeed } from './load';

const helper = useTestHelper();
const executor = helper.executor();

const nodeFiles = fs.readdirSync(fromRoot('seed', 'nodes')).map((file) => file.replace(/\.csv$/, ''));
const relationshipFiles = fs.readdirSync(fromRoot('seed', 'relationships')).map((file) => file.replace(/\.csv$/, ''));

async function graphCounts() {
  const [row] = await executor.read(
    'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
  );
  return { nodes: Number(row.nodes), relationships: Number(row.relationships) };
}

const seededTotals = {
  nodes: nodeFiles.reduce((sum, file) => sum + seedNodes(file).length, 0),
  relationships: relationshipFiles.reduce((sum, type) => sum + seedRelationships(type).length, 0),
};

describe('loading the seed into Neo4j', () => {
  it('holds exactly the rows of the seed files', async () => {
    expect(await graphCounts()).toEqual(seededTotals);
  });

  it('changes nothing when loaded again, and restores a property changed since', async () => {
    await executor.write("MATCH (r:Region {id: 'AT11'}) SET r.name = 'changed by a test'");
    await loadSeed(executor, fromRoot('seed'));
    expect(await graphCounts()).toEqual(seededTotals);
    const [row] = await executor.read("MATCH (r:Region {id: 'AT11'}) RETURN r.name AS name");
    expect(row.name).toBe(seedNodes('regions').find((region) => region.id === 'AT11')!.name);
  });

  it('rejects a bad row naming file, line and field, and writes nothing', async () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'coopgraph-seed-'));
    fs.cpSync(fromRoot('seed'), copy, { recursive: true });
    const projectsFile = path.join(copy, 'nodes', 'projects.csv');
    const lines = fs.readFileSync(projectsFile, 'utf8').split('\n');
    const lineIndex = lines.findIndex((line) => line.startsWith('KO1029,'));
    lines[lineIndex] = lines[lineIndex].replace('2018-11-01', '2018-13-01');
    // A new node too: if anything were written, the count would show it.
    lines.push(lines[lineIndex].replace('KO1029,', 'KO0000-TEST,'));
    fs.writeFileSync(projectsFile, lines.join('\n'));

    const before = await graphCounts();
    await expect(loadSeed(executor, copy)).rejects.toThrow(
      new RegExp(`projects\\.csv line ${lineIndex + 1}, field start_date: "2018-13-01"`),
    );
    expect(await graphCounts()).toEqual(before);
    const [row] = await executor.read("MATCH (p:Project {id: 'KO1029'}) RETURN toString(p.startDate) AS start");
    expect(row.start).toBe('2018-11-01');
    fs.rmSync(copy, { recursive: true, force: true });
  });
});
