/**
 * The headline cross-programme questions against the seeded Neo4j. Expected answers are
 * computed here from the seed CSV files, independently of the Cypher under test.
 */
import { int } from 'neo4j-driver';
import { byCodeUnits, ids } from '../../testing/compare';
import * as cypher from './analytics.cypher';
import { useTestHelper } from '../../testing/test-helper';
import { groupBy, nameKey, programmeOfProject, regionAndDescendants, rowsById, seedRelationships, type SeedRow, titleKey } from '../../testing/seed-fixtures';

const helper = useTestHelper();

const projectProgramme = programmeOfProject();

// The stored sort keys of src/neo4j/derived.ts, computed from seed rows: lower-cased
// text + NUL + id, compared by code units.
/** The stored key of each id, for ordering. */
const keysOf = (rows: Map<string, SeedRow>, key: (row: SeedRow) => string) => (id: string) => key(rows.get(id)!);
const clusterName = keysOf(rowsById('clusters'), nameKey);
const organizationName = keysOf(rowsById('organizations'), nameKey);
const programmeName = keysOf(rowsById('programmes'), nameKey);
const projectTitle = keysOf(rowsById('projects'), titleKey);
/** `idList` ordered by the stored key `key` gives each id. */
const orderedBy = (key: (id: string) => string) => (idList: Iterable<string>) => [...idList].sort((a, b) => byCodeUnits(key(a), key(b)));
const programmesByName = orderedBy(programmeName);
const memberCount = (() => {
  const members = groupBy(seedRelationships('MEMBER_OF'), (row) => row.to);
  return (cluster: string) => (members.get(cluster) ?? []).length;
})();

/** cluster id → set of programme ids of its member projects. */
function clusterProgrammes(): Map<string, Set<string>> {
  const members = groupBy(seedRelationships('MEMBER_OF'), (row) => row.to);
  return new Map([...members].map(([cluster, rows]) => [cluster, new Set(rows.map((row) => projectProgramme.get(row.from)!))]));
}

