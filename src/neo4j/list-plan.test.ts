/**
 * Plan tests against the seeded Neo4j: database hits are deterministic, unlike
 * milliseconds, so they show that a page is read from the sort key's index in order
 * and that a deep page costs what the first costs.
 */
import { int } from 'neo4j-driver';
import { ProjectSortField } from '../modules/project/project.args';
import { projectList } from '../modules/project/project.cypher';
import { useTestHelper } from '../testing/test-helper';
import { buildListStatement, type ListRequest } from './list-statement';

const helper = useTestHelper();

interface Plan {
  operatorType: string;
  dbHits: number;
  rows: number;
  children: Plan[];
}

/** Operators that produced rows (a plan holds both branches of a choice; only the taken one produces any), total db hits and the page's keys. */
async function profile(request: ListRequest<ProjectSortField>): Promise<{ operators: string[]; dbHits: number; keys: string[] }> {
  const { cypher, parameters } = buildListStatement(projectList, request);
  const session = helper.driver.session({ database: helper.database });
  try {
    const result = await session.run(`PROFILE ${cypher}`, { ...parameters, limit: int(request.limit) });
    const operators: string[] = [];
    let dbHits = 0;
    const walk = (plan: Plan) => {
      if (plan.rows > 0) operators.push(plan.operatorType.replace(/@.*/, ''));
      dbHits += plan.dbHits;
      plan.children.forEach(walk);
    };
    walk(result.summary.profile as unknown as Plan);
    const items = result.records[0].get('items') as Array<{ _key: string }>;
    return { operators, dbHits, keys: items.map((item) => item._key) };
  } finally {
    await session.close();
  }
}

const page = (overrides: Partial<ListRequest<ProjectSortField>> = {}): ListRequest<ProjectSortField> => ({
  filters: {},
  sort: ProjectSortField.TITLE,
  direction: 'ASC',
  limit: 6,
  withTotal: false,
  ...overrides,
});

describe('list plans', () => {
  it.each([ProjectSortField.TITLE, ProjectSortField.START_DATE, ProjectSortField.TOTAL_BUDGET, ProjectSortField.ID])(
    'read an unfiltered page by %s from the index in order: no sort of all rows',
    async (sort) => {
      const { operators } = await profile(page({ sort }));
      expect(operators.some((operator) => operator.startsWith('NodeIndexScan') || operator.startsWith('NodeUniqueIndexScan'))).toBe(true);
      expect(operators).not.toContain('Sort');
      expect(operators).not.toContain('Top');
    },
  );

  it('cost the same for the last page as for the first (keyset, not skip)', async () => {
    const first = await profile(page());
    const all = await profile(page({ limit: 1000 }));
    expect(all.keys.length).toBeGreaterThan(30);
    const beforeLast = all.keys[all.keys.length - 7];
    const last = await profile(page({ after: beforeLast }));
    expect(last.keys).toEqual(all.keys.slice(-6));
    expect(last.operators).toContain('NodeIndexSeekByRange');
    // Both read six rows through the index; a skip would read every row before the page.
    expect(last.dbHits).toBeLessThanOrEqual(first.dbHits * 1.5);
    expect(all.dbHits).toBeGreaterThan(first.dbHits * 4);
  });

  it('count from the count store when nothing is filtered', async () => {
    const { operators } = await profile(page({ withTotal: true }));
    expect(operators).toContain('NodeCountFromCountStore');
  });

  it('choose by the anchor\'s degree: a region holding a large share is read in key order, a small one expanded', async () => {
    const large = await profile(page({ filters: { regionId: 'DE' }, limit: 2 }));
    // The key index is scanned (it produced rows) only for the large share.
    expect(large.operators).toContain('NodeIndexScan');
    const small = await profile(page({ filters: { regionId: 'RU-PSK' }, limit: 21 }));
    expect(small.operators).not.toContain('NodeIndexScan');
    expect(small.keys.length).toBeGreaterThan(0);
    // Same answer either way: the first two of the small-page plan are the large-page plan's.
    const both = await profile(page({ filters: { regionId: 'DE' }, limit: 40 }));
    expect(both.keys.slice(0, 2)).toEqual(large.keys);
  });
});
