/**
 * `programmeSpan` against the seeded Neo4j: projects, clusters and organizations ranked by
 * the distinct programmes they connect to, for the whole graph and for a region. Every
 * expected list is worked out here from the seed CSV files (FUNDED_BY, MEMBER_OF,
 * PARTICIPATES_IN, LOCATED_IN, BASED_IN, PART_OF), independently of the Cypher under test.
 */
import { byCodeUnits, ids } from '../../testing/compare';
import { nameKey, regionAndDescendants, rowsById, seedRelationships, seedRelationshipsBetween, titleKey } from '../../testing/seed-fixtures';
import { useTestHelper } from '../../testing/test-helper';

const helper = useTestHelper();

type Kind = 'projects' | 'clusters' | 'organizations';
interface Span {
  id: string;
  programmes: string[];
  /** The tie-break: a project's clusters, a cluster's members, an organization's projects. */
  tieBreak: number;
}

const projectRows = rowsById('projects');
const clusterRows = rowsById('clusters');
const organizationRows = rowsById('organizations');
const programmeRows = rowsById('programmes');

const setsBy = (rows: Array<Record<string, string>>, key: 'from' | 'to', value: 'from' | 'to') => {
  const sets = new Map<string, Set<string>>();
  for (const row of rows) sets.set(row[key], (sets.get(row[key]) ?? new Set()).add(row[value]));
  return sets;
};
const programmesOfProject = setsBy(seedRelationships('FUNDED_BY'), 'from', 'to');
const clustersOfProject = setsBy(seedRelationships('MEMBER_OF'), 'from', 'to');
const membersOfCluster = setsBy(seedRelationships('MEMBER_OF'), 'to', 'from');
const projectsOfOrganization = setsBy(seedRelationships('PARTICIPATES_IN'), 'from', 'to');
const regionsOfProject = setsBy(seedRelationships('LOCATED_IN'), 'from', 'to');
const regionsOfOrganization = setsBy(seedRelationshipsBetween('BASED_IN', 'organizations', 'regions'), 'from', 'to');

const programmesOf = (projects: Iterable<string>) => new Set([...projects].flatMap((project) => [...(programmesOfProject.get(project) ?? [])]));
const byProgrammeName = (programmes: Set<string>) =>
  [...programmes].sort((a, b) => byCodeUnits(nameKey(programmeRows.get(a)!), nameKey(programmeRows.get(b)!)));

/** Where each kind's candidates are, given the regions in scope (undefined: the whole graph). */
function candidates(kind: Kind, regions: Set<string> | undefined): string[] {
  const inScope = (located: Set<string> | undefined) => regions === undefined || [...(located ?? [])].some((region) => regions.has(region));
  switch (kind) {
    case 'projects':
      return [...projectRows.keys()].filter((project) => inScope(regionsOfProject.get(project)));
    case 'clusters':
      return [...membersOfCluster]
        .filter(([, members]) => [...members].some((member) => inScope(regionsOfProject.get(member))))
        .map(([cluster]) => cluster);
    case 'organizations':
      return [...organizationRows.keys()].filter((organization) => inScope(regionsOfOrganization.get(organization)));
  }
}

function spanOf(kind: Kind, id: string): Span {
  switch (kind) {
    case 'projects': {
      const clusters = clustersOfProject.get(id) ?? new Set();
      const reached = [id, ...[...clusters].flatMap((cluster) => [...membersOfCluster.get(cluster)!])];
      return { id, programmes: byProgrammeName(programmesOf(reached)), tieBreak: clusters.size };
    }
    case 'clusters': {
      const members = membersOfCluster.get(id)!;
      return { id, programmes: byProgrammeName(programmesOf(members)), tieBreak: members.size };
    }
    case 'organizations': {
      const projects = projectsOfOrganization.get(id) ?? new Set();
      return { id, programmes: byProgrammeName(programmesOf(projects)), tieBreak: projects.size };
    }
  }
}

const nameOf: Record<Kind, (id: string) => string> = {
  projects: (id) => titleKey(projectRows.get(id)!),
  clusters: (id) => nameKey(clusterRows.get(id)!),
  organizations: (id) => nameKey(organizationRows.get(id)!),
};

