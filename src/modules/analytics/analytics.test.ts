/**
 * The headline cross-programme questions against the seeded Neo4j. Expected answers are
 * computed here from the seed CSV files, independently of the Cypher under test.
 */
import { useTestHelper } from '../../testing/test-helper';
import { groupBy, programmeOfProject, regionAndDescendants, seedRelationships } from '../../testing/seed-fixtures';

const helper = useTestHelper();

const projectProgramme = programmeOfProject();

/** cluster id → set of programme ids of its member projects. */
function clusterProgrammes(): Map<string, Set<string>> {
  const members = groupBy(seedRelationships('MEMBER_OF'), (row) => row.to);
  return new Map([...members].map(([cluster, rows]) => [cluster, new Set(rows.map((row) => projectProgramme.get(row.from)!))]));
}

describe('clustersSpanningProgrammes', () => {
  it.each([1, 2, 3, 4])('returns exactly the clusters whose members span at least %i programmes', async (minProgrammes) => {
    const expected = [...clusterProgrammes()]
      .filter(([, programmes]) => programmes.size >= minProgrammes)
      .map(([cluster, programmes]) => ({ id: cluster, programmeCount: programmes.size }))
      .sort((a, b) => a.id.localeCompare(b.id));
    const data = await helper.data<any>(
      `query($n: Int!) { clustersSpanningProgrammes(minProgrammes: $n) { cluster { id } programmeCount programmes { id } } }`,
      { n: minProgrammes },
    );
    const actual = data.clustersSpanningProgrammes
      .map((row: any) => ({ id: row.cluster.id, programmeCount: row.programmeCount }))
      .sort((a: any, b: any) => a.id.localeCompare(b.id));
    expect(actual).toEqual(expected);
    for (const row of data.clustersSpanningProgrammes) {
      expect(new Set(row.programmes.map((p: any) => p.id))).toEqual(clusterProgrammes().get(row.cluster.id));
    }
  });

  it('orders the broadest clusters first', async () => {
    const data = await helper.data<any>(`{ clustersSpanningProgrammes(minProgrammes: 1) { programmeCount } }`);
    const counts = data.clustersSpanningProgrammes.map((row: any) => row.programmeCount);
    expect(counts).toEqual([...counts].sort((a: number, b: number) => b - a));
  });
});

describe('projectsInCrossProgrammeClusters', () => {
  it.each([
    ['RU-PSK', 3],
    ['RU-PSK', 2],
    ['RU', 2],
    ['FI', 2],
    ['EE', 1],
  ])('in %s with at least %i programmes matches the seed data', async (regionId, minProgrammes) => {
    const inRegion = regionAndDescendants(regionId);
    const locatedIn = groupBy(seedRelationships('LOCATED_IN'), (row) => row.from);
    const members = groupBy(seedRelationships('MEMBER_OF'), (row) => row.to);
    const expected = [...clusterProgrammes()]
      .filter(([, programmes]) => programmes.size >= minProgrammes)
      .map(([cluster]) => ({
        cluster,
        projects: members
          .get(cluster)!
          .map((row) => row.from)
          .filter((project) => (locatedIn.get(project) ?? []).some((row) => inRegion.has(row.to)))
          .sort(),
      }))
      .filter((entry) => entry.projects.length > 0)
      .sort((a, b) => a.cluster.localeCompare(b.cluster));

    const data = await helper.data<any>(
      `query($r: ID!, $n: Int!) { projectsInCrossProgrammeClusters(regionId: $r, minProgrammes: $n) { cluster { id } projects { id } } }`,
      { r: regionId, n: minProgrammes },
    );
    const actual = data.projectsInCrossProgrammeClusters
      .map((row: any) => ({ cluster: row.cluster.id, projects: row.projects.map((p: any) => p.id).sort() }))
      .sort((a: any, b: any) => a.cluster.localeCompare(b.cluster));
    expect(actual).toEqual(expected);
  });

  it('answers NOT_FOUND for an unknown region', async () => {
    const result = await helper.execute(`{ projectsInCrossProgrammeClusters(regionId: "XX-NOPE") { programmeCount } }`);
    expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(result.errors?.[0].message).toContain('XX-NOPE');
  });

  it('rejects minProgrammes below 1 with BAD_USER_INPUT naming the argument', async () => {
    const result = await helper.execute(`{ projectsInCrossProgrammeClusters(regionId: "RU-PSK", minProgrammes: 0) { programmeCount } }`);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'minProgrammes' });
  });

});

describe('organizationsAcrossProgrammes', () => {
  function expectedSpans(minProgrammes: number) {
    const byOrganization = groupBy(seedRelationships('PARTICIPATES_IN'), (row) => row.from);
    return [...byOrganization]
      .map(([organization, rows]) => ({
        id: organization,
        programmeCount: new Set(rows.map((row) => projectProgramme.get(row.to))).size,
        projectCount: new Set(rows.map((row) => row.to)).size,
      }))
      .filter((span) => span.programmeCount >= minProgrammes);
  }

  it.each([2, 3])('returns the organizations in projects of at least %i programmes', async (minProgrammes) => {
    const expected = expectedSpans(minProgrammes).sort((a, b) => a.id.localeCompare(b.id));
    expect(expected.length).toBeLessThanOrEqual(100);
    const data = await helper.data<any>(
      `query($n: Int!) { organizationsAcrossProgrammes(minProgrammes: $n, first: 100) { organization { id } programmeCount projectCount } }`,
      { n: minProgrammes },
    );
    const actual = data.organizationsAcrossProgrammes
      .map((row: any) => ({ id: row.organization.id, programmeCount: row.programmeCount, projectCount: row.projectCount }))
      .sort((a: any, b: any) => a.id.localeCompare(b.id));
    expect(actual).toEqual(expected);
  });

  it('returns at most `first`, the broadest organizations first', async () => {
    const all = expectedSpans(1);
    const data = await helper.data<any>(
      `{ organizationsAcrossProgrammes(minProgrammes: 1, first: 5) { organization { id } programmeCount projectCount } }`,
    );
    const rows = data.organizationsAcrossProgrammes;
    expect(rows).toHaveLength(Math.min(5, all.length));
    const topProgrammeCount = Math.max(...all.map((span) => span.programmeCount));
    expect(rows[0].programmeCount).toBe(topProgrammeCount);
    for (let i = 1; i < rows.length; i += 1) {
      const previous = rows[i - 1];
      const ordered =
        previous.programmeCount > rows[i].programmeCount ||
        (previous.programmeCount === rows[i].programmeCount && previous.projectCount >= rows[i].projectCount);
      expect(ordered).toBe(true);
    }
  });

  it('finds at least one organization working across programmes in the seed', () => {
    expect(expectedSpans(2).length).toBeGreaterThan(0);
  });
});

describe('each headline question', () => {
  it.each([
    '{ projectsInCrossProgrammeClusters(regionId: "RU-PSK", minProgrammes: 3) { cluster { id } programmes { id } projects { id } } }',
    '{ clustersSpanningProgrammes(minProgrammes: 2) { cluster { id } programmes { id } memberCount } }',
    '{ organizationsAcrossProgrammes(minProgrammes: 2) { organization { id } programmes { id } projectCount } }',
  ])('is answered by one Cypher statement: %s', async (query) => {
    const result = await helper.execute(query);
    expect(result.errors).toBeUndefined();
    expect(result.statements).toBe(1);
  });
});
