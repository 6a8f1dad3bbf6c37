/**
 * People against the seeded Neo4j: each filter, the sort order, lookup by id, where each
 * person works and spoke, and batching of those fields. Expected answers come from the
 * seed CSV files.
 */
import { byCodeUnits, ids, matchesText, sorted } from '../../testing/compare';
import { useTestHelper } from '../../testing/test-helper';
import { groupBy, nameKey, orNull, rowsById, seedNodes, seedRelationships, type SeedRow, sourceUrls, startKey } from '../../testing/seed-fixtures';

const helper = useTestHelper();

const people = seedNodes('people');
const worksFor = seedRelationships('WORKS_FOR');

/** `rows` ordered by `key` over the seed rows their `to` ids name in `targets`. */
const orderedByTarget = (targets: Map<string, SeedRow>, key: (row: SeedRow) => string) => (rows: SeedRow[]) =>
  [...rows].sort((a, b) => byCodeUnits(key(targets.get(a.to)!), key(targets.get(b.to)!)));

const allIds = (filter: Record<string, unknown>) => helper.listIds('people', 'PersonFilter', filter);

describe('people list and filters', () => {
  const byName = [...people].sort((a, b) => byCodeUnits(a.name.toLowerCase(), b.name.toLowerCase()) || byCodeUnits(a.id, b.id));

  it('lists every person, by name, with the properties of its seed row', async () => {
    const data = await helper.data<any>(`{ people(first: 100) { totalCount nodes { id name position source sourceUrls } } }`);
    expect(data.people.totalCount).toBe(people.length);
    expect(data.people.nodes).toEqual(
      byName.map((row) => ({
        id: row.id,
        name: row.name,
        position: orNull(row.position),
        source: row.source,
        sourceUrls: sourceUrls(row),
      })),
    );
  });

  it('sorts by name descending as the exact reverse', async () => {
    const data = await helper.data<any>(`{ people(first: 100, sort: { field: NAME, direction: DESC }) { nodes { id } } }`);
    expect(ids(data.people.nodes)).toEqual(byName.map((row) => row.id).reverse());
  });

  it('filters by the organization a person works for', async () => {
    for (const organizationId of new Set(worksFor.map((row) => row.to))) {
      const expected = sorted(worksFor.filter((row) => row.to === organizationId).map((row) => row.from));
      expect(await allIds({ organizationId })).toEqual(expected);
    }
    // An organization nobody in the seed works for.
    expect(await allIds({ organizationId: 'pskov-state-university' })).toEqual([]);
  });

  it('matches every word of the text as a word prefix of the name, in any case; blank text is no filter', async () => {
    for (const text of [' MARINA ', 'ko', 'kapyrin IG']) {
      const expected = sorted(people.filter((row) => matchesText(text, [row.name])).map((row) => row.id));
      expect(expected.length).toBeGreaterThan(0);
      expect(await allIds({ text })).toEqual(expected);
    }
    // "arina" lies inside a word, never at its start: a word prefix, not a substring, matches.
    expect(people.some((row) => row.name.includes('arina'))).toBe(true);
    expect(people.filter((row) => matchesText('arina', [row.name]))).toEqual([]);
    expect(await allIds({ text: 'arina' })).toEqual([]);
    expect(await allIds({ text: '   ' })).toEqual(sorted(people.map((row) => row.id)));
  });

  it('combines filters with AND', async () => {
    const [employment] = worksFor;
    const person = people.find((row) => row.id === employment.from)!;
    expect(await allIds({ organizationId: employment.to, text: person.name.toUpperCase() })).toEqual([person.id]);
    expect(await allIds({ organizationId: employment.to, text: 'nobody has this name' })).toEqual([]);
  });
});

describe('person by id and bad input', () => {
  it('returns a person by id', async () => {
    const data = await helper.data<any>(`{ person(id: "marina-anikeeva") { id name } }`);
    expect(data.person).toEqual({ id: 'marina-anikeeva', name: people.find((row) => row.id === 'marina-anikeeva')!.name });
  });

  it('answers NOT_FOUND for an unknown person id', async () => {
    const result = await helper.execute(`{ person(id: "no-such-person") { id } }`);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', id: 'no-such-person' });
    expect(result.data).toBeNull();
  });

  it('rejects an unknown organizationId with BAD_USER_INPUT naming filter.organizationId', async () => {
    const result = await helper.execute(`{ people(filter: { organizationId: "no-such-organization" }) { totalCount } }`);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.organizationId' });
    expect(result.errors?.[0].message).toContain('no-such-organization');
  });
});

// Each relationship field appears once, so each loader is called from one place only.
const relationshipsQuery = `query($first: Int) {
  people(first: $first) {
    nodes {
      id
      worksFor { position source sourceUrls organization { id } }
      spokeAt { topic source sourceUrls event { id } }
    }
  }
}`;

describe('person relationship fields', () => {
  const employments = groupBy(worksFor, (row) => row.from);
  const talks = groupBy(seedRelationships('SPOKE_AT'), (row) => row.from);

  const byOrganizationName = orderedByTarget(rowsById('organizations'), nameKey);
  const byEventStart = orderedByTarget(rowsById('events'), startKey);

  it('match the WORKS_FOR and SPOKE_AT rows of every person, with position and topic, in key order', async () => {
    const data = await helper.data<any>(relationshipsQuery, { first: 100 });
    expect(data.people.nodes).toHaveLength(people.length);
    for (const person of data.people.nodes) {
      expect({ id: person.id, worksFor: person.worksFor, spokeAt: person.spokeAt }).toEqual({
        id: person.id,
        worksFor: byOrganizationName(employments.get(person.id) ?? []).map((row) => ({
          position: orNull(row.position),
          source: row.source,
          sourceUrls: sourceUrls(row),
          organization: { id: row.to },
        })),
        spokeAt: byEventStart(talks.get(person.id) ?? []).map((row) => ({
          topic: orNull(row.topic),
          source: row.source,
          sourceUrls: sourceUrls(row),
          event: { id: row.to },
        })),
      });
    }
    // Position on WORKS_FOR differs from the person's own position: the relationship's is shown.
    expect(worksFor.some((row) => row.position !== people.find((p) => p.id === row.from)!.position)).toBe(true);
  });

  it('cost the same number of Cypher statements for 1 person as for all of them', async () => {
    const small = await helper.execute<any>(relationshipsQuery, { first: 1 });
    const large = await helper.execute<any>(relationshipsQuery, { first: 100 });
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(small.data.people.nodes).toHaveLength(1);
    expect(large.data.people.nodes).toHaveLength(people.length);
    const employmentsOf = (result: any) => result.data.people.nodes.flatMap((node: any) => node.worksFor).length;
    expect(employmentsOf(large)).toBeGreaterThan(employmentsOf(small));
    expect(large.statements).toBe(small.statements);
    // One statement for the list plus one per relationship field (2).
    expect(large.statements).toBe(3);
  });
});
