/**
 * Events against the seeded Neo4j: each filter, each sort order, lookup by id, the
 * relationship fields of every event, and batching of those fields. Expected answers
 * come from the seed CSV files.
 */
import { byCodeUnits, ids, matchesText, sorted } from '../../testing/compare';
import { useTestHelper } from '../../testing/test-helper';
import { groupBy, nameKey, orderedBy, orNull, regionAndDescendants, rowsById, seedNodes, seedRelationshipsBetween, sourceUrls, startKey, titleKey } from '../../testing/seed-fixtures';

const helper = useTestHelper();

const events = seedNodes('events');


const allIds = (filter: Record<string, unknown>) => helper.listIds('events', 'EventFilter', filter);

describe('events list and filters', () => {
  // By the stored start key: undated events last ascending (first descending), ties by id.
  const byStartDate = orderedBy(rowsById('events'), startKey)(events.map((row) => row.id));

  it('lists every event, by start date by default, with the properties of its seed row', async () => {
    const data = await helper.data<any>(
      `{ events(first: 100) { totalCount nodes { id name kind startDate endDate city source sourceUrls } } }`,
    );
    const rows = new Map(events.map((row) => [row.id, row]));
    expect(data.events.totalCount).toBe(events.length);
    expect(data.events.nodes).toEqual(
      byStartDate.map((id) => {
        const row = rows.get(id)!;
        return {
          id,
          name: row.name,
          kind: row.kind,
          startDate: orNull(row.start_date),
          endDate: orNull(row.end_date),
          city: orNull(row.city),
          source: row.source,
          sourceUrls: sourceUrls(row),
        };
      }),
    );
    // The seed has a dated and an undated event, so the null ordering is exercised.
    expect(events.some((row) => row.start_date === '') && events.some((row) => row.start_date !== '')).toBe(true);
  });

  it('sorts by start date descending as the exact reverse, and by name', async () => {
    const data = await helper.data<any>(`{
      desc: events(first: 100, sort: { field: START_DATE, direction: DESC }) { nodes { id } }
      byName: events(first: 100, sort: { field: NAME }) { nodes { id } }
    }`);
    expect(ids(data.desc.nodes)).toEqual([...byStartDate].reverse());
    const byName = [...events].sort((a, b) => byCodeUnits(a.name.toLowerCase(), b.name.toLowerCase()) || byCodeUnits(a.id, b.id));
    expect(ids(data.byName.nodes)).toEqual(byName.map((row) => row.id));
    // Name order differs from date order, so the two sorts are told apart.
    expect(byName.map((row) => row.id)).not.toEqual(byStartDate);
  });

  it.each(['RU-SPE', 'RU-NWFD', 'RU', 'RU-PSK', 'FI'])('filters by region %s including its sub-regions', async (regionId) => {
    const inRegion = regionAndDescendants(regionId);
    const expected = sorted(
      seedRelationshipsBetween('HELD_IN', 'events', 'regions')
        .filter((row) => inRegion.has(row.to))
        .map((row) => row.from),
    );
    expect(await allIds({ regionId })).toEqual(expected);
  });

  it('matches every word of the text as a word prefix of the name, in any case, and combines filters with AND', async () => {
    for (const text of [' FORUM ', 'cluster approach', 'APPROACH clust']) {
      const expected = sorted(events.filter((row) => matchesText(text, [row.name])).map((row) => row.id));
      expect(expected).toHaveLength(1);
      expect(await allIds({ text })).toEqual(expected);
      expect(await allIds({ text, regionId: 'RU-SPE' })).toEqual(expected);
      expect(await allIds({ text, regionId: 'FI' })).toEqual([]);
    }
    // "orum" lies inside a word, never at its start: a word prefix, not a substring, matches.
    expect(events.some((row) => row.name.includes('orum'))).toBe(true);
    expect(events.filter((row) => matchesText('orum', [row.name]))).toEqual([]);
    expect(await allIds({ text: 'orum' })).toEqual([]);
  });
});

describe('event by id and bad input', () => {
  it('returns an event by id', async () => {
    const data = await helper.data<any>(`{ event(id: "strategic-leaders-forum-2018") { id startDate endDate } }`);
    const row = events.find((event) => event.id === 'strategic-leaders-forum-2018')!;
    expect(data.event).toEqual({ id: row.id, startDate: row.start_date, endDate: row.end_date });
  });

  it('answers NOT_FOUND for an unknown event id', async () => {
    const result = await helper.execute(`{ event(id: "no-such-event") { id } }`);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', id: 'no-such-event' });
    expect(result.data).toBeNull();
  });

  it('rejects an unknown regionId with BAD_USER_INPUT naming filter.regionId', async () => {
    const result = await helper.execute(`{ events(filter: { regionId: "XX-NOPE" }) { totalCount } }`);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.regionId' });
    expect(result.errors?.[0].message).toContain('XX-NOPE');
  });
});

