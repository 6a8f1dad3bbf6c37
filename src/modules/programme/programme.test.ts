/**
 * Programmes against the seeded Neo4j: each filter, each sort order, lookup by id, the
 * projects, coverage and clusters of each programme, and batching of those fields.
 * Expected answers come from the seed CSV files.
 */
import { byCodeUnits, ids, matchesText, sorted } from '../../testing/compare';
import { useTestHelper, WHOLE_GRAPH_COST } from '../../testing/test-helper';
import { groupBy, nameKey, orderedBy, orNull, regionAndDescendants, rowsById, seedNodes, seedRelationships, seedRelationshipsBetween, type SeedRow, sourceUrls, titleKey } from '../../testing/seed-fixtures';

const helper = useTestHelper(undefined, { maxCost: WHOLE_GRAPH_COST });

const programmes = seedNodes('programmes');
const projects = rowsById('projects');
const covers = seedRelationships('COVERS');
const parentOf = new Map(seedRelationshipsBetween('PART_OF', 'regions', 'regions').map((row) => [row.from, row.to]));

/** A region and every region it lies in, by walking PART_OF upwards. */
function regionAndAncestors(id: string): Set<string> {
  const result = new Set([id]);
  for (let parent = parentOf.get(id); parent !== undefined; parent = parentOf.get(parent)) result.add(parent);
  return result;
}

// The stored sort keys of src/neo4j/derived.ts, computed from seed rows: lower-cased
// text + NUL + id, compared by code units.

const allIds = (filter: Record<string, unknown>) => helper.listIds('programmes', 'ProgrammeFilter', filter);

const idsWhere = (match: (row: SeedRow) => boolean) => sorted(programmes.filter(match).map((row) => row.id));

describe('programmes list', () => {
  it('lists every programme, by name, with the properties of its seed row', async () => {
    const data = await helper.data<any>(`{ programmes(first: 100) { totalCount nodes {
      id name shortName period kind areaAsStated managingAuthority budgetAsStated platformCallOpen source sourceUrls } } }`);
    const expected = [...programmes]
      .sort((a, b) => byCodeUnits(a.name.toLowerCase(), b.name.toLowerCase()) || byCodeUnits(a.id, b.id))
      .map((row) => ({
        id: row.id,
        name: row.name,
        shortName: row.short_name,
        period: orNull(row.period),
        kind: row.kind,
        areaAsStated: orNull(row.area_as_stated),
        managingAuthority: orNull(row.managing_authority),
        budgetAsStated: orNull(row.budget_as_stated),
        platformCallOpen: row.platform_call_open === '' ? null : row.platform_call_open === 'true',
        source: row.source,
        sourceUrls: sourceUrls(row),
      }));
    expect(data.programmes.totalCount).toBe(programmes.length);
    expect(data.programmes.nodes).toEqual(expected);
  });

  it('sorts by id, both directions', async () => {
    const data = await helper.data<any>(`{
      asc: programmes(first: 100, sort: { field: ID }) { nodes { id } }
      desc: programmes(first: 100, sort: { field: ID, direction: DESC }) { nodes { id } }
    }`);
    const expected = programmes.map((row) => row.id).sort(byCodeUnits);
    expect(ids(data.asc.nodes)).toEqual(expected);
    expect(ids(data.desc.nodes)).toEqual([...expected].reverse());
  });

  it('matches every word of the text as a word prefix of the name or short name, in any case', async () => {
    for (const text of [' RUSSIA ', 'bsr', 'baltic sea', 'SEA balt', 'cbc 2014']) {
      const expected = idsWhere((row) => matchesText(text, [row.name, row.short_name]));
      expect(expected.length).toBeGreaterThan(0);
      expect(await allIds({ text })).toEqual(expected);
    }
    // "bsr" occurs only in a short name: both properties are searched.
    expect(programmes.some((row) => row.name.toLowerCase().includes('bsr'))).toBe(false);
    // "ussia" lies inside a word, never at its start: a word prefix, not a substring, matches.
    expect(programmes.some((row) => row.name.includes('ussia'))).toBe(true);
    expect(idsWhere((row) => matchesText('ussia', [row.name, row.short_name]))).toEqual([]);
    expect(await allIds({ text: 'ussia' })).toEqual([]);
  });

  it('filters by kind, case- and space-insensitively', async () => {
    for (const kind of [' eni cbc ', 'INTERREG V-B']) {
      const expected = idsWhere((row) => row.kind.toLowerCase() === kind.trim().toLowerCase());
      expect(expected.length).toBeGreaterThan(0);
      expect(await allIds({ kind })).toEqual(expected);
    }
    // The whole kind, not a prefix of it.
    expect(await allIds({ kind: 'Interreg' })).toEqual([]);
  });

  it.each(['RU-PSK', 'RU-NWFD', 'RU', 'FI1D', 'FI1D1', 'NO-54', 'EE', 'DE'])(
    'filters by regionId %s: programmes whose covered regions overlap it',
    async (regionId) => {
      const below = regionAndDescendants(regionId);
      const above = regionAndAncestors(regionId);
      // A covered region lies within the given one, or the given one lies within a covered region.
      const expected = sorted(covers.filter((row) => below.has(row.to) || above.has(row.to)).map((row) => row.from));
      expect(await allIds({ regionId })).toEqual(expected);
    },
  );

  it('combines filters with AND', async () => {
    const inRussia = regionAndDescendants('RU');
    const coveringRussia = new Set(covers.filter((row) => inRussia.has(row.to)).map((row) => row.from));
    const expected = idsWhere(
      (row) => row.kind === 'ENI CBC' && coveringRussia.has(row.id) && matchesText('latvia', [row.name, row.short_name]),
    );
    expect(expected).toHaveLength(1);
    expect(await allIds({ kind: 'eni cbc', regionId: 'RU', text: 'latvia' })).toEqual(expected);
  });
});

