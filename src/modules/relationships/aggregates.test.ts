/**
 * Counts and budget sums on programmes, regions, thematic areas, clusters, organizations and
 * projects, through GraphQL against the seeded Neo4j. Every expected value is computed here
 * from the seed CSVs; the sort by PROJECT_COUNT is checked against those counts.
 */
import { regionAndDescendants, seedNodes, seedRelationships } from '../../testing/seed-fixtures';
import { useTestHelper, WHOLE_GRAPH_COST } from '../../testing/test-helper';

const helper = useTestHelper(undefined, { maxCost: WHOLE_GRAPH_COST });

const budgets = new Map(seedNodes('projects').map((row) => [row.id, { total: Number(row.total_budget_eur || 0), eu: Number(row.eu_funding_eur || 0) }]));
const participations = seedRelationships('PARTICIPATES_IN');
const fundedBy = new Map(seedRelationships('FUNDED_BY').map((row) => [row.from, row.to]));

/** What the fields should say for a set of project ids, from the CSVs. */
function figures(projectIds: Set<string>) {
  const sum = (pick: (budget: { total: number; eu: number }) => number) => [...projectIds].reduce((total, id) => total + pick(budgets.get(id) ?? { total: 0, eu: 0 }), 0);
  return {
    projectCount: projectIds.size,
    programmeCount: new Set([...projectIds].map((id) => fundedBy.get(id)).filter((id) => id !== undefined)).size,
    partnerCount: new Set(participations.filter((row) => projectIds.has(row.to)).map((row) => row.from)).size,
    budgetSumEur: sum((budget) => budget.total),
    euFundingSumEur: sum((budget) => budget.eu),
  };
}

const projectsWhere = (type: string, to: (id: string) => boolean) => new Set(seedRelationships(type).filter((row) => to(row.to)).map((row) => row.from));

// Sums of many decimals: compared to the cent, and served as whole cents (no float residue).
const closeSums = (actual: { budgetSumEur: number; euFundingSumEur: number }, expected: { budgetSumEur: number; euFundingSumEur: number }) => {
  for (const field of ['budgetSumEur', 'euFundingSumEur'] as const) {
    expect(actual[field]).toBeCloseTo(expected[field], 2);
    expect(actual[field]).toBe(Number(actual[field].toFixed(2)));
  }
};