// Each relationship field appears once, so each loader is called from one place only.
const relationshipsQuery = `query($first: Int) {
  events(first: $first, sort: { field: NAME }) {
    nodes {
      id
      speakers { topic source person { id } }
      organizers { id }
      partOf { id }
      parts { id }
      heldIn { id }
      presentedClusters { id }
      presentedProjects { id }
      agreementsSigned { id }
    }
  }
}`;

describe('event relationship fields', () => {
  /** Ids at the other end of `type` rows between `file` and events, per event. */
  const toEvent = (type: string, file: string) => {
    const groups = groupBy(seedRelationshipsBetween(type, file, 'events'), (row) => row.to);
    return (id: string) => sorted((groups.get(id) ?? []).map((row) => row.from));
  };
  const fromEvent = (type: string, file: string) => {
    const groups = groupBy(seedRelationshipsBetween(type, 'events', file), (row) => row.from);
    return (id: string) => sorted((groups.get(id) ?? []).map((row) => row.to));
  };
  const spokeAt = groupBy(seedRelationshipsBetween('SPOKE_AT', 'people', 'events'), (row) => row.to);
  const organizers = toEvent('ORGANIZED', 'organizations');
  const parentEvent = fromEvent('PART_OF', 'events');
  const parts = toEvent('PART_OF', 'events');
  const heldIn = fromEvent('HELD_IN', 'regions');
  const presentedClusters = toEvent('PRESENTED_AT', 'clusters');
  const presentedProjects = toEvent('PRESENTED_AT', 'projects');
  const agreementsSigned = toEvent('AGREEMENT_SIGNED_AT', 'projects');

  const peopleByName = orderedBy(rowsById('people'), nameKey);
  const organizationsByName = orderedBy(rowsById('organizations'), nameKey);
  const eventsByStart = orderedBy(rowsById('events'), startKey);
  const clustersByName = orderedBy(rowsById('clusters'), nameKey);
  const projectsByTitle = orderedBy(rowsById('projects'), titleKey);

  it('match the SPOKE_AT, ORGANIZED, PART_OF, HELD_IN, PRESENTED_AT and AGREEMENT_SIGNED_AT rows of every event, in key order', async () => {
    const data = await helper.data<any>(relationshipsQuery, { first: 100 });
    expect(data.events.nodes).toHaveLength(events.length);
    for (const event of data.events.nodes) {
      const talks = new Map((spokeAt.get(event.id) ?? []).map((row) => [row.from, row]));
      expect({
        id: event.id,
        speakers: event.speakers,
        organizers: ids(event.organizers),
        partOf: event.partOf === null ? [] : [event.partOf.id],
        parts: ids(event.parts),
        heldIn: event.heldIn === null ? [] : [event.heldIn.id],
        presentedClusters: ids(event.presentedClusters),
        presentedProjects: ids(event.presentedProjects),
        agreementsSigned: ids(event.agreementsSigned),
      }).toEqual({
        id: event.id,
        speakers: peopleByName([...talks.keys()]).map((person) => ({
          topic: orNull(talks.get(person)!.topic),
          source: talks.get(person)!.source,
          person: { id: person },
        })),
        organizers: organizationsByName(organizers(event.id)),
        partOf: parentEvent(event.id),
        parts: eventsByStart(parts(event.id)),
        heldIn: heldIn(event.id),
        presentedClusters: clustersByName(presentedClusters(event.id)),
        presentedProjects: projectsByTitle(presentedProjects(event.id)),
        agreementsSigned: projectsByTitle(agreementsSigned(event.id)),
      });
    }
    // The round table lies within the forum: PART_OF is read in both directions.
    expect(parentEvent('round-table-cluster-approach-2018')).toEqual(['strategic-leaders-forum-2018']);
    // A person speaks at an event at most once, so talks are keyed by person above.
    const spoke = seedRelationshipsBetween('SPOKE_AT', 'people', 'events');
    expect(new Set(spoke.map((row) => `${row.from}:${row.to}`)).size).toBe(spoke.length);
  });

  it('cost the same number of Cypher statements for 1 event as for all of them', async () => {
    const small = await helper.execute<any>(relationshipsQuery, { first: 1 });
    const large = await helper.execute<any>(relationshipsQuery, { first: 100 });
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(small.data.events.nodes).toHaveLength(1);
    expect(large.data.events.nodes).toHaveLength(events.length);
    const heldInOf = (result: any) => result.data.events.nodes.filter((node: any) => node.heldIn !== null).length;
    expect(heldInOf(large)).toBeGreaterThan(heldInOf(small));
    expect(large.statements).toBe(small.statements);
    // One statement for the list plus one per relationship field (8).
    expect(large.statements).toBe(9);
  });
});
