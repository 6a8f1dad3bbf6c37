/**
 * Clusters against the seeded Neo4j: each filter alone and combined, each sort order,
 * lookup by id, the relationship fields of every cluster, and batching of those fields.
 * Expected answers come from the seed CSV files.
 */
import { byCodeUnits, ids, matchesText, sorted } from '../../testing/compare';
import { useTestHelper, WHOLE_GRAPH_COST } from '../../testing/test-helper';
import { groupBy, nameKey, orderedBy, programmeOfProject, regionAndDescendants, rowsById, seedNodes, seedRelationships, seedRelationshipsBetween, type SeedRow, startKey, titleKey } from '../../testing/seed-fixtures';

const helper = useTestHelper(undefined, { maxCost: WHOLE_GRAPH_COST });

const clusters = seedNodes('clusters');
const projectRows = rowsById('projects');
const programmeRows = rowsById('programmes');
const organizationRows = rowsById('organizations');
const themeRows = rowsById('thematic-areas');
const eventRows = rowsById('events');
const projectProgramme = programmeOfProject();
const membersOf = groupBy(seedRelationships('MEMBER_OF'), (row) => row.to);
const supportersOf = groupBy(seedRelationships('SUPPORTED_BY'), (row) => row.from);
const basedIn = groupBy(seedRelationshipsBetween('BASED_IN', 'clusters', 'regions'), (row) => row.from);
const locatedIn = groupBy(seedRelationships('LOCATED_IN'), (row) => row.from);


const members = (cluster: string) => (membersOf.get(cluster) ?? []).map((row) => row.from);
/** Distinct programmes funding the member projects. */
const memberProgrammes = (cluster: string) => sorted(members(cluster).map((project) => projectProgramme.get(project)!));

const allIds = (filter: Record<string, unknown>) => helper.listIds('clusters', 'ClusterFilter', filter);

const idsWhere = (match: (row: SeedRow) => boolean) => sorted(clusters.filter(match).map((row) => row.id));

