/**
 * Organizations against the seeded Neo4j: each filter alone and combined, each sort
 * order, lookup by id, the relationship fields of every organization, and batching of
 * those fields. Expected answers come from the seed CSV files.
 */
import { byCodeUnits, ids, matchesText, sorted } from '../../testing/compare';
import { useTestHelper, WHOLE_GRAPH_COST } from '../../testing/test-helper';
import { MAX_ALIAS_PROJECTS } from './organization.type';
import { curatedOrganizationDecisions, groupBy, nameKey, orderedBy, programmeOfProject, regionAndDescendants, rowsById, seedNodes, seedRelationships, seedRelationshipsBetween, type SeedRow, startKey, titleKey } from '../../testing/seed-fixtures';

const helper = useTestHelper(undefined, { maxCost: WHOLE_GRAPH_COST });

const organizations = seedNodes('organizations');
const participations = seedRelationships('PARTICIPATES_IN');
const projectProgramme = programmeOfProject();
const projectRows = rowsById('projects');

/** Participation rows in the order of their projects' titles. */
const byProjectTitle = (rows: SeedRow[]) =>
  [...rows].sort((a, b) => byCodeUnits(titleKey(projectRows.get(a.to)!), titleKey(projectRows.get(b.to)!)));

const allIds = (filter: Record<string, unknown>) => helper.listIds('organizations', 'OrganizationFilter', filter);

/** Organizations with a participation that satisfies `match`. */
const participantsWhere = (match: (row: SeedRow) => boolean) => sorted(participations.filter(match).map((row) => row.from));

