/**
 * Organizations against the seeded Neo4j: each filter alone and combined, each sort
 * order, lookup by id, the relationship fields of every organization, and batching of
 * those fields. Expected answers come from the seed CSV files.
 */
import { byCodeUnits, sorted, ids } from '../../testing/compare';
import { useTestHelper } from '../../testing/test-helper';
import {
  groupBy,
  programmeOfProject,
  regionAndDescendants,
  seedNodes,
  seedRelationships,
  seedRelationshipsBetween,
  type SeedRow,
} from '../../testing/seed-fixtures';

const helper = useTestHelper();

const organizations = seedNodes('organizations');
const participations = seedRelationships('PARTICIPATES_IN');
const projectProgramme = programmeOfProject();


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

  it('matches text case-insensitively on name', async () => {
    const universities = organizations.filter((row) => row.name.toLowerCase().includes('university'));
    expect(universities.length).toBeGreaterThan(0);
    expect(await allIds({ text: ' UNIVERSITY ' })).toEqual(sorted(universities.map((row) => row.id)));
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
      source: row.source.toUpperCase(),
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
      participations { role budgetEur source project { id } organization { id } }
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

  it('match the PARTICIPATES_IN, BASED_IN, WORKS_FOR, COORDINATES and ORGANIZED rows of every organization', async () => {
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
        participations: [...organization.participations].sort((a: any, b: any) => byCodeUnits(a.project.id, b.project.id)),
        people: sorted(ids(organization.people)),
        coordinates: sorted(ids(organization.coordinates)),
        organized: sorted(ids(organization.organized)),
        programmes: sorted(ids(organization.programmes)),
      }).toEqual({
        id: organization.id,
        participations: rows
          .map((row) => ({
            role: row.role.toUpperCase(),
            budgetEur: row.budget_eur === '' ? null : Number(row.budget_eur),
            source: row.source.toUpperCase(),
            project: { id: row.to },
            organization: { id: organization.id },
          }))
          .sort((a, b) => byCodeUnits(a.project.id, b.project.id)),
        people: peopleOf(organization.id),
        coordinates: coordinatedBy(organization.id),
        organized: organizedBy(organization.id),
        programmes: sorted(rows.map((row) => projectProgramme.get(row.to)!)),
      });
      // `region` is single: one of the regions the organization is based in, or null.
      if (regions.length === 0) expect(organization.region).toBeNull();
      else expect(regions).toContain(organization.region?.id);
    }
    // The seed exercises every field, so none of the comparisons above is vacuous.
    for (const field of ['people', 'coordinates', 'organized']) expect(seen.some((o) => o[field].length > 0)).toBe(true);
  });

  it('cost the same number of Cypher statements for 5 organizations as for 100', async () => {
    const small = await helper.execute<any>(relationshipsQuery, { first: 5 });
    const large = await helper.execute<any>(relationshipsQuery, { first: 100 });
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(small.data.organizations.nodes).toHaveLength(5);
    expect(large.data.organizations.nodes).toHaveLength(100);
    const participationsIn = (result: any) => result.data.organizations.nodes.flatMap((node: any) => node.participations).length;
    expect(participationsIn(large)).toBeGreaterThan(participationsIn(small));
    expect(large.statements).toBe(small.statements);
    // One statement for the list, one per relationship field (6), and one each for the
    // participations' projects and organizations by id.
    expect(large.statements).toBe(9);
  });
});