describe('programme by id and bad input', () => {
  it('returns a programme by id', async () => {
    const data = await helper.data<any>(`{ programme(id: "kolarctic-2014-2020") { id shortName } }`);
    const row = programmes.find((programme) => programme.id === 'kolarctic-2014-2020')!;
    expect(data.programme).toEqual({ id: row.id, shortName: row.short_name });
  });

  it('answers NOT_FOUND for an unknown programme id', async () => {
    const result = await helper.execute(`{ programme(id: "no-such-programme") { id } }`);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', id: 'no-such-programme' });
    expect(result.data).toBeNull();
  });

  it('rejects an unknown regionId with BAD_USER_INPUT naming filter.regionId', async () => {
    const result = await helper.execute(`{ programmes(filter: { regionId: "XX-NOPE" }) { totalCount } }`);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.regionId' });
    expect(result.errors?.[0].message).toContain('XX-NOPE');
  });
});

// Each relationship field appears once, so each loader is called from one place only.
const relationshipsQuery = `query($first: Int) {
  programmes(first: $first, sort: { field: ID }) {
    nodes {
      id
      projects(first: 100) { totalCount nodes { id } }
      coverage { eligibility source sourceUrls region { id } }
      clusters { id }
    }
  }
}`;

describe('programme relationship fields', () => {
  const byTitle = orderedBy(projects, titleKey);
  const regionsByName = orderedBy(rowsById('regions'), nameKey);
  const clustersByName = orderedBy(rowsById('clusters'), nameKey);
  const fundedBy = groupBy(seedRelationships('FUNDED_BY'), (row) => row.to);
  const covering = groupBy(covers, (row) => row.from);
  const supporting = groupBy(seedRelationships('SUPPORTED_BY'), (row) => row.to);

  it('match the FUNDED_BY, COVERS and SUPPORTED_BY rows of every programme, in key order', async () => {
    const data = await helper.data<any>(relationshipsQuery, { first: 100 });
    expect(data.programmes.nodes).toHaveLength(programmes.length);
    for (const programme of data.programmes.nodes) {
      const funded = (fundedBy.get(programme.id) ?? []).map((row) => row.from);
      const coverage = new Map((covering.get(programme.id) ?? []).map((row) => [row.to, row]));
      expect({
        id: programme.id,
        projectCount: programme.projects.totalCount,
        projects: ids(programme.projects.nodes),
        coverage: programme.coverage,
        clusters: ids(programme.clusters),
      }).toEqual({
        id: programme.id,
        projectCount: funded.length,
        projects: byTitle(funded),
        coverage: regionsByName([...coverage.keys()]).map((region) => ({
          eligibility: coverage.get(region)!.eligibility,
          source: coverage.get(region)!.source,
          sourceUrls: sourceUrls(coverage.get(region)!),
          region: { id: region },
        })),
        clusters: clustersByName((supporting.get(programme.id) ?? []).map((row) => row.from)),
      });
    }
    // The seed has both kinds of eligibility, and a programme that covers nothing.
    expect(new Set(covers.map((row) => row.eligibility))).toEqual(new Set(['core', 'adjoining']));
    expect(data.programmes.nodes.some((programme: any) => programme.coverage.length === 0)).toBe(true);
    // A programme covers a region at most once, so coverage is keyed by region above.
    expect(new Set(covers.map((row) => `${row.from}:${row.to}`)).size).toBe(covers.length);
    // Title order differs from id order for some programme's projects, so the order is tested.
    const titleOrderDiffers = (rows: SeedRow[]) => byTitle(rows.map((row) => row.from)).join() !== sorted(rows.map((row) => row.from)).join();
    expect([...fundedBy.values()].some(titleOrderDiffers)).toBe(true);
  });

  it('cost the same number of Cypher statements for 2 programmes as for all of them', async () => {
    const small = await helper.execute<any>(relationshipsQuery, { first: 2 });
    const large = await helper.execute<any>(relationshipsQuery, { first: 100 });
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(small.data.programmes.nodes).toHaveLength(2);
    expect(large.data.programmes.nodes).toHaveLength(programmes.length);
    const projectsOf = (result: any) => result.data.programmes.nodes.flatMap((node: any) => node.projects.nodes).length;
    expect(projectsOf(large)).toBeGreaterThan(projectsOf(small));
    expect(large.statements).toBe(small.statements);
    // One statement for the list plus one per relationship field (3).
    expect(large.statements).toBe(4);
  });
});