describe('clusters list and filters', () => {
  it('lists every cluster, by name, with the properties of its seed row', async () => {
    const data = await helper.data<any>(
      `{ clusters(first: 100) { totalCount nodes { id name kind description established source sourceUrls } } }`,
    );
    const expected = [...clusters]
      .sort((a, b) => byCodeUnits(a.name.toLowerCase(), b.name.toLowerCase()) || byCodeUnits(a.id, b.id))
      .map((row) => ({
        id: row.id,
        name: row.name,
        kind: row.kind.toUpperCase(),
        description: row.description === '' ? null : row.description,
        established: row.established === '' ? null : row.established,
        source: row.source,
        sourceUrls: row.source_url === '' ? [] : row.source_url.split(' ; '),
      }));
    expect(data.clusters.totalCount).toBe(clusters.length);
    expect(data.clusters.nodes).toEqual(expected);
  });

  it.each(['PROJECT_PLATFORM', 'REGIONAL_PROJECT_CLUSTER', 'INDUSTRIAL_CLUSTER'])('filters by kind %s', async (kind) => {
    const expected = idsWhere((row) => row.kind === kind.toLowerCase());
    expect(expected.length).toBeGreaterThan(0);
    expect(await allIds({ kind })).toEqual(expected);
  });

  it.each(['interreg-bsr-2014-2020', 'latvia-russia-2014-2020', 'kolarctic-2014-2020', 'lithuania-russia-2014-2020'])(
    'filters by programme %s: funding a member project or supporting the cluster',
    async (programmeId) => {
      const supports = (cluster: string) => (supportersOf.get(cluster) ?? []).some((support) => support.to === programmeId);
      const expected = idsWhere((row) => memberProgrammes(row.id).includes(programmeId) || supports(row.id));
      expect(await allIds({ programmeId })).toEqual(expected);
    },
  );

  it.each(['RU-PSK', 'RU', 'FI', 'EE', 'DE'])(
    'filters by region %s: based there or with a member project located there, sub-regions included',
    async (regionId) => {
      const inRegion = regionAndDescendants(regionId);
      const expected = idsWhere(
        (row) =>
          (basedIn.get(row.id) ?? []).some((based) => inRegion.has(based.to)) ||
          members(row.id).some((project) => (locatedIn.get(project) ?? []).some((located) => inRegion.has(located.to))),
      );
      expect(await allIds({ regionId })).toEqual(expected);
    },
  );

  it.each([0, 1, 2, 3, 4])('filters by minProgrammes %i: members span at least that many programmes', async (minProgrammes) => {
    expect(await allIds({ minProgrammes })).toEqual(idsWhere((row) => memberProgrammes(row.id).length >= minProgrammes));
  });

  it('matches every word of the text as a word prefix of the name or description, in any case', async () => {
    for (const text of [' PSKOV ', 'round table', 'table ROUND', 'platf']) {
      const expected = idsWhere((row) => matchesText(text, [row.name, row.description]));
      expect(expected.length).toBeGreaterThan(0);
      expect(await allIds({ text })).toEqual(expected);
    }
    // "round table" occurs only in descriptions: both properties are searched.
    expect(clusters.some((row) => row.name.toLowerCase().includes('round table'))).toBe(false);
    // "latform" lies inside words, never at their start: a word prefix, not a substring, matches.
    expect(clusters.some((row) => row.name.includes('latform'))).toBe(true);
    expect(idsWhere((row) => matchesText('latform', [row.name, row.description]))).toEqual([]);
    expect(await allIds({ text: 'latform' })).toEqual([]);
  });

  it('combines filters with AND', async () => {
    const spans = (row: SeedRow) => memberProgrammes(row.id);
    const expected = idsWhere(
      (row) => row.kind === 'project_platform' && spans(row).includes('kolarctic-2014-2020') && spans(row).length >= 2,
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(await allIds({ kind: 'PROJECT_PLATFORM', programmeId: 'kolarctic-2014-2020', minProgrammes: 2 })).toEqual(expected);
  });
});

describe('clusters sorting', () => {
  it('sorts by id and by member count, ties by id, both directions', async () => {
    const data = await helper.data<any>(`{
      byId: clusters(first: 100, sort: { field: ID }) { nodes { id } }
      asc: clusters(first: 100, sort: { field: MEMBER_COUNT }) { nodes { id } }
      desc: clusters(first: 100, sort: { field: MEMBER_COUNT, direction: DESC }) { nodes { id } }
    }`);
    const all = sorted(clusters.map((row) => row.id));
    const ascending = [...all].sort((a, b) => members(a).length - members(b).length || byCodeUnits(a, b));
    expect(ids(data.byId.nodes)).toEqual(all);
    expect(ids(data.asc.nodes)).toEqual(ascending);
    expect(ids(data.desc.nodes)).toEqual([...ascending].reverse());
  });
});

describe('cluster by id and bad input', () => {
  it('returns a cluster by id', async () => {
    const data = await helper.data<any>(`{ cluster(id: "pskov-regional-project-cluster") { id kind } }`);
    expect(data.cluster).toEqual({ id: 'pskov-regional-project-cluster', kind: 'REGIONAL_PROJECT_CLUSTER' });
  });

  it('answers NOT_FOUND for an unknown cluster id', async () => {
    const result = await helper.execute(`{ cluster(id: "no-such-cluster") { id } }`);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', id: 'no-such-cluster' });
    expect(result.data).toBeNull();
  });

  it.each(['programmeId', 'regionId'])('rejects an unknown %s with BAD_USER_INPUT naming the filter', async (argument) => {
    const result = await helper.execute(`query($filter: ClusterFilter) { clusters(filter: $filter) { totalCount } }`, {
      filter: { [argument]: 'no-such-node' },
    });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: `filter.${argument}` });
    expect(result.errors?.[0].message).toContain('no-such-node');
  });
});

