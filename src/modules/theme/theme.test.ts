/**
 * Thematic areas against the seeded Neo4j: the text filter, each sort order, lookup by
 * id, the projects and clusters of each area, and batching of those fields.
 * Expected answers come from the seed CSV files.
 */
import { byCodeUnits, ids, matchesText, sorted } from '../../testing/compare';
import { useTestHelper, WHOLE_GRAPH_COST } from '../../testing/test-helper';
import { groupBy, nameKey, orderedBy, rowsById, seedNodes, seedRelationships, type SeedRow, titleKey } from '../../testing/seed-fixtures';

const helper = useTestHelper(undefined, { maxCost: WHOLE_GRAPH_COST });

const themes = seedNodes('thematic-areas');

// The stored sort keys of src/neo4j/derived.ts, computed from seed rows: lower-cased
// text + NUL + id, compared by code units.

describe('thematicAreas list', () => {
  it('lists every thematic area, by name, with the properties of its seed row', async () => {
    const data = await helper.data<any>(`{ thematicAreas(first: 100) { totalCount nodes { id code name source sourceUrls } } }`);
    const expected = [...themes]
      .sort((a, b) => byCodeUnits(a.name.toLowerCase(), b.name.toLowerCase()) || byCodeUnits(a.id, b.id))
      .map((row: SeedRow) => ({
        id: row.id,
        code: row.code === '' ? null : row.code,
        name: row.name,
        source: row.source,
        sourceUrls: row.source_url === '' ? [] : row.source_url.split(' ; '),
      }));
    expect(data.thematicAreas.totalCount).toBe(themes.length);
    expect(data.thematicAreas.nodes).toEqual(expected);
  });

  it('sorts by code, shorter codes first and areas without a code last; descending as the exact reverse', async () => {
    const data = await helper.data<any>(`{
      asc: thematicAreas(first: 100, sort: { field: CODE }) { nodes { id } }
      desc: thematicAreas(first: 100, sort: { field: CODE, direction: DESC }) { nodes { id } }
    }`);
    const coded = themes.filter((row) => row.code !== '');
    const expected = [
      ...coded
        .sort(
          (a, b) =>
            a.code.length - b.code.length || byCodeUnits(a.code.toLowerCase(), b.code.toLowerCase()) || byCodeUnits(a.id, b.id),
        )
        .map((row) => row.id),
      ...sorted(themes.filter((row) => row.code === '').map((row) => row.id)),
    ];
    // The seed holds short codes, a longer one and an area without a code.
    expect(new Set(coded.map((row) => row.code.length)).size).toBeGreaterThan(1);
    expect(coded.length).toBeLessThan(themes.length);
    expect(ids(data.asc.nodes)).toEqual(expected);
    expect(ids(data.desc.nodes)).toEqual([...expected].reverse());
  });

  it('matches every word of the text as a word prefix of the name or code, in any case', async () => {
    for (const text of [' TRANSPORT ', 'priority', 'to6', 'PRIORITY 1', 'sustain transp']) {
      const matching = themes.filter((row) => matchesText(text, [row.name, row.code]));
      const expected = sorted(matching.map((row) => row.id));
      expect(expected.length).toBeGreaterThan(0);
      const data = await helper.data<any>(
        `query($text: String) { thematicAreas(filter: { text: $text }, first: 100) { totalCount nodes { id } } }`,
        { text },
      );
      expect(data.thematicAreas.totalCount).toBe(expected.length);
      expect(sorted(ids(data.thematicAreas.nodes))).toEqual(expected);
    }
    // "priority" occurs only in a code: both properties are searched.
    expect(themes.some((row) => row.name.toLowerCase().includes('priority'))).toBe(false);
    // "ransport" lies inside words, never at their start: a word prefix, not a substring, matches.
    expect(themes.some((row) => row.name.includes('ransport'))).toBe(true);
    expect(themes.filter((row) => matchesText('ransport', [row.name, row.code]))).toEqual([]);
    const none = await helper.data<any>(`{ thematicAreas(filter: { text: "ransport" }) { totalCount nodes { id } } }`);
    expect(none.thematicAreas).toEqual({ totalCount: 0, nodes: [] });
  });
});

describe('thematicArea by id', () => {
  it('returns a thematic area by id', async () => {
    const data = await helper.data<any>(`{ thematicArea(id: "to-5") { id code } }`);
    expect(data.thematicArea).toEqual({ id: 'to-5', code: themes.find((row) => row.id === 'to-5')!.code });
  });

  it('answers NOT_FOUND for an unknown id', async () => {
    const result = await helper.execute(`{ thematicArea(id: "to-99") { id } }`);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', id: 'to-99' });
    expect(result.data).toBeNull();
  });
});

// Each relationship field appears once, so each loader is called from one place only.
const relationshipsQuery = `query($first: Int) {
  thematicAreas(first: $first, sort: { field: CODE }) { nodes { id projects(first: 100) { totalCount nodes { id } } clusters { id } } }
}`;

describe('thematic area relationship fields', () => {
  const byTitle = orderedBy(rowsById('projects'), titleKey);
  const clustersByName = orderedBy(rowsById('clusters'), nameKey);
  const addressing = groupBy(seedRelationships('ADDRESSES'), (row) => row.to);
  const focusing = groupBy(seedRelationships('FOCUSES_ON'), (row) => row.to);

  it('match the ADDRESSES and FOCUSES_ON rows of every area, in key order', async () => {
    const data = await helper.data<any>(relationshipsQuery, { first: 100 });
    expect(data.thematicAreas.nodes).toHaveLength(themes.length);
    for (const theme of data.thematicAreas.nodes) {
      const addressed = (addressing.get(theme.id) ?? []).map((row) => row.from);
      expect({
        id: theme.id,
        projectCount: theme.projects.totalCount,
        projects: ids(theme.projects.nodes),
        clusters: ids(theme.clusters),
      }).toEqual({
        id: theme.id,
        projectCount: addressed.length,
        // The first page (100) in title order; the count covers every page.
        projects: byTitle(addressed).slice(0, 100),
        clusters: clustersByName((focusing.get(theme.id) ?? []).map((row) => row.from)),
      });
    }
    // Title order differs from id order for some area's projects, so the order is tested.
    const titleOrderDiffers = (rows: SeedRow[]) => byTitle(rows.map((row) => row.from)).join() !== sorted(rows.map((row) => row.from)).join();
    expect([...addressing.values()].some(titleOrderDiffers)).toBe(true);
  });

  it('cost the same number of Cypher statements for 2 areas as for all of them', async () => {
    const small = await helper.execute<any>(relationshipsQuery, { first: 2 });
    const large = await helper.execute<any>(relationshipsQuery, { first: 100 });
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(small.data.thematicAreas.nodes).toHaveLength(2);
    expect(large.data.thematicAreas.nodes).toHaveLength(themes.length);
    const projectsOf = (result: any) => result.data.thematicAreas.nodes.flatMap((node: any) => node.projects.nodes).length;
    expect(projectsOf(large)).toBeGreaterThan(projectsOf(small));
    expect(large.statements).toBe(small.statements);
    // One statement for the list plus one per relationship field (2).
    expect(large.statements).toBe(3);
  });
});