describe('organizations filters', () => {
  it.each(['kolarctic-2014-2020', 'latvia-russia-2014-2020', 'interreg-bsr-2014-2020'])(
    'filters by programme %s: taking part in a project it funds',
    async (programmeId) => {
      const expected = participantsWhere((row) => projectProgramme.get(row.to) === programmeId);
      expect(expected.length).toBeGreaterThan(0);
      expect(await allIds({ programmeId })).toEqual(expected);
    },
  );

  it('filters by project', async () => {
    for (const projectId of ['interreg-bsr-nsbcore', 'KO1029']) {
      expect(await allIds({ projectId })).toEqual(participantsWhere((row) => row.to === projectId));
    }
  });

  it.each(['RU-NWFD', 'FI1D', 'NO', 'EE'])('filters by region %s including its sub-regions', async (regionId) => {
    const inRegion = regionAndDescendants(regionId);
    const expected = sorted(
      seedRelationshipsBetween('BASED_IN', 'organizations', 'regions')
        .filter((row) => inRegion.has(row.to))
        .map((row) => row.from),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(await allIds({ regionId })).toEqual(expected);
  });

  it('filters by country, exactly but case- and space-insensitively', async () => {
    for (const country of [' FINLAND ', 'norway']) {
      const expected = sorted(
        organizations.filter((row) => row.country.toLowerCase() === country.trim().toLowerCase()).map((row) => row.id),
      );
      expect(expected.length).toBeGreaterThan(0);
      expect(await allIds({ country })).toEqual(expected);
    }
    expect(await allIds({ country: 'Fin' })).toEqual([]);
  });

  it('filters by role: at least one participation in that role', async () => {
    expect(await allIds({ role: 'LEAD' })).toEqual(participantsWhere((row) => row.role === 'lead'));
    expect(await allIds({ role: 'ASSOCIATED' })).toEqual(participantsWhere((row) => row.role === 'associated'));
    const partners = participantsWhere((row) => row.role === 'partner');
    const data = await helper.data<any>(`{ organizations(filter: { role: PARTNER }, first: 0) { totalCount } }`);
    expect(data.organizations.totalCount).toBe(partners.length);
  });

  it('combines role with programmeId: the role must hold in a project of that programme', async () => {
    const programmeId = 'kolarctic-2014-2020';
    const expected = participantsWhere((row) => row.role === 'lead' && projectProgramme.get(row.to) === programmeId);
    // Some partners of the programme lead projects of other programmes; they must not be listed.
    const inProgramme = new Set(participantsWhere((row) => projectProgramme.get(row.to) === programmeId));
    const leads = participantsWhere((row) => row.role === 'lead');
    const leadElsewhere = leads.filter((id) => inProgramme.has(id) && !expected.includes(id));
    expect(leadElsewhere.length).toBeGreaterThan(0);
    expect(await allIds({ programmeId, role: 'LEAD' })).toEqual(expected);
  });

  it('combines role with projectId: the role must hold in that project', async () => {
    // The Natural Resources Institute Finland is a partner in KO1017 and leads Karelia projects.
    const projectId = 'KO1017';
    const institute = 'natural-resources-institute-finland';
    expect(participations.filter((row) => row.from === institute).map((row) => `${row.to}:${row.role}`)).toEqual(
      expect.arrayContaining([`${projectId}:partner`, expect.stringMatching(/:lead$/)]),
    );
    for (const role of ['LEAD', 'PARTNER']) {
      const expected = participantsWhere((row) => row.to === projectId && row.role === role.toLowerCase());
      expect(expected.length).toBeGreaterThan(0);
      expect(await allIds({ projectId, role })).toEqual(expected);
    }
  });

  it('matches every word of the text as a word prefix of the name, in any case', async () => {
    for (const text of [' UNIVERSITY ', 'univ STATE', 'municipal formation']) {
      const expected = sorted(organizations.filter((row) => matchesText(text, [row.name])).map((row) => row.id));
      expect(expected.length).toBeGreaterThan(0);
      expect(await allIds({ text })).toEqual(expected);
    }
    // "niversity" lies inside words, never at their start: a word prefix, not a substring, matches.
    expect(organizations.some((row) => row.name.includes('niversity'))).toBe(true);
    expect(organizations.filter((row) => matchesText('niversity', [row.name]))).toEqual([]);
    expect(await allIds({ text: 'niversity' })).toEqual([]);
  });
});

describe('organizations sorting', () => {
  const firstPage = async (sort: Record<string, unknown> | null) => {
    const data = await helper.data<any>(
      `query($sort: OrganizationSort) { organizations(first: 100, sort: $sort) { totalCount nodes { id } } }`,
      { sort },
    );
    expect(data.organizations.totalCount).toBe(organizations.length);
    return ids(data.organizations.nodes);
  };
  const projectCount = new Map(
    [...groupBy(participations, (row) => row.from)].map(([id, rows]) => [id, new Set(rows.map((row) => row.to)).size]),
  );

  it('sorts by name case-insensitively by default, ties by id', async () => {
    const expected = [...organizations]
      .sort((a, b) => byCodeUnits(a.name.toLowerCase(), b.name.toLowerCase()) || byCodeUnits(a.id, b.id))
      .map((row) => row.id);
    expect(await firstPage(null)).toEqual(expected.slice(0, 100));
  });

  it('sorts by id', async () => {
    expect(await firstPage({ field: 'ID' })).toEqual(sorted(organizations.map((row) => row.id)).slice(0, 100));
  });

  it('sorts by project count descending, the busiest first, ties by id descending', async () => {
    const descending = organizations
      .map((row) => row.id)
      .sort((a, b) => (projectCount.get(b) ?? 0) - (projectCount.get(a) ?? 0) || byCodeUnits(b, a));
    expect(await firstPage({ field: 'PROJECT_COUNT', direction: 'DESC' })).toEqual(descending.slice(0, 100));
  });
});

describe('organization by id and bad input', () => {
  it('returns an organization with the properties of its seed row', async () => {
    const row = organizations.find((organization) => organization.id === 'pskov-state-university')!;
    const data = await helper.data<any>(`{ organization(id: "pskov-state-university") { id name country city source sourceUrls } }`);
    expect(data.organization).toEqual({
      id: row.id,
      name: row.name,
      country: row.country === '' ? null : row.country,
      city: row.city === '' ? null : row.city,
      source: row.source,
      sourceUrls: row.source_url.split(' ; '),
    });
  });

  it('answers NOT_FOUND for an unknown organization id', async () => {
    const result = await helper.execute(`{ organization(id: "no-such-organization") { id } }`);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', id: 'no-such-organization' });
    expect(result.data).toBeNull();
  });

  it.each(['programmeId', 'projectId', 'regionId'])('rejects an unknown %s with BAD_USER_INPUT naming the filter', async (argument) => {
    const result = await helper.execute(`query($filter: OrganizationFilter) { organizations(filter: $filter) { totalCount } }`, {
      filter: { [argument]: 'no-such-node' },
    });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: `filter.${argument}` });
    expect(result.errors?.[0].message).toContain('no-such-node');
  });
});

