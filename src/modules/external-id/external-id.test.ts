/**
 * External ids against the seeded Neo4j: Query.projectByExternalId for keep.eu keys and
 * programme codes (batched), Project.externalIds, the projects filter, and bounded input.
 * Expected answers come from the seed CSV files.
 */
import { sorted } from '../../testing/compare';
import { useTestHelper, WHOLE_GRAPH_COST } from '../../testing/test-helper';
import { groupBy, rowsById, seedRelationships, sourceUrls } from '../../testing/seed-fixtures';
import { MAX_VALUE_LENGTH } from './external-id.args';

const helper = useTestHelper(undefined, { maxCost: WHOLE_GRAPH_COST });

const externalIds = rowsById('external-ids');
const identifiedBy = seedRelationships('IDENTIFIED_BY');
const projectOf = new Map(identifiedBy.map((row) => [row.to, row.from]));
const keepEu = [...externalIds.values()].filter((row) => row.scheme === 'keep-eu');
const codes = [...externalIds.values()].filter((row) => row.scheme === 'project-code');
// A keep.eu acronym with a "|" of its own: the value splits at the first one only.
const piped = keepEu.find((row) => row.value.split('|').length > 2)!;

const lookup = `query($scheme: String!, $value: String!) { projectByExternalId(scheme: $scheme, value: $value) { id externalIds { scheme value } } }`;

describe('projectByExternalId', () => {
  it('finds the project of a keep.eu key, of a keep.eu key whose acronym holds "|", and of a programme code', async () => {
    expect(piped).toBeDefined();
    for (const row of [keepEu[0], piped, codes[0]]) {
      const data = await helper.data<any>(lookup, { scheme: row.scheme, value: row.value });
      expect(data.projectByExternalId.id).toBe(projectOf.get(row.id));
      expect(data.projectByExternalId.externalIds).toContainEqual({ scheme: row.scheme, value: row.value });
    }
  });

  it('answers every lookup of a request in one statement', async () => {
    const sample = [...keepEu.slice(0, 10), ...codes.slice(0, 10)];
    const fields = sample.map((row, index) => `l${index}: projectByExternalId(scheme: ${JSON.stringify(row.scheme)}, value: ${JSON.stringify(row.value)}) { id }`);
    const result = await helper.execute<any>(`{ ${fields.join('\n')} }`);
    expect(result.errors).toBeUndefined();
    expect(sample.map((_, index) => result.data[`l${index}`].id)).toEqual(sample.map((row) => projectOf.get(row.id)));
    expect(result.statements).toBe(1);
  });

  it('gives null for an id no project has, and matches values exactly (case and spacing count)', async () => {
    for (const [scheme, value] of [['keep-eu', 'no such programme|NOPE'], ['project-code', codes[0].value.toLowerCase()], ['other-scheme', codes[0].value], ['keep-eu', ` ${keepEu[0].value}`]]) {
      const data = await helper.data<any>(lookup, { scheme, value });
      expect(data.projectByExternalId).toBeNull();
    }
  });

  it('refuses a bad scheme, an empty value and an overlong value, naming the argument without echoing the value', async () => {
    const cases: Array<[string, string, string, string]> = [
      ['Keep EU', 'x', 'scheme', 'is not a scheme'],
      ['s'.repeat(41), 'x', 'scheme', '41 characters long'],
      ['keep-eu', '', 'value', 'is empty'],
      ['keep-eu', 'v'.repeat(MAX_VALUE_LENGTH + 1), 'value', `${MAX_VALUE_LENGTH + 1} characters long`],
    ];
    for (const [scheme, value, argument, message] of cases) {
      const result = await helper.execute(lookup, { scheme, value });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
      expect(result.errors?.[0].message).toContain(message);
      expect(result.errors?.[0].message.length).toBeLessThan(200);
    }
  });
});

describe('Project.externalIds and the externalId filter', () => {
  it('list every IDENTIFIED_BY row of a project, by scheme then value, with provenance', async () => {
    const byProject = groupBy(identifiedBy, (row) => row.from);
    const sample = [...new Set([projectOf.get(keepEu[0].id)!, projectOf.get(codes[0].id)!, projectOf.get(piped.id)!])];
    for (const id of sample) {
      const project = await helper.data<any>(`query($id: ID!) { project(id: $id) { externalIds { scheme value source sourceUrls } } }`, { id });
      const expected = sorted((byProject.get(id) ?? []).map((row) => row.to)).map((key) => {
        const row = externalIds.get(key)!;
        return { scheme: row.scheme, value: row.value, source: row.source, sourceUrls: sourceUrls(row) };
      });
      expect(project.project.externalIds).toEqual(expected);
    }
  });

  it('filter projects to the one an external id names; an unknown one is BAD_USER_INPUT', async () => {
    expect(await helper.listIds('projects', 'ProjectFilter', { externalId: { scheme: piped.scheme, value: piped.value } })).toEqual([projectOf.get(piped.id)]);
    const unknown = await helper.execute(`{ projects(filter: { externalId: { scheme: "keep-eu", value: "nothing|here" } }) { totalCount } }`);
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.externalId' });
    const long = await helper.execute(`query($v: String!) { projects(filter: { externalId: { scheme: "keep-eu", value: $v } }) { totalCount } }`, { v: 'v'.repeat(10_000) });
    expect(long.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.externalId.value' });
  });
});