// Each relationship field appears once, so each loader is called from one place only.
const relationshipsQuery = `query($first: Int) {
  clusters(first: $first, sort: { field: ID }) {
    nodes {
      id
      members(first: 100) { totalCount nodes { id } }
      programmes { id }
      programmeCount
      supportedBy { id }
      coordinators { id }
      region { id }
      themes { id }
      presentedAt { id }
    }
  }
}`;

describe('cluster relationship fields', () => {
  const targets = (rows: SeedRow[], side: 'from' | 'to') => {
    const groups = groupBy(rows, (row) => (side === 'from' ? row.to : row.from));
    return (id: string) => sorted((groups.get(id) ?? []).map((row) => (side === 'from' ? row.from : row.to)));
  };
  const supportedBy = targets(seedRelationships('SUPPORTED_BY'), 'to');
  const coordinators = targets(seedRelationships('COORDINATES'), 'from');
  const themes = targets(seedRelationships('FOCUSES_ON'), 'to');
  const presentedAt = targets(seedRelationshipsBetween('PRESENTED_AT', 'clusters', 'events'), 'to');
  const region = targets(seedRelationshipsBetween('BASED_IN', 'clusters', 'regions'), 'to');
  const byTitle = orderedBy(projectRows, titleKey);
  const programmesByName = orderedBy(programmeRows, nameKey);
  const organizationsByName = orderedBy(organizationRows, nameKey);
  const themesByName = orderedBy(themeRows, nameKey);
  const eventsByStart = orderedBy(eventRows, startKey);

  it('match the MEMBER_OF, FUNDED_BY, SUPPORTED_BY, COORDINATES, BASED_IN, FOCUSES_ON, PRESENTED_AT rows of every cluster, in key order', async () => {
    const data = await helper.data<any>(relationshipsQuery, { first: 100 });
    expect(data.clusters.nodes).toHaveLength(clusters.length);
    for (const cluster of data.clusters.nodes) {
      expect({
        id: cluster.id,
        memberCount: cluster.members.totalCount,
        members: ids(cluster.members.nodes),
        programmes: ids(cluster.programmes),
        programmeCount: cluster.programmeCount,
        supportedBy: ids(cluster.supportedBy),
        coordinators: ids(cluster.coordinators),
        region: cluster.region === null ? [] : [cluster.region.id],
        themes: ids(cluster.themes),
        presentedAt: ids(cluster.presentedAt),
      }).toEqual({
        id: cluster.id,
        memberCount: members(cluster.id).length,
        members: byTitle(members(cluster.id)),
        programmes: programmesByName(memberProgrammes(cluster.id)),
        programmeCount: memberProgrammes(cluster.id).length,
        supportedBy: programmesByName(supportedBy(cluster.id)),
        coordinators: organizationsByName(coordinators(cluster.id)),
        region: region(cluster.id),
        themes: themesByName(themes(cluster.id)),
        presentedAt: eventsByStart(presentedAt(cluster.id)),
      });
    }
    // Programmes are distinct even where several members share one.
    expect(clusters.some((row) => members(row.id).length > memberProgrammes(row.id).length)).toBe(true);
    // Some cluster has members whose title order differs from their id order, so the order is tested.
    expect(clusters.some((row) => byTitle(members(row.id)).join() !== sorted(members(row.id)).join())).toBe(true);
  });

  it('cost the same number of Cypher statements for 2 clusters as for all of them', async () => {
    const small = await helper.execute<any>(relationshipsQuery, { first: 2 });
    const large = await helper.execute<any>(relationshipsQuery, { first: 100 });
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(small.data.clusters.nodes).toHaveLength(2);
    expect(large.data.clusters.nodes).toHaveLength(clusters.length);
    const membersIn = (result: any) => result.data.clusters.nodes.flatMap((node: any) => node.members.nodes).length;
    expect(membersIn(large)).toBeGreaterThan(membersIn(small));
    expect(large.statements).toBe(small.statements);
    // One statement for the list plus one per relationship field (8; programmeCount has its
    // own loader, and the members' totalCount is counted in their page's statement).
    expect(large.statements).toBe(9);
  });
});
