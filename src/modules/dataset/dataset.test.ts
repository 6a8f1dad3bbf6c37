/**
 * The datasets of the seeded graph through GraphQL, against seed/nodes/datasets.csv, and the
 * `source` of facts naming one of them.
 */
import { seedNodes } from '../../testing/seed-fixtures';
import { useTestHelper } from '../../testing/test-helper';

const helper = useTestHelper();
const rows = seedNodes('datasets');
const orNull = (value: string | undefined) => (value === undefined || value === '' ? null : value);

describe('datasets', () => {
  it('lists every dataset of datasets.csv by id, with its credit and whether it cites pages', async () => {
    const data = await helper.data<any>('{ datasets { id name url licence credit retrieved changes citesPages } }');
    const expected = [...rows]
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((row) => ({
        id: row.id,
        name: row.name,
        url: orNull(row.url),
        licence: row.licence,
        credit: row.credit,
        retrieved: orNull(row.retrieved),
        changes: orNull(row.changes),
        citesPages: row.source_urls === 'required',
      }));
    expect(data.datasets).toEqual(expected);
    expect(expected.map((dataset) => dataset.id)).toContain('keep-eu-2019');
  });

  it('finds one by id, and answers NOT_FOUND for an unknown one', async () => {
    const keep = rows.find((row) => row.id === 'keep-eu-2019');
    const data = await helper.data<any>('{ dataset(id: "keep-eu-2019") { credit } }');
    expect(data.dataset.credit).toBe(keep?.credit);
    const missing = await helper.execute('{ dataset(id: "no-such-dataset") { id } }');
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('is what the source of a keep.eu project names', async () => {
    const project = seedNodes('projects').find((row) => row.source === 'keep-eu-2019');
    const data = await helper.data<any>(`query($id: ID!) { project(id: $id) { source description } }`, { id: project?.id });
    expect(data.project).toEqual({ source: 'keep-eu-2019', description: orNull(project?.description) });
  });
});
