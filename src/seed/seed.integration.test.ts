/**
 * The seeded test graph holds exactly the rows of the seed files. Read-only: the tests that
 * write (re-import, failures, undo) run on a scratch Neo4j in import.process.test.ts.
 */
import fs from 'node:fs';
import { fromRoot } from '../paths';
import { seedNodes, seedRelationships } from '../testing/seed-fixtures';
import { useTestHelper } from '../testing/test-helper';

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
});