// Each relationship field appears once, so each loader is called from one place only.
const relationshipsQuery = `query($first: Int, $after: String) {
  organizations(first: $first, after: $after, sort: { field: ID }) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id
      participations(first: 100) { totalCount nodes { role budgetEur source project { id } organization { id } } }
      region { id }
      people { id }
      coordinates { id }
      organized { id }
      programmes { id }
    }
  }
}`;

describe('organization relationship fields', () => {
  const participationsOf = groupBy(participations, (row) => row.from);
  const basedIn = groupBy(seedRelationshipsBetween('BASED_IN', 'organizations', 'regions'), (row) => row.from);
  const targets = (type: string, side: 'from' | 'to') => {
    const groups = groupBy(seedRelationships(type), (row) => (side === 'from' ? row.to : row.from));
    return (id: string) => sorted((groups.get(id) ?? []).map((row) => (side === 'from' ? row.from : row.to)));
  };
  const peopleOf = targets('WORKS_FOR', 'from');
  const coordinatedBy = targets('COORDINATES', 'to');
  const organizedBy = targets('ORGANIZED', 'to');
  const peopleByName = orderedBy(rowsById('people'), nameKey);
  const clustersByName = orderedBy(rowsById('clusters'), nameKey);
  const eventsByStart = orderedBy(rowsById('events'), startKey);
  const programmesByName = orderedBy(rowsById('programmes'), nameKey);

  it('match the PARTICIPATES_IN, BASED_IN, WORKS_FOR, COORDINATES and ORGANIZED rows of every organization, in key order', async () => {
    const seen: any[] = [];
    let after: string | null = null;
    do {
      const data: any = await helper.data(relationshipsQuery, { first: 100, after });
      seen.push(...data.organizations.nodes);
      after = data.organizations.pageInfo.hasNextPage ? data.organizations.pageInfo.endCursor : null;
    } while (after !== null);
    expect(seen).toHaveLength(organizations.length);

    for (const organization of seen) {
      const rows = participationsOf.get(organization.id) ?? [];
      const regions = (basedIn.get(organization.id) ?? []).map((row) => row.to);
      expect({
        id: organization.id,
        participationCount: organization.participations.totalCount,
        participations: organization.participations.nodes,
        people: ids(organization.people),
        coordinates: ids(organization.coordinates),
        organized: ids(organization.organized),
        programmes: ids(organization.programmes),
      }).toEqual({
        id: organization.id,
        participationCount: rows.length,
        participations: byProjectTitle(rows).map((row) => ({
          role: row.role.toUpperCase(),
          budgetEur: row.budget_eur === '' ? null : Number(row.budget_eur),
          source: row.source,
          project: { id: row.to },
          organization: { id: organization.id },
        })),
        people: peopleByName(peopleOf(organization.id)),
        coordinates: clustersByName(coordinatedBy(organization.id)),
        organized: eventsByStart(organizedBy(organization.id)),
        programmes: programmesByName(sorted(rows.map((row) => projectProgramme.get(row.to)!))),
      });
      // `region` is single: one of the regions the organization is based in, or null.
      if (regions.length === 0) expect(organization.region).toBeNull();
      else expect(regions).toContain(organization.region?.id);
    }
    // The seed exercises every field, so none of the comparisons above is vacuous.
    for (const field of ['people', 'coordinates', 'organized']) expect(seen.some((o) => o[field].length > 0)).toBe(true);
    // Some organization's projects are in a different order by title than by id, so the order is tested.
    const titleOrderDiffers = (rows: SeedRow[]) =>
      byProjectTitle(rows).map((row) => row.to).join() !== sorted(rows.map((row) => row.to)).join();
    expect([...participationsOf.values()].some(titleOrderDiffers)).toBe(true);
  });

  it('cost the same number of Cypher statements for 5 organizations as for 100', async () => {
    const small = await helper.execute<any>(relationshipsQuery, { first: 5 });
    const large = await helper.execute<any>(relationshipsQuery, { first: 100 });
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(small.data.organizations.nodes).toHaveLength(5);
    expect(large.data.organizations.nodes).toHaveLength(100);
    const participationsIn = (result: any) => result.data.organizations.nodes.flatMap((node: any) => node.participations.nodes).length;
    expect(participationsIn(large)).toBeGreaterThan(participationsIn(small));
    expect(large.statements).toBe(small.statements);
    // One statement for the list and one per relationship field (6): a participation
    // carries its project and organization, so neither is looked up again.
    expect(large.statements).toBe(7);
  });
});