describe('counts and budget sums', () => {
  it('give every programme its projects, partners and budget sums, and sort by project count', async () => {
    const data = await helper.data<{ programmes: { nodes: Array<Record<string, number> & { id: string }> } }>(
      '{ programmes(first: 100, sort: {field: PROJECT_COUNT, direction: DESC}) { nodes { id projectCount partnerCount budgetSumEur euFundingSumEur } } }',
    );
    const programmes = seedNodes('programmes');
    expect(data.programmes.nodes).toHaveLength(programmes.length);
    for (const node of data.programmes.nodes) {
      const expected = figures(projectsWhere('FUNDED_BY', (id) => id === node.id));
      expect({ id: node.id, projectCount: node.projectCount, partnerCount: node.partnerCount }).toEqual({ id: node.id, projectCount: expected.projectCount, partnerCount: expected.partnerCount });
      closeSums(node as never, expected);
    }
    const counts = data.programmes.nodes.map((node) => node.projectCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(counts[0]).toBeGreaterThan(counts[counts.length - 1]);
  });

  it('count a region with its sub-regions by default, and alone when asked', async () => {
    const data = await helper.data<{ region: Record<string, number> }>(
      `{ region(id: "RU-PSK") { projectCount programmeCount partnerCount budgetSumEur euFundingSumEur
           own: projectCount(includeSubRegions: false) ownProgrammes: programmeCount(includeSubRegions: false) } }`,
    );
    const inPskov = regionAndDescendants('RU-PSK');
    const expected = figures(projectsWhere('LOCATED_IN', (id) => inPskov.has(id)));
    const own = figures(projectsWhere('LOCATED_IN', (id) => id === 'RU-PSK'));
    expect(data.region).toMatchObject({ projectCount: expected.projectCount, programmeCount: expected.programmeCount, partnerCount: expected.partnerCount, own: own.projectCount, ownProgrammes: own.programmeCount });
    closeSums(data.region as never, expected);
    expect(expected.projectCount).toBeGreaterThan(0);
  });

  it('count a country with its whole tree, and a region with no projects as zero', async () => {
    const regions = seedNodes('regions');
    const located = new Set(seedRelationships('LOCATED_IN').map((row) => row.to));
    const empty = regions.find((row) => ![...regionAndDescendants(row.id)].some((id) => located.has(id)))!;
    const data = await helper.data<{ fi: Record<string, number>; empty: Record<string, number> }>(
      `query($empty: ID!) { fi: region(id: "FI") { projectCount partnerCount } empty: region(id: $empty) { projectCount programmeCount partnerCount budgetSumEur } }`,
      { empty: empty.id },
    );
    const inFinland = regionAndDescendants('FI');
    const expected = figures(projectsWhere('LOCATED_IN', (id) => inFinland.has(id)));
    expect(data.fi).toEqual({ projectCount: expected.projectCount, partnerCount: expected.partnerCount });
    expect(data.empty).toEqual({ projectCount: 0, programmeCount: 0, partnerCount: 0, budgetSumEur: 0 });
  });

  it('give thematic areas their figures and sort them by project count', async () => {
    const data = await helper.data<{ thematicAreas: { nodes: Array<{ id: string; projectCount: number; programmeCount: number }> } }>(
      '{ thematicAreas(first: 100, sort: {field: PROJECT_COUNT, direction: DESC}) { nodes { id projectCount programmeCount } } }',
    );
    const expected = data.thematicAreas.nodes.map((node) => {
      const counted = figures(projectsWhere('ADDRESSES', (id) => id === node.id));
      return { id: node.id, projectCount: counted.projectCount, programmeCount: counted.programmeCount };
    });
    expect(data.thematicAreas.nodes).toEqual(expected);
    expect(data.thematicAreas.nodes).toHaveLength(seedNodes('thematic-areas').length);
    const counts = expected.map((node) => node.projectCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('sort regions by project count, sub-regions included', async () => {
    const data = await helper.data<{ regions: { nodes: Array<{ id: string; projectCount: number }> } }>(
      '{ regions(first: 10, sort: {field: PROJECT_COUNT, direction: DESC}) { nodes { id projectCount } } }',
    );
    // Each project counts for its regions and every region above them (PART_OF to the country).
    const parentOf = new Map(seedRelationships('PART_OF').map((row) => [row.from, row.to]));
    const projectsIn = new Map<string, Set<string>>();
    for (const row of seedRelationships('LOCATED_IN')) {
      for (let region: string | undefined = row.to; region !== undefined; region = parentOf.get(region)) {
        projectsIn.set(region, (projectsIn.get(region) ?? new Set()).add(row.from));
      }
    }
    const countOf = (regionId: string) => projectsIn.get(regionId)?.size ?? 0;
    const top = seedNodes('regions').map((row) => countOf(row.id)).sort((a, b) => b - a).slice(0, 10);
    expect(data.regions.nodes.map((node) => node.projectCount)).toEqual(top);
    for (const node of data.regions.nodes) expect(node.projectCount).toBe(countOf(node.id));
  });

  it('give the Pskov cluster its member, partner and budget figures, and an organization and a project theirs', async () => {
    const busiest = [...participations.reduce((counts, row) => counts.set(row.from, (counts.get(row.from) ?? 0) + 1), new Map<string, number>())].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
    const data = await helper.data<{ cluster: Record<string, number>; organization: Record<string, number>; project: { partnerCount: number } }>(
      `query($org: ID!) {
        cluster(id: "pskov-regional-project-cluster") { projectCount partnerCount programmeCount budgetSumEur euFundingSumEur }
        organization(id: $org) { programmeCount partnerCount budgetSumEur euFundingSumEur }
        project(id: "KO1029") { partnerCount }
      }`,
      { org: busiest },
    );
    const members = figures(projectsWhere('MEMBER_OF', (id) => id === 'pskov-regional-project-cluster'));
    expect(data.cluster).toMatchObject({ projectCount: members.projectCount, partnerCount: members.partnerCount, programmeCount: 3 });
    closeSums(data.cluster as never, members);

    const own = new Set(participations.filter((row) => row.from === busiest).map((row) => row.to));
    const theirs = figures(own);
    const others = new Set(participations.filter((row) => own.has(row.to) && row.from !== busiest).map((row) => row.from));
    expect(data.organization).toMatchObject({ programmeCount: theirs.programmeCount, partnerCount: others.size });
    closeSums(data.organization as never, theirs);
    expect(data.project.partnerCount).toBe(participations.filter((row) => row.to === 'KO1029').length);
  });

  it('send the same number of statements for 5 programmes as for 50 (one batched statement per field)', async () => {
    const query = (first: number) => `{ programmes(first: ${first}) { nodes { projectCount partnerCount budgetSumEur euFundingSumEur } } }`;
    const small = await helper.execute(query(5));
    const large = await helper.execute(query(50));
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(seedNodes('programmes').length).toBeGreaterThan(5);
    expect(large.statements).toBe(small.statements);
    // The list, then one statement per aggregate field.
    expect(small.statements).toBeLessThanOrEqual(5);
  });
});
