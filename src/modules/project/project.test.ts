/**
 * Project lists against the seeded Neo4j: each filter, sorting, cursor pagination and
 * bad input. Expected answers come from the seed CSV files.
 */
import { byCodeUnits, matchesText } from '../../testing/compare';
import { useTestHelper } from '../../testing/test-helper';
import { regionAndDescendants, seedNodes, seedRelationships } from '../../testing/seed-fixtures';

const helper = useTestHelper();

const projects = seedNodes('projects');

const allIds = (filter: Record<string, unknown>) => helper.listIds('projects', 'ProjectFilter', filter);

const idsWhere = (relationship: string, match: (row: Record<string, string>) => boolean, side: 'from' | 'to' = 'from') =>
  [...new Set(seedRelationships(relationship).filter(match).map((row) => row[side]))].sort();

describe('projects filters', () => {
  it('counts every seeded project with no filter', async () => {
    const data = await helper.data<any>(`{ projects { totalCount } }`);
    expect(data.projects.totalCount).toBe(projects.length);
  });

  it('filters by programme', async () => {
    expect(await allIds({ programmeId: 'kolarctic-2014-2020' })).toEqual(
      idsWhere('FUNDED_BY', (row) => row.to === 'kolarctic-2014-2020'),
    );
  });

  it('filters by region including its sub-regions', async () => {
    for (const regionId of ['RU-PSK', 'RU', 'FI1D', 'EE']) {
      const inRegion = regionAndDescendants(regionId);
      expect(await allIds({ regionId })).toEqual(idsWhere('LOCATED_IN', (row) => inRegion.has(row.to)));
    }
  });

  it('filters by theme, organization and cluster', async () => {
    const theme = seedRelationships('ADDRESSES')[0].to;
    expect(await allIds({ themeId: theme })).toEqual(idsWhere('ADDRESSES', (row) => row.to === theme));
    const organization = seedRelationships('PARTICIPATES_IN')[0].from;
    expect(await allIds({ organizationId: organization })).toEqual(
      idsWhere('PARTICIPATES_IN', (row) => row.from === organization, 'to'),
    );
    expect(await allIds({ clusterId: 'pskov-regional-project-cluster' })).toEqual(
      idsWhere('MEMBER_OF', (row) => row.to === 'pskov-regional-project-cluster'),
    );
  });

  it('filters by active period: running on or after activeFrom and started by activeTo', async () => {
    const from = '2019-06-01';
    const to = '2020-06-30';
    const expected = projects
      .filter((p) => p.start_date !== '' && p.start_date <= to && (p.end_date === '' || p.end_date >= from))
      .map((p) => p.id)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(await allIds({ activeFrom: from, activeTo: to })).toEqual(expected);
  });

  /** Projects where every word of `text` starts a word of the title, acronym or code. */
  const textMatches = (text: string) =>
    projects
      .filter((p) => matchesText(text, [p.title, p.acronym, p.code]))
      .map((p) => p.id)
      .sort();

  it('matches every word of the text as a word prefix of title, acronym or code, ignoring case', async () => {
    for (const text of ['  BARENTS ', 'barent', 'cross border', 'Pskov region']) {
      const expected = textMatches(text);
      expect(expected.length).toBeGreaterThan(0);
      expect(await allIds({ text })).toEqual(expected);
    }
  });

  it('searches Lucene syntax literally: quotes, brackets, wildcards and operators are plain words or nothing', async () => {
    expect(await allIds({ text: '"barents" (' })).toEqual(textMatches('barents'));
    expect(await allIds({ text: 'barents AND zzzunknownword' })).toEqual([]);
    expect(await allIds({ text: 'title:barents~ OR *' })).toEqual(textMatches('title barents or'));
    const nothing = await helper.data<any>(`query($text: String) { projects(filter: { text: $text }) { totalCount nodes { id } } }`, {
      text: '*~()\\"',
    });
    expect(nothing.projects).toEqual({ totalCount: 0, nodes: [] });
  });

  it('pages one project at a time through a region holding many of them (read in key order) and sees each once, in order', async () => {
    const inSweden = regionAndDescendants('SE');
    const located = new Set(idsWhere('LOCATED_IN', (row) => inSweden.has(row.to)));
    const key = (p: Record<string, string>) => `${(p.title || p.acronym || p.id).toLowerCase()}\u0000${p.id}`;
    const expected = projects.filter((p) => located.has(p.id)).sort((a, b) => byCodeUnits(key(a), key(b))).map((p) => p.id);
    // With first: 1 the region reaches far more than page × projects / its share: the plan scans the key index.
    expect(expected.length ** 2).toBeGreaterThan(2 * projects.length * 4);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page <= expected.length; page += 1) {
      const data: any = await helper.data(
        `query($after: String) { projects(first: 1, after: $after, filter: { regionId: "SE" }) { nodes { id } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      seen.push(...data.projects.nodes.map((n: any) => n.id));
      if (!data.projects.pageInfo.hasNextPage) break;
      after = data.projects.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
  });

  it('pages through a text search two at a time, in key order, with the whole match count on every page', async () => {
    const key = (p: Record<string, string>) => `${(p.title || p.acronym || p.id).toLowerCase()}\u0000${p.id}`;
    const matching = new Set(textMatches('border'));
    const expected = projects.filter((p) => matching.has(p.id)).sort((a, b) => byCodeUnits(key(a), key(b))).map((p) => p.id);
    expect(expected.length).toBeGreaterThan(2);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page <= expected.length; page += 1) {
      const data: any = await helper.data(
        `query($after: String) { projects(first: 2, after: $after, filter: { text: "border" }) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      expect(data.projects.totalCount).toBe(expected.length);
      seen.push(...data.projects.nodes.map((n: any) => n.id));
      if (!data.projects.pageInfo.hasNextPage) break;
      after = data.projects.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
  });

  it('combines filters with AND', async () => {
    const pskov = regionAndDescendants('RU-PSK');
    const inPskov = new Set(idsWhere('LOCATED_IN', (row) => pskov.has(row.to)));
    const expected = idsWhere('FUNDED_BY', (row) => row.to === 'latvia-russia-2014-2020').filter((id) => inPskov.has(id));
    expect(await allIds({ programmeId: 'latvia-russia-2014-2020', regionId: 'RU-PSK' })).toEqual(expected);
  });
});

describe('projects sorting and pagination', () => {

  /** The stored START_DATE key: the date, or '~' when undated (after every date), then the id. */
  const startKey = (p: Record<string, string>) => `${p.start_date || '~'}\u0000${p.id}`;

  it('sorts by start date: undated projects last ascending, first descending, ties by id', async () => {
    const ascending = [...projects].sort((a, b) => byCodeUnits(startKey(a), startKey(b))).map((p) => p.id);
    expect(projects.some((p) => p.start_date === '')).toBe(true);
    const data = await helper.data<any>(
      `{ asc: projects(first: 100, sort: { field: START_DATE }) { nodes { id } }
         desc: projects(first: 100, sort: { field: START_DATE, direction: DESC }) { nodes { id } } }`,
    );
    // The first page (100) of each direction.
    expect(data.asc.nodes.map((n: any) => n.id)).toEqual(ascending.slice(0, 100));
    expect(data.desc.nodes.map((n: any) => n.id)).toEqual([...ascending].reverse().slice(0, 100));
  });

  it('sorts by title as stored: lower-cased title (else acronym, else id), ties by id', async () => {
    const key = (p: Record<string, string>) => `${(p.title || p.acronym || p.id).toLowerCase()}\u0000${p.id}`;
    const expected = [...projects].sort((a, b) => byCodeUnits(key(a), key(b))).map((p) => p.id);
    const data = await helper.data<any>(`{ projects(first: 100) { nodes { id } } }`);
    expect(data.projects.nodes.map((n: any) => n.id)).toEqual(expected.slice(0, 100));
  });

  it('walks every page with cursors and sees each project exactly once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const data: any = await helper.data(
        `query($after: String) { projects(first: 7, after: $after, sort: { field: ID }) {
          totalCount nodes { id } pageInfo { hasNextPage hasPreviousPage endCursor } } }`,
        { after },
      );
      pages += 1;
      seen.push(...data.projects.nodes.map((n: any) => n.id));
      expect(data.projects.pageInfo.hasPreviousPage).toBe(pages > 1);
      if (!data.projects.pageInfo.hasNextPage) break;
      after = data.projects.pageInfo.endCursor;
    }
    expect(pages).toBe(Math.ceil(projects.length / 7));
    expect(seen).toHaveLength(projects.length);
    expect(new Set(seen).size).toBe(projects.length);
    expect(seen).toEqual([...seen].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('returns an empty page after the last item, and for first: 0', async () => {
    // The cursor of the last project: walk the pages (100 a page) to the end.
    let lastCursor: string | null = null;
    for (let more = true; more; ) {
      const page: any = await helper.data(`query($a: String) { projects(first: 100, after: $a) { edges { cursor } pageInfo { hasNextPage } } }`, { a: lastCursor });
      lastCursor = page.projects.edges.at(-1).cursor;
      more = page.projects.pageInfo.hasNextPage;
    }
    const after = await helper.data<any>(`query($a: String) { projects(after: $a) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`, {
      a: lastCursor,
    });
    expect(after.projects).toEqual({ totalCount: projects.length, nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
    const zero = await helper.data<any>(`{ projects(first: 0) { totalCount nodes { id } pageInfo { hasNextPage } } }`);
    expect(zero.projects).toEqual({ totalCount: projects.length, nodes: [], pageInfo: { hasNextPage: true } });
  });

  it('returns an empty connection when nothing matches', async () => {
    const data = await helper.data<any>(`{ projects(filter: { text: "no project is called this" }) { totalCount nodes { id } } }`);
    expect(data.projects).toEqual({ totalCount: 0, nodes: [] });
  });
});

describe('projects bad input', () => {
  it('rejects a bad cursor with BAD_USER_INPUT naming "after"', async () => {
    const result = await helper.execute(`{ projects(after: "not-a-cursor") { totalCount } }`);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    expect(result.errors?.[0].message).toContain('not-a-cursor');
  });

  it('rejects a page larger than the maximum', async () => {
    const result = await helper.execute(`{ projects(first: ${helper.maxPageSize + 1}) { totalCount } }`);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
  });

  it('rejects an unknown id in a filter, naming the filter', async () => {
    const result = await helper.execute(`{ projects(filter: { programmeId: "no-such-programme" }) { totalCount } }`);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.programmeId' });
    expect(result.errors?.[0].message).toContain('no-such-programme');
  });

  it('rejects a text filter longer than a search phrase, naming the filter and not echoing it', async () => {
    const result = await helper.execute(`query($t: String) { projects(filter: { text: $t }) { totalCount } }`, { t: 'w'.repeat(10_000) });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.text' });
    expect(result.errors?.[0].message).toContain('10000 characters');
    expect(result.errors?.[0].message.length).toBeLessThan(200);
  });

  it('answers NOT_FOUND for an unknown project id', async () => {
    const result = await helper.execute(`{ project(id: "KO9999") { id } }`);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', id: 'KO9999' });
    expect(result.data).toBeNull();
  });

  it('rejects a malformed date with a validation error naming the value', async () => {
    const result = await helper.execute(`{ projects(filter: { activeFrom: "2018-13-45" }) { totalCount } }`);
    expect(result.errors?.[0].extensions?.code).toMatch(/GRAPHQL_VALIDATION_FAILED|BAD_USER_INPUT/);
    expect(result.errors?.[0].message).toContain('2018-13-45');
  });

  it('rejects an unknown sort field', async () => {
    const result = await helper.execute(`{ projects(sort: { field: POPULARITY }) { totalCount } }`);
    expect(result.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors?.[0].message).toContain('POPULARITY');
  });
});