const participationsPage = `query($id: ID!, $first: Int, $after: String) {
  organization(id: $id) {
    participations(first: $first, after: $after) {
      totalCount
      edges { cursor node { role project { id } } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
}`;

describe('organization participations paged with cursors', () => {
  const participationsOf = groupBy(participations, (row) => row.from);
  // The organization with the most participations (ties by id), so paging crosses several pages.
  const [busiest, busiestRows] = [...participationsOf].sort(([a, x], [b, y]) => y.length - x.length || byCodeUnits(a, b))[0];
  const expected = byProjectTitle(busiestRows).map((row) => `${row.to}:${row.role.toUpperCase()}`);

  it('walk every participation exactly once, in project title order, two at a time', async () => {
    expect(busiestRows.length).toBeGreaterThan(2);
    const seen: string[] = [];
    const pages: any[] = [];
    let after: string | null = null;
    do {
      const data: any = await helper.data(participationsPage, { id: busiest, first: 2, after });
      const page = data.organization.participations;
      pages.push(page);
      seen.push(...page.edges.map((edge: any) => `${edge.node.project.id}:${edge.node.role}`));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      expect(pages.length).toBeLessThanOrEqual(busiestRows.length);
    } while (after !== null);

    expect(seen).toEqual(expected);
    expect(pages).toHaveLength(Math.ceil(busiestRows.length / 2));
    pages.forEach((page, index) => {
      expect(page.totalCount).toBe(busiestRows.length);
      expect(page.edges.length).toBe(Math.min(2, busiestRows.length - 2 * index));
      expect(page.pageInfo.hasPreviousPage).toBe(index > 0);
      expect(page.pageInfo.hasNextPage).toBe(index < pages.length - 1);
      expect(page.pageInfo.startCursor).toBe(page.edges[0].cursor);
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1).cursor);
    });
  });

  it('continue after any edge cursor, not only the end cursor', async () => {
    const first: any = await helper.data(participationsPage, { id: busiest, first: 2 });
    const after = first.organization.participations.edges[0].cursor;
    const data: any = await helper.data(participationsPage, { id: busiest, first: 100, after });
    const seen = data.organization.participations.edges.map((edge: any) => `${edge.node.project.id}:${edge.node.role}`);
    expect(seen).toEqual(expected.slice(1));
  });

  const cursorFrom = async (query: string, variables: Record<string, unknown>, path: (data: any) => any) => {
    const cursor = path(await helper.data(query, variables)).pageInfo.endCursor;
    expect(typeof cursor).toBe('string');
    return cursor as string;
  };
  const participationsCursor = () =>
    cursorFrom(participationsPage, { id: busiest, first: 2 }, (data) => data.organization.participations);
  const listCursor = (sort: string) =>
    cursorFrom(
      `query($sort: OrganizationSort) { organizations(first: 2, sort: $sort) { pageInfo { endCursor } } }`,
      { sort: { field: sort } },
      (data) => data.organizations,
    );

  it.each([
    [
      'an Organization.participations cursor on Programme.projects',
      participationsCursor,
      `query($after: String) { programme(id: "kolarctic-2014-2020") { projects(first: 2, after: $after) { totalCount } } }`,
    ],
    ['an organizations (by name) cursor on Organization.participations', () => listCursor('NAME'), participationsPage],
    [
      'an organizations (by name) cursor on organizations by project count',
      () => listCursor('NAME'),
      `query($after: String) { organizations(first: 2, after: $after, sort: { field: PROJECT_COUNT }) { totalCount } }`,
    ],
  ])('refuse %s with BAD_USER_INPUT naming after', async (_case, cursor, query) => {
    const result = await helper.execute(query, { id: busiest, after: await cursor() });
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    expect(result.errors?.[0].message).toContain('after');
  });
});

