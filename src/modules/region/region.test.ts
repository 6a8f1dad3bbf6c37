/**
 * Regions against the seeded Neo4j: each filter, each sort order, lookup by id, the
 * PART_OF hierarchy in both directions and what lies in a region, and batching of the
 * relationship fields. Expected answers come from the seed CSV files.
 */
import { byCodeUnits, ids, matchesText, sorted } from '../../testing/compare';
import { useTestHelper, WHOLE_GRAPH_COST } from '../../testing/test-helper';
import { groupBy, nameKey, orderedBy, rowsById, seedNodes, seedRelationships, seedRelationshipsBetween, type SeedRow, startKey, titleKey } from '../../testing/seed-fixtures';

const helper = useTestHelper(undefined, { maxCost: WHOLE_GRAPH_COST });

const regions = seedNodes('regions');
const partOf = seedRelationshipsBetween('PART_OF', 'regions', 'regions');
const parentOf = new Map(partOf.map((row) => [row.from, row.to]));
const childrenOf = groupBy(partOf, (row) => row.to);
const locatedIn = seedRelationshipsBetween('LOCATED_IN', 'projects', 'regions');
const organizationsBasedIn = seedRelationshipsBetween('BASED_IN', 'organizations', 'regions');


/** The regions a region lies in, nearest first, by walking PART_OF upwards. */
function ancestorsOf(id: string): string[] {
  const ancestors: string[] = [];
  for (let parent = parentOf.get(id); parent !== undefined; parent = parentOf.get(parent)) ancestors.push(parent);
  return ancestors;
}

/** A region and every region below it, by walking PART_OF downwards. */
function subtreeOf(id: string): Set<string> {
  const subtree = new Set([id]);
  for (const region of subtree) for (const row of childrenOf.get(region) ?? []) subtree.add(row.from);
  return subtree;
}

/** Sources of the rows whose target lies in one of `targets`. */
function sourcesInto(rows: SeedRow[], targets: Set<string>): string[] {
  return sorted(rows.filter((row) => targets.has(row.to)).map((row) => row.from));
}

const allIds = (filter: Record<string, unknown>) => helper.listIds('regions', 'RegionFilter', filter);

const idsWhere = (match: (row: SeedRow) => boolean) => sorted(regions.filter(match).map((row) => row.id));