/** The ranked list: most programmes, then the larger tie-break count, then by name. */
function expectedSpans(kind: Kind, minProgrammes: number, regionId?: string, includeSubRegions = true): Span[] {
  const regions = regionId === undefined ? undefined : includeSubRegions ? regionAndDescendants(regionId) : new Set([regionId]);
  return candidates(kind, regions)
    .map((id) => spanOf(kind, id))
    .filter((span) => span.programmes.length >= minProgrammes)
    .sort((a, b) => b.programmes.length - a.programmes.length || b.tieBreak - a.tieBreak || byCodeUnits(nameOf[kind](a.id), nameOf[kind](b.id)));
}

const itemFields: Record<Kind, string> = {
  projects: 'project { id } programmeCount programmes { id } clusters { id }',
  clusters: 'cluster { id } programmeCount programmes { id } memberCount',
  organizations: 'organization { id } programmeCount programmes { id } projectCount',
};

function actualSpan(kind: Kind, node: any): Span {
  expect(node.programmeCount).toBe(node.programmes.length);
  switch (kind) {
    case 'projects':
      return { id: node.project.id, programmes: ids(node.programmes), tieBreak: node.clusters.length };
    case 'clusters':
      return { id: node.cluster.id, programmes: ids(node.programmes), tieBreak: node.memberCount };
    case 'organizations':
      return { id: node.organization.id, programmes: ids(node.programmes), tieBreak: node.projectCount };
  }
}

interface Scope {
  regionId?: string;
  includeSubRegions?: boolean;
  minProgrammes: number;
}

const spanQuery = (kind: Kind) => `query($regionId: ID, $sub: Boolean! = true, $min: Int!, $first: Int, $after: String) {
  programmeSpan(regionId: $regionId, includeSubRegions: $sub, minProgrammes: $min) {
    region { id } includeSubRegions minProgrammes
    ${kind}(first: $first, after: $after) { totalCount nodes { ${itemFields[kind]} } pageInfo { endCursor hasNextPage } }
  }
}`;

/** Every item of the list, page by page, with the totalCount each page reported. */
async function walk(kind: Kind, scope: Scope, pageSize: number) {
  const items: Span[] = [];
  const totals = new Set<number>();
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const data: any = await helper.data<any>(spanQuery(kind), {
      regionId: scope.regionId ?? null,
      sub: scope.includeSubRegions ?? true,
      min: scope.minProgrammes,
      first: pageSize,
      after,
    });
    const list = data.programmeSpan[kind];
    totals.add(list.totalCount);
    items.push(...list.nodes.map((node: any) => actualSpan(kind, node)));
    pages += 1;
    if (!list.pageInfo.hasNextPage) return { items, totals, pages };
    expect(list.nodes).toHaveLength(pageSize);
    after = list.pageInfo.endCursor;
  }
}

