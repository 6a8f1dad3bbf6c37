/**
 * Proves the DataLoaders batch: the Cypher statements one request sends depend on the
 * depth of the query, not on how many results it returns.
 */
import { useTestHelper, WHOLE_GRAPH_COST } from '../../testing/test-helper';
import { seedNodes } from '../../testing/seed-fixtures';

const helper = useTestHelper(undefined, { maxCost: WHOLE_GRAPH_COST });

// Each relationship field appears once, so each loader is called from one place only:
// a loader used at two depths may batch once or twice depending on timing.
const deepQuery = `query($first: Int) {
  projects(first: $first, sort: { field: ID }) {
    nodes {
      id
      programme { name clusters { name } }
      partners { role organization { name region { name parent { name } } } }
      regions { name }
      themes { name }
      clusters { name members(first: 100) { nodes { id } } }
    }
  }
}`;

describe('relationship fields through per-request DataLoaders', () => {
  it('send the same number of Cypher statements for 25 and for 80 projects', async () => {
    const totalProjects = seedNodes('projects').length;
    expect(totalProjects).toBeGreaterThanOrEqual(80);

    const small = await helper.execute<any>(deepQuery, { first: 25 });
    const large = await helper.execute<any>(deepQuery, { first: 80 });
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(small.data.projects.nodes).toHaveLength(25);
    expect(large.data.projects.nodes).toHaveLength(80);

    // The large page really reached more related nodes than the small one…
    const partnersOf = (result: any) => result.data.projects.nodes.flatMap((node: any) => node.partners).length;
    expect(partnersOf(large)).toBeGreaterThan(partnersOf(small));
    // …yet cost the same number of round trips.
    expect(large.statements).toBe(small.statements);
    // One statement for the list plus one per relationship field in the query (9: a
    // partner's organization comes with the participation, so it is no field of its own).
    expect(large.statements).toBe(10);
  });

  it('grow with query depth', async () => {
    const shallow = await helper.execute(`{ projects(first: 30) { nodes { id } } }`);
    const oneLevel = await helper.execute(`{ projects(first: 30) { nodes { programme { name } } } }`);
    const twoLevels = await helper.execute(`{ projects(first: 30) { nodes { programme { clusters { name } } } } }`);
    expect(shallow.statements).toBe(1);
    expect(oneLevel.statements).toBe(2);
    expect(twoLevels.statements).toBe(3);
  });
});