describe('organization aliases', () => {
  /** Expected aliases from the seed rows: each name a participation states, with its datasets, projects and match. */
  function expectedAliases(organizationId: string) {
    const own = seedNodes('organizations').find((row) => row.id === organizationId)!;
    const byName = new Map<string, { sources: Set<string>; rows: Array<Record<string, string>> }>();
    for (const row of seedRelationships('PARTICIPATES_IN').filter((candidate) => candidate.from === organizationId)) {
      const name = row.name_as_stated || own.name;
      const entry = byName.get(name) ?? { sources: new Set<string>(), rows: [] };
      entry.sources.add(row.source);
      entry.rows.push(row);
      byName.set(name, entry);
    }
    const stated = [...byName]
      .map(([name, entry]) => {
        const rows = [...entry.rows].sort((a, b) => byCodeUnits(a.to, b.to));
        const scores = rows.filter((row) => row.match_score !== undefined && row.match_score !== '').map((row) => Number(row.match_score));
        return {
          name,
          sources: sorted([...entry.sources]),
          projectCount: new Set(rows.map((row) => row.to)).size,
          projectIds: [...new Set(rows.map((row) => row.to))].slice(0, MAX_ALIAS_PROJECTS),
          matchScore: scores.length > 0 ? Math.max(...scores) : null,
          matchReason: rows.find((row) => row.match_reason)?.match_reason ?? null,
        };
      })
      .sort((a, b) => b.projectCount - a.projectCount || byCodeUnits(a.name, b.name));
    const ownAlias = { name: own.name, sources: [own.source], projectCount: 0, projectIds: [], matchScore: null, matchReason: null };
    return stated.some((alias) => alias.name === own.name) ? stated : [...stated, ownAlias];
  }
  const ALIAS_FIELDS = 'aliases { name sources projectCount projectIds matchScore matchReason }';

  it('lists every spelling the partner rows state, across datasets, for a batch of organizations in one statement', async () => {
    // Organizations whose rows state more than one name, and ones the programme pages and keep.eu both name.
    const names = groupBy(seedRelationships('PARTICIPATES_IN'), (row) => row.from);
    const spelled = [...names].filter(([, rows]) => new Set(rows.map((row) => row.name_as_stated)).size > 1).map(([id]) => id);
    const shared = [...names].filter(([, rows]) => new Set(rows.map((row) => row.source)).size > 1).map(([id]) => id);
    expect(spelled.length).toBeGreaterThan(0);
    expect(shared.length).toBeGreaterThan(0);
    const chosen = [...new Set([...spelled.slice(0, 6), ...shared.slice(0, 6)])];
    const query = `{ ${chosen.map((id, index) => `o${index}: organization(id: ${JSON.stringify(id)}) { id ${ALIAS_FIELDS} }`).join(' ')} }`;
    const result = await helper.execute<any>(query);
    expect(result.errors).toBeUndefined();
    for (const [index, id] of chosen.entries()) expect({ id, aliases: result.data[`o${index}`].aliases }).toEqual({ id, aliases: expectedAliases(id) });
    // One statement per organization looked up by id (batched into one), plus one for all the aliases.
    expect(result.statements).toBe(2);
  });

  it('gives an organization without participations its own name only', async () => {
    const participating = new Set(seedRelationships('PARTICIPATES_IN').map((row) => row.from));
    const alone = seedNodes('organizations').find((row) => !participating.has(row.id));
    expect(alone).toBeDefined();
    const data = await helper.data<any>(`query($id: ID!) { organization(id: $id) { ${ALIAS_FIELDS} } }`, { id: alone!.id });
    expect(data.organization.aliases).toEqual([{ name: alone!.name, sources: [alone!.source], projectCount: 0, projectIds: [], matchScore: null, matchReason: null }]);
  });

  it('gives the names a curated decision calls the same organization as aliases of one organization', async () => {
    const decisions = curatedOrganizationDecisions().filter((row) => row.decision === 'same');
    const stated = new Set(seedRelationships('PARTICIPATES_IN').map((row) => row.name_as_stated));
    const applicable = decisions.filter((row) => stated.has(row.name) && stated.has(row.other_name));
    expect(applicable.length).toBeGreaterThan(0);
    for (const decision of applicable) {
      const holders = (name: string) => new Set(seedRelationships('PARTICIPATES_IN').filter((row) => row.name_as_stated === name).map((row) => row.from));
      const [organizationId] = [...holders(decision.name)];
      const data = await helper.data<any>(`query($id: ID!) { organization(id: $id) { aliases { name } } }`, { id: organizationId });
      const names = data.organization.aliases.map((alias: { name: string }) => alias.name);
      expect(names).toEqual(expect.arrayContaining([decision.name, decision.other_name]));
    }
  });
});