describe('regions filters', () => {
  // GraphQL enum value → stored level, as seed/FORMAT.md names them.
  const storedLevel: Record<string, string> = {
    COUNTRY: 'country',
    NUTS1: 'NUTS1',
    NUTS2: 'NUTS2',
    NUTS3: 'NUTS3',
    FEDERAL_DISTRICT: 'federal_district',
    FEDERAL_SUBJECT: 'federal_subject',
    COUNTY: 'county',
  };

  it('counts every seeded region with no filter, and with a blank country code', async () => {
    const data = await helper.data<any>(`{ all: regions { totalCount } blank: regions(filter: { countryCode: "  " }) { totalCount } }`);
    expect(data.all.totalCount).toBe(regions.length);
    expect(data.blank.totalCount).toBe(regions.length);
  });

  it.each(Object.keys(storedLevel))('filters by level %s', async (level) => {
    const expected = idsWhere((row) => row.level === storedLevel[level]);
    expect(expected.length).toBeGreaterThan(0);
    if (expected.length <= 100) {
      expect(await allIds({ level })).toEqual(expected);
    } else {
      const data = await helper.data<any>(`query($filter: RegionFilter) { regions(filter: $filter, first: 0) { totalCount } }`, {
        filter: { level },
      });
      expect(data.regions.totalCount).toBe(expected.length);
    }
  });

  it.each(['RU', 'RU-NWFD', 'FI', 'FI1D', 'NO', 'RU-PSK'])('filters by withinId %s: every region below it, not itself', async (id) => {
    expect(await allIds({ withinId: id })).toEqual(sorted([...subtreeOf(id)].filter((below) => below !== id)));
  });

  it('filters by country code, case- and space-insensitively', async () => {
    for (const countryCode of [' fi ', 'RU', 'no', 'Ee']) {
      const expected = idsWhere((row) => row.country_code === countryCode.trim().toUpperCase());
      expect(expected.length).toBeGreaterThan(0);
      expect(await allIds({ countryCode })).toEqual(expected);
    }
  });

  it('matches every word of the text as a word prefix of the name or id, in any case', async () => {
    for (const text of [' Karel ', 'FI1D', 'oblast', 'ru psk', 'leningrad OBL']) {
      const expected = idsWhere((row) => matchesText(text, [row.name, row.id]));
      expect(expected.length).toBeGreaterThan(0);
      expect(await allIds({ text })).toEqual(expected);
    }
    // "fi1d" occurs only in ids, "oblast" only in names: both kinds of match are exercised.
    expect(regions.some((row) => row.name.toLowerCase().includes('fi1d'))).toBe(false);
    expect(regions.some((row) => row.id.toLowerCase().includes('oblast'))).toBe(false);
    // "blast" lies inside words, never at their start: a word prefix, not a substring, matches.
    expect(regions.some((row) => row.name.includes('blast'))).toBe(true);
    expect(idsWhere((row) => matchesText('blast', [row.name, row.id]))).toEqual([]);
    expect(await allIds({ text: 'blast' })).toEqual([]);
  });

  it("finds names whose words are joined by an apostrophe or a dot, by any of those words (L'Aquila, Val-d'Oise)", async () => {
    const joined = regions.filter((row) => /\p{L}['’.]\p{L}/u.test(row.name));
    expect(joined.length).toBeGreaterThan(2);
    for (const text of ["L'Aquila", 'Aquila', "Val-d'Oise", 'Oise', "Arhangel'skaja oblast'"]) {
      const expected = idsWhere((row) => matchesText(text, [row.name, row.id]));
      expect(expected.length).toBeGreaterThan(0);
      expect(await allIds({ text })).toEqual(expected);
    }
  });

  it('combines filters with AND', async () => {
    const inNorthWest = subtreeOf('RU-NWFD');
    const expected = idsWhere(
      (row) => row.level === 'federal_subject' && inNorthWest.has(row.id) && matchesText('OBLAST', [row.name, row.id]),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(await allIds({ level: 'FEDERAL_SUBJECT', withinId: 'RU-NWFD', countryCode: 'ru', text: 'OBLAST' })).toEqual(expected);
  });
});

describe('regions sorting', () => {
  const firstPage = async (sort: Record<string, unknown> | null) => {
    const data = await helper.data<any>(`query($sort: RegionSort) { regions(first: 100, sort: $sort) { nodes { id } } }`, { sort });
    return data.regions.nodes.map((node: { id: string }) => node.id);
  };
  const expectedOrder = (key: (row: SeedRow) => string | number) =>
    [...regions]
      .sort((a, b) => {
        const [x, y] = [key(a), key(b)];
        return (x < y ? -1 : x > y ? 1 : 0) || byCodeUnits(a.id, b.id);
      })
      .map((row) => row.id);

  it('sorts by name case-insensitively by default, ties by id', async () => {
    expect(await firstPage(null)).toEqual(expectedOrder((row) => row.name.toLowerCase()).slice(0, 100));
  });

  it('sorts by id', async () => {
    expect(await firstPage({ field: 'ID' })).toEqual(expectedOrder((row) => row.id).slice(0, 100));
  });

  // Broadest first as the schema describes it: countries; NUTS1 and federal districts;
  // NUTS2; then NUTS3 with the regions the programmes treat as NUTS3-level.
  const breadth: Record<string, number> = {
    country: 0,
    NUTS1: 1,
    federal_district: 1,
    NUTS2: 2,
    NUTS3: 3,
    federal_subject: 3,
    county: 3,
    subdivision: 3,
  };

  it('sorts by level, broadest first, and descending as the exact reverse', async () => {
    const ascending = expectedOrder((row) => breadth[row.level]);
    expect(await firstPage({ field: 'LEVEL' })).toEqual(ascending.slice(0, 100));
    expect(await firstPage({ field: 'LEVEL', direction: 'DESC' })).toEqual([...ascending].reverse().slice(0, 100));
  });
});

describe('region by id and bad input', () => {
  it('gives a Ukrainian oblast from ISO 3166-2 as a first-class region, with its kind and country', async () => {
    const oblasts = regions.filter((row) => row.country_code === 'UA' && row.level === 'subdivision');
    expect(oblasts.length).toBeGreaterThan(20);
    const row = oblasts.find((region) => region.id === 'UA-46')!;
    const data = await helper.data<any>(`{ region(id: "UA-46") { id name level kind countryCode parent { id } source } }`);
    expect(data.region).toEqual({ id: row.id, name: row.name, level: 'SUBDIVISION', kind: row.kind, countryCode: 'UA', parent: { id: 'UA' }, source: 'iso3166-2' });
    const listed = await helper.data<any>(`{ regions(filter: { countryCode: "UA" }, first: 1) { totalCount } }`);
    expect(listed.regions.totalCount).toBe(regions.filter((region) => region.country_code === 'UA').length);
  });

  it('returns a region with the properties of its seed row', async () => {
    const row = regions.find((region) => region.id === 'NO-54')!;
    const data = await helper.data<any>(`{ region(id: "NO-54") { id name level countryCode source sourceUrls } }`);
    expect(data.region).toEqual({
      id: row.id,
      name: row.name,
      level: 'COUNTY',
      countryCode: row.country_code,
      source: 'iso3166-2',
      sourceUrls: row.source_url.split(' ; '),
    });
  });

  it('answers NOT_FOUND for an unknown region id', async () => {
    const result = await helper.execute(`{ region(id: "XX-NOPE") { id } }`);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', id: 'XX-NOPE' });
    expect(result.data).toBeNull();
  });

  it('rejects an unknown withinId with BAD_USER_INPUT naming filter.withinId', async () => {
    const result = await helper.execute(`{ regions(filter: { withinId: "XX-NOPE" }) { totalCount } }`);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.withinId' });
    expect(result.errors?.[0].message).toContain('XX-NOPE');
  });
});

// Each relationship field appears once, so each loader is called from one place only.
const relationshipsQuery = `query($countryCode: String, $first: Int, $after: String) {
  regions(first: $first, after: $after, filter: { countryCode: $countryCode }, sort: { field: ID }) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id
      parent { id }
      children { id }
      ancestors { id }
      directProjects: projects(includeSubRegions: false, first: 100) { totalCount nodes { id } }
      projects(first: 100) { totalCount nodes { id } }
      directOrganizations: organizations(includeSubRegions: false, first: 100) { totalCount nodes { id } }
      organizations(first: 100) { totalCount nodes { id } }
      programmes { id }
      clusters { id }
      events { id }
    }
  }
}`;

describe('region relationship fields', () => {
  const covers = seedRelationships('COVERS');
  const clustersBasedIn = seedRelationshipsBetween('BASED_IN', 'clusters', 'regions');
  const eventsHeldIn = seedRelationships('HELD_IN');
  const regionsByName = orderedBy(rowsById('regions'), nameKey);
  const projectsByTitle = orderedBy(rowsById('projects'), titleKey);
  const organizationsByName = orderedBy(rowsById('organizations'), nameKey);
  const programmesByName = orderedBy(rowsById('programmes'), nameKey);
  const clustersByName = orderedBy(rowsById('clusters'), nameKey);
  const eventsByStart = orderedBy(rowsById('events'), startKey);
  /** A page of the query above as the ids it holds, with the count across pages. */
  const page = (connection: any) => ({ totalCount: connection.totalCount, ids: ids(connection.nodes) });
  /** The first page (100) of the expected list in key order, and the count of all of it. */
  const expectedPage = (idList: string[]) => ({ totalCount: idList.length, ids: idList.slice(0, 100) });

  /** Every region of `country` with the fields above, page by page (ISO 3166-2 gives a country scores of regions). */
  async function regionsOf(country: string): Promise<any[]> {
    const nodes: any[] = [];
    let after: string | null = null;
    for (;;) {
      const data: any = await helper.data<any>(relationshipsQuery, { countryCode: country, first: 50, after });
      nodes.push(...data.regions.nodes);
      if (!data.regions.pageInfo.hasNextPage) return nodes;
      after = data.regions.pageInfo.endCursor;
    }
  }

  it.each(['RU', 'FI', 'NO', 'EE', 'UA'])('match the PART_OF, LOCATED_IN, BASED_IN and COVERS rows for the regions of %s, in key order', async (country) => {
    const nodes = await regionsOf(country);
    expect(nodes.length).toBe(regions.filter((row) => row.country_code === country).length);
    for (const region of nodes) {
      const self = new Set([region.id]);
      const subtree = subtreeOf(region.id);
      const within = new Set([region.id, ...ancestorsOf(region.id)]);
      expect({
        id: region.id,
        parent: region.parent?.id ?? null,
        children: ids(region.children),
        ancestors: ids(region.ancestors),
        directProjects: page(region.directProjects),
        projects: page(region.projects),
        directOrganizations: page(region.directOrganizations),
        organizations: page(region.organizations),
        programmes: ids(region.programmes),
        clusters: ids(region.clusters),
        events: ids(region.events),
      }).toEqual({
        id: region.id,
        parent: parentOf.get(region.id) ?? null,
        children: regionsByName((childrenOf.get(region.id) ?? []).map((row) => row.from)),
        ancestors: ancestorsOf(region.id),
        directProjects: expectedPage(projectsByTitle(sourcesInto(locatedIn, self))),
        projects: expectedPage(projectsByTitle(sourcesInto(locatedIn, subtree))),
        directOrganizations: expectedPage(organizationsByName(sourcesInto(organizationsBasedIn, self))),
        organizations: expectedPage(organizationsByName(sourcesInto(organizationsBasedIn, subtree))),
        programmes: programmesByName(sorted(covers.filter((row) => within.has(row.to)).map((row) => row.from))),
        clusters: clustersByName(clustersBasedIn.filter((row) => row.to === region.id).map((row) => row.from)),
        events: eventsByStart(eventsHeldIn.filter((row) => row.to === region.id).map((row) => row.from)),
      });
    }
  });

  it('reach related nodes through sub-regions only when includeSubRegions is true', async () => {
    const russia = (await regionsOf('RU')).find((node: any) => node.id === 'RU');
    expect(russia.projects.totalCount).toBeGreaterThan(russia.directProjects.totalCount);
    expect(russia.organizations.totalCount).toBeGreaterThan(russia.directOrganizations.totalCount);
  });

  it('refuse a cursor of projects with sub-regions on projects without them, with BAD_USER_INPUT naming after', async () => {
    const query = `query($sub: Boolean!, $after: String) {
      region(id: "RU") { projects(includeSubRegions: $sub, first: 2, after: $after) { pageInfo { endCursor } } }
    }`;
    const withSubRegions = await helper.data<any>(query, { sub: true });
    const after = withSubRegions.region.projects.pageInfo.endCursor;
    expect(typeof after).toBe('string');
    // The same cursor continues the list it came from…
    expect((await helper.execute(query, { sub: true, after })).errors).toBeUndefined();
    // …but means nothing in the other one.
    const result = await helper.execute(query, { sub: false, after });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
  });

  it('cost the same number of Cypher statements for 2 regions as for 30', async () => {
    const small = await helper.execute<any>(relationshipsQuery, { countryCode: 'FI', first: 2 });
    const large = await helper.execute<any>(relationshipsQuery, { countryCode: 'FI', first: 30 });
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(small.data.regions.nodes).toHaveLength(2);
    expect(large.data.regions.nodes).toHaveLength(30);
    const projectsOf = (result: any) => result.data.regions.nodes.flatMap((node: any) => node.projects.nodes).length;
    expect(projectsOf(large)).toBeGreaterThan(projectsOf(small));
    expect(large.statements).toBe(small.statements);
    // One statement for the list plus one per relationship field (10).
    expect(large.statements).toBe(11);
  });
});