describe('programmeSpan', () => {
  it.each([
    ['projects', { minProgrammes: 2 }, 5],
    ['projects', { minProgrammes: 3, regionId: 'RU-PSK' }, 4],
    ['projects', { minProgrammes: 2, regionId: 'RU-PSK', includeSubRegions: false }, 3],
    ['clusters', { minProgrammes: 2 }, 2],
    ['clusters', { minProgrammes: 1, regionId: 'RU' }, 1],
    ['organizations', { minProgrammes: 3 }, 20],
    ['organizations', { minProgrammes: 2, regionId: 'FI' }, 20],
  ] as Array<[Kind, Scope, number]>)('ranks the %s of %j, page by page, as the seed files do', async (kind, scope, pageSize) => {
    const expected = expectedSpans(kind, scope.minProgrammes, scope.regionId, scope.includeSubRegions);
    // The case must say something: at least two pages, so the cursors are walked.
    expect(expected.length).toBeGreaterThan(pageSize);
    const { items, totals } = await walk(kind, scope, pageSize);
    expect(items).toEqual(expected);
    expect([...totals]).toEqual([expected.length]);
  });

  it('answers the headline question in one call: the projects in Pskov reaching three programmes through their clusters', async () => {
    const expected = expectedSpans('projects', 3, 'RU-PSK');
    const data = await helper.data<any>(`{ programmeSpan(regionId: "RU-PSK", minProgrammes: 3) {
      region { id name } projects(first: 100) { totalCount nodes { project { id } programmeCount programmes { id } clusters { id } } } } }`);
    expect(data.programmeSpan.region.id).toBe('RU-PSK');
    expect(data.programmeSpan.projects.totalCount).toBe(expected.length);
    expect(data.programmeSpan.projects.nodes.map((node: any) => actualSpan('projects', node))).toEqual(expected);
    // Each listed project is in a cluster: its own programme alone would not make three.
    for (const node of data.programmeSpan.projects.nodes) expect(node.clusters.length).toBeGreaterThan(0);
  });

  it('lists nothing when minProgrammes exceeds every span, and counts 0', async () => {
    const widest = Math.max(...(['projects', 'clusters', 'organizations'] as Kind[]).map((kind) => expectedSpans(kind, 1)[0].programmes.length));
    const data = await helper.data<any>(
      `query($min: Int!) { programmeSpan(minProgrammes: $min) {
        projects { totalCount nodes { programmeCount } pageInfo { hasNextPage endCursor } }
        clusters { totalCount nodes { programmeCount } }
        organizations { totalCount nodes { programmeCount } } } }`,
      { min: widest + 1 },
    );
    for (const kind of ['projects', 'clusters', 'organizations']) {
      expect(data.programmeSpan[kind]).toMatchObject({ totalCount: 0, nodes: [] });
    }
    expect(data.programmeSpan.projects.pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });

  it('lists nothing for a region without projects or organizations', async () => {
    const projectRegions = new Set(seedRelationships('LOCATED_IN').map((row) => row.to));
    const organizationRegions = new Set([...regionsOfOrganization.values()].flatMap((regions) => [...regions]));
    const empty = [...rowsById('regions').keys()].find(
      (region) => ![...regionAndDescendants(region)].some((id) => projectRegions.has(id) || organizationRegions.has(id)),
    );
    expect(empty).toBeDefined();
    const data = await helper.data<any>(
      `query($id: ID!) { programmeSpan(regionId: $id, minProgrammes: 1) {
        region { id } projects { totalCount nodes { programmeCount } } clusters { totalCount } organizations { totalCount } } }`,
      { id: empty },
    );
    expect(data.programmeSpan).toEqual({
      region: { id: empty },
      projects: { totalCount: 0, nodes: [] },
      clusters: { totalCount: 0 },
      organizations: { totalCount: 0 },
    });
  });

  it('is NOT_FOUND for an unknown region, naming it', async () => {
    const result = await helper.execute('{ programmeSpan(regionId: "XX-NOPE") { projects { totalCount } } }');
    expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(result.errors?.[0].message).toContain('XX-NOPE');
  });

  it('rejects minProgrammes below 1 and a page beyond the maximum, naming the argument', async () => {
    const low = await helper.execute('{ programmeSpan(minProgrammes: 0) { projects { totalCount } } }');
    expect(low.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'minProgrammes' });
    const wide = await helper.execute('{ programmeSpan { organizations(first: 101) { totalCount } } }');
    expect(wide.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
  });

  it('gives the maximum page in full', async () => {
    const expected = expectedSpans('organizations', 1).slice(0, 100);
    expect(expected).toHaveLength(100);
    const data = await helper.data<any>(`{ programmeSpan(minProgrammes: 1) { organizations(first: 100) { nodes { ${itemFields.organizations} } } } }`);
    expect(data.programmeSpan.organizations.nodes.map((node: any) => actualSpan('organizations', node))).toEqual(expected);
  });

  it('refuses a cursor made for another list (another kind, region or threshold)', async () => {
    const data = await helper.data<any>('{ programmeSpan(minProgrammes: 2) { projects(first: 1) { pageInfo { endCursor } } } }');
    const cursor = data.programmeSpan.projects.pageInfo.endCursor;
    for (const query of [
      '{ programmeSpan(minProgrammes: 2) { clusters(after: $c) { totalCount } } }',
      '{ programmeSpan(minProgrammes: 3) { projects(after: $c) { totalCount } } }',
      '{ programmeSpan(regionId: "FI", minProgrammes: 2) { projects(after: $c) { totalCount } } }',
    ]) {
      const result = await helper.execute(`query($c: String) ${query}`, { c: cursor });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    }
  });

  it('sends the same statements for a page of 1 and a page of 100: one per list, and one to find the region', async () => {
    const query = (first: number) => `{ programmeSpan(regionId: "FI", minProgrammes: 1) {
      projects(first: ${first}) { totalCount nodes { project { id } programmes { id } clusters { id } } }
      clusters(first: ${first}) { totalCount nodes { cluster { id } programmes { id } } }
      organizations(first: ${first}) { totalCount nodes { organization { id } programmes { id } } } } }`;
    const one = await helper.execute(query(1));
    const hundred = await helper.execute(query(100));
    expect(one.errors).toBeUndefined();
    expect(hundred.errors).toBeUndefined();
    expect(one.statements).toBe(4);
    expect(hundred.statements).toBe(4);
  });
});