describe('clustersSpanningProgrammes', () => {
  /** Broadest first: most programmes, then most members, then by name. */
  const expectedClusters = (minProgrammes: number) =>
    [...clusterProgrammes()]
      .filter(([, programmes]) => programmes.size >= minProgrammes)
      .sort(
        ([a, x], [b, y]) => y.size - x.size || memberCount(b) - memberCount(a) || byCodeUnits(clusterName(a), clusterName(b)),
      )
      .map(([cluster, programmes]) => ({
        id: cluster,
        programmeCount: programmes.size,
        memberCount: memberCount(cluster),
        programmes: programmesByName(programmes),
      }));

  it.each([1, 2, 3, 4])('returns exactly the clusters whose members span at least %i programmes, the broadest first', async (minProgrammes) => {
    const data = await helper.data<any>(
      `query($n: Int!) { clustersSpanningProgrammes(minProgrammes: $n) { cluster { id } programmeCount memberCount programmes { id } } }`,
      { n: minProgrammes },
    );
    const actual = data.clustersSpanningProgrammes.map((row: any) => ({
      id: row.cluster.id,
      programmeCount: row.programmeCount,
      memberCount: row.memberCount,
      programmes: ids(row.programmes),
    }));
    expect(actual).toEqual(expectedClusters(minProgrammes));
  });

  it('has clusters tied on programmes, so the member-count and name tie-breaks are exercised', () => {
    const counts = expectedClusters(1).map((row) => row.programmeCount);
    expect(new Set(counts).size).toBeLessThan(counts.length);
    expect(new Set(counts).size).toBeGreaterThan(1);
  });

  it('counts a member project that has no programme as a member, not as a programme', async () => {
    // The seed gives every project a programme; imported data may not. The extra member is
    // written in a transaction that is rolled back, so no other test file ever sees it.
    const [cluster, programmes] = [...clusterProgrammes()].find(([, found]) => found.size >= 2)!;
    const session = helper.driver.session({ database: helper.database });
    const tx = session.beginTransaction();
    try {
      await tx.run(
        `MATCH (c:Cluster {id: $cluster})
         CREATE (:Project {id: 'test-member-without-programme', title: 'x', sortTitle: 'x'})-[:MEMBER_OF]->(c)`,
        { cluster },
      );
      const result = await tx.run(cypher.clustersSpanningProgrammes, { minProgrammes: int(1) });
      const spans = result.records[0].get('spans') as Array<{ cluster: { id: string }; memberCount: unknown; programmeIds: string[] }>;
      const span = spans.find((row) => row.cluster.id === cluster)!;
      expect(Number(span.memberCount)).toBe(memberCount(cluster) + 1);
      expect([...span.programmeIds].sort()).toEqual([...programmes].sort());
    } finally {
      await tx.rollback();
      await session.close();
    }
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
    // Most projects in the region first, then by cluster name; projects by title.
    const expected = [...clusterProgrammes()]
      .filter(([, programmes]) => programmes.size >= minProgrammes)
      .map(([cluster, programmes]) => ({
        cluster,
        programmes: programmesByName(programmes),
        projects: orderedBy(projectTitle)(
          members
            .get(cluster)!
            .map((row) => row.from)
            .filter((project) => (locatedIn.get(project) ?? []).some((row) => inRegion.has(row.to))),
        ),
      }))
      .filter((entry) => entry.projects.length > 0)
      .sort((a, b) => b.projects.length - a.projects.length || byCodeUnits(clusterName(a.cluster), clusterName(b.cluster)));
    expect(expected.length).toBeGreaterThan(0);

    const data = await helper.data<any>(
      `query($r: ID!, $n: Int!) {
        projectsInCrossProgrammeClusters(regionId: $r, minProgrammes: $n) { cluster { id } programmes { id } projects { id } }
      }`,
      { r: regionId, n: minProgrammes },
    );
    const actual = data.projectsInCrossProgrammeClusters.map((row: any) => ({
      cluster: row.cluster.id,
      programmes: ids(row.programmes),
      projects: ids(row.projects),
    }));
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
  /** Broadest first: most programmes, then most projects, then by name. */
  function expectedSpans(minProgrammes: number) {
    const byOrganization = groupBy(seedRelationships('PARTICIPATES_IN'), (row) => row.from);
    return [...byOrganization]
      .map(([organization, rows]) => {
        const programmes = new Set(rows.map((row) => projectProgramme.get(row.to)!));
        return {
          id: organization,
          programmeCount: programmes.size,
          projectCount: new Set(rows.map((row) => row.to)).size,
          programmes: programmesByName(programmes),
        };
      })
      .filter((span) => span.programmeCount >= minProgrammes)
      .sort(
        (a, b) =>
          b.programmeCount - a.programmeCount ||
          b.projectCount - a.projectCount ||
          byCodeUnits(organizationName(a.id), organizationName(b.id)),
      );
  }
  const query = `query($n: Int!, $first: Int!) {
    organizationsAcrossProgrammes(minProgrammes: $n, first: $first) { organization { id } programmeCount projectCount programmes { id } }
  }`;
  const spans = (data: any) =>
    data.organizationsAcrossProgrammes.map((row: any) => ({
      id: row.organization.id,
      programmeCount: row.programmeCount,
      projectCount: row.projectCount,
      programmes: ids(row.programmes),
    }));

  it.each([3, 4])('returns the organizations in projects of at least %i programmes, the broadest first', async (minProgrammes) => {
    const expected = expectedSpans(minProgrammes);
    expect(expected.length).toBeLessThanOrEqual(100);
    expect(spans(await helper.data<any>(query, { n: minProgrammes, first: 100 }))).toEqual(expected);
  });

  it('returns at most `first`: the broadest organizations', async () => {
    const all = expectedSpans(1);
    expect(all.length).toBeGreaterThan(5);
    expect(spans(await helper.data<any>(query, { n: 1, first: 5 }))).toEqual(all.slice(0, 5));
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
