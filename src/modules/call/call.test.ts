/**
 * Calls for proposals against the seeded Neo4j: the list (every row, filters, both sorts,
 * paging), lookup by id, Programme.calls, Call.programme, Call.projects and Project.call,
 * and batching of those fields. Expected answers come from the seed CSV files.
 */
import { byCodeUnits, ids, matchesText, sorted } from '../../testing/compare';
import { useTestHelper, WHOLE_GRAPH_COST } from '../../testing/test-helper';
import { groupBy, orderedBy, orNull, rowsById, seedNodes, seedRelationships, sourceUrls, startKey, titleKey } from '../../testing/seed-fixtures';

const helper = useTestHelper(undefined, { maxCost: WHOLE_GRAPH_COST });

const calls = seedNodes('calls');
const openedBy = new Map(seedRelationships('OPENED_BY').map((row) => [row.from, row.to]));
const fundedUnder = seedRelationships('FUNDED_UNDER');
const allIds = (filter: Record<string, unknown>) => helper.listIds('calls', 'CallFilter', filter);
const idsWhere = (match: (row: Record<string, string>) => boolean) => sorted(calls.filter(match).map((row) => row.id));

/** Every page of `calls(...)` with the given arguments, 100 a page. */
async function walk(argumentsText: string, selection: string): Promise<any[]> {
  const nodes: any[] = [];
  let after: string | null = null;
  for (;;) {
    const data: any = await helper.data(`query($after: String) { calls(first: 100, after: $after${argumentsText}) { nodes { ${selection} } pageInfo { hasNextPage endCursor } } }`, { after });
    nodes.push(...data.calls.nodes);
    if (!data.calls.pageInfo.hasNextPage) return nodes;
    after = data.calls.pageInfo.endCursor;
  }
}

describe('calls list', () => {
  it('holds every call of the seed, by start date (undated last), with the properties of its row', async () => {
    expect(calls.length).toBeGreaterThan(100);
    const expected = [...calls].sort((a, b) => byCodeUnits(startKey(a), startKey(b))).map((row) => ({
      id: row.id,
      serialNumber: row.serial_number,
      startDate: orNull(row.start_date),
      endDate: orNull(row.end_date),
      budgetEur: row.budget_eur === '' ? null : Number(row.budget_eur),
      source: row.source,
      sourceUrls: sourceUrls(row),
    }));
    const data = await helper.data<any>(`{ calls(first: 0) { totalCount } }`);
    expect(data.calls.totalCount).toBe(calls.length);
    expect(await walk('', 'id serialNumber startDate endDate budgetEur source sourceUrls')).toEqual(expected);
    // The seed holds undated calls and calls without a budget, so both orders are tested.
    expect(calls.some((row) => row.start_date === '') && calls.some((row) => row.budget_eur === '')).toBe(true);
  });

  it('sorts by id and by start date descending', async () => {
    expect(ids(await walk(', sort: { field: ID, direction: DESC }', 'id'))).toEqual(calls.map((row) => row.id).sort(byCodeUnits).reverse());
    const descending = [...calls].sort((a, b) => byCodeUnits(startKey(b), startKey(a))).map((row) => row.id);
    expect(ids(await walk(', sort: { field: START_DATE, direction: DESC }', 'id'))).toEqual(descending);
  });

  it('filters by programme, by dataset and by serial number text', async () => {
    const programme = openedBy.get(calls[0].id)!;
    expect(await allIds({ programmeId: programme })).toEqual(idsWhere((row) => openedBy.get(row.id) === programme));
    expect(await allIds({ source: 'keep-eu-2019' })).toEqual(idsWhere((row) => row.source === 'keep-eu-2019'));
    for (const text of ['SM1', 'plsk', 'seed money']) {
      const expected = idsWhere((row) => matchesText(text, [row.serial_number]));
      expect(expected.length).toBeGreaterThan(0);
      expect(await allIds({ text })).toEqual(expected);
    }
  });

  it('rejects an unknown programme id in the filter, naming it', async () => {
    const result = await helper.execute(`{ calls(filter: { programmeId: "no-such-programme" }) { totalCount } }`);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.programmeId' });
  });

  it('returns a call by id, and NOT_FOUND for an unknown one', async () => {
    const row = calls.find((call) => call.serial_number === 'SM1')!;
    const data = await helper.data<any>(`query($id: ID!) { call(id: $id) { id serialNumber programme { id } } }`, { id: row.id });
    expect(data.call).toEqual({ id: row.id, serialNumber: 'SM1', programme: { id: openedBy.get(row.id) } });
    const result = await helper.execute(`{ call(id: "no-such-call") { id } }`);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', id: 'no-such-call' });
  });
});

const fieldsQuery = `query($first: Int) {
  programmes(first: $first, sort: { field: ID }) {
    nodes { id calls { id programme { id } projects(first: 100) { totalCount nodes { id call { id } } } } }
  }
}`;

describe('call relationship fields', () => {
  const callRows = rowsById('calls');
  const byStart = orderedBy(callRows, startKey);
  const byTitle = orderedBy(rowsById('projects'), titleKey);
  const callsOf = groupBy(seedRelationships('OPENED_BY'), (row) => row.to);
  const projectsOf = groupBy(fundedUnder, (row) => row.to);

  it('match the OPENED_BY and FUNDED_UNDER rows: Programme.calls by start, Call.programme, Call.projects by title, Project.call', async () => {
    const data = await helper.data<any>(fieldsQuery, { first: 100 });
    let checked = 0;
    for (const programme of data.programmes.nodes) {
      const expectedCalls = byStart((callsOf.get(programme.id) ?? []).map((row) => row.from));
      expect({ programme: programme.id, calls: ids(programme.calls) }).toEqual({ programme: programme.id, calls: expectedCalls });
      for (const call of programme.calls) {
        const expectedProjects = byTitle((projectsOf.get(call.id) ?? []).map((row) => row.from));
        expect(call.programme).toEqual({ id: programme.id });
        expect(call.projects.totalCount).toBe(expectedProjects.length);
        expect(ids(call.projects.nodes)).toEqual(expectedProjects.slice(0, 100));
        for (const project of call.projects.nodes) expect(project.call).toEqual({ id: call.id });
        checked += 1;
      }
    }
    expect(checked).toBe(calls.length);
    // Some programme has several calls whose start order differs from their id order.
    expect([...callsOf.values()].some((rows) => byStart(rows.map((row) => row.from)).join() !== sorted(rows.map((row) => row.from)).join())).toBe(true);
  });

  it('give null for a project the seed names no call for', async () => {
    const withCall = new Set(fundedUnder.map((row) => row.from));
    const without = seedNodes('projects').find((row) => !withCall.has(row.id))!;
    const data = await helper.data<any>(`query($id: ID!) { project(id: $id) { call { id } } }`, { id: without.id });
    expect(data.project.call).toBeNull();
  });

  it('cost the same number of Cypher statements for 2 programmes as for all of them', async () => {
    const small = await helper.execute<any>(fieldsQuery, { first: 2 });
    const large = await helper.execute<any>(fieldsQuery, { first: 100 });
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(large.data.programmes.nodes.flatMap((node: any) => node.calls).length).toBeGreaterThan(small.data.programmes.nodes.flatMap((node: any) => node.calls).length);
    // The list, then one statement per field level: calls, programme, projects, call.
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBe(5);
  });
});
