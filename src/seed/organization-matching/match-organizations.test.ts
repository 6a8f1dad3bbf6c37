import { matchOrganizations, recordKey, type CuratedDecision, type MatchResult, type PartnerRecord } from './match-organizations';

const record = (name: string, countryCode: string, town = '', extra: Partial<PartnerRecord> = {}): PartnerRecord => ({
  name,
  countryCode,
  town,
  domains: [],
  rows: 1,
  ...extra,
});

// Unrelated organizations so the weights of words are those of a real mix, not of a pair.
const background = [
  record('University of Helsinki', 'FI', 'Helsinki'),
  record('University of Oulu', 'FI', 'Oulu'),
  record('Regional Council of Lapland', 'FI', 'Rovaniemi'),
  record('Finnish Environment Institute', 'FI', 'Helsinki'),
  record('City of Turku', 'FI', 'Turku'),
  record('Municipality of Kotka', 'FI', 'Kotka'),
  record('Estonian University of Life Sciences', 'EE', 'Tartu'),
  record('University of Tartu', 'EE', 'Tartu'),
];

const groupOf = (result: MatchResult, target: PartnerRecord) =>
  result.groups.find((group) => group.members.some((member) => recordKey(member.record.countryCode, member.record.name) === recordKey(target.countryCode, target.name)));
const together = (result: MatchResult, a: PartnerRecord, b: PartnerRecord) => groupOf(result, a) === groupOf(result, b);

const decision = (a: PartnerRecord, b: PartnerRecord, verdict: CuratedDecision['verdict']): CuratedDecision => ({
  name: a.name,
  countryCode: a.countryCode,
  otherName: b.name,
  otherCountryCode: b.countryCode,
  verdict,
  at: 'test line 2',
});

describe('matchOrganizations', () => {
  const luke = record('Natural Resources Institute Finland (LUKE)', 'FI', 'Helsinki', { rows: 3 });
  const lukePlain = record('Natural resources institute Finland', 'FI', 'Helsinki');
  const lukeCaps = record('NATURAL RESOURCES INSTITUTE FINLAND', 'FI', '');

  it('joins spellings of one organization, naming it by the record stated most often, with each match’s score and reason', () => {
    const result = matchOrganizations([...background, luke, lukePlain, lukeCaps], []);
    const group = groupOf(result, luke);
    expect(group?.members[0]).toMatchObject({ record: luke, score: 1, reason: expect.stringContaining('stated on 3 partner rows') });
    expect(new Set(group?.members.map((member) => member.record))).toEqual(new Set([luke, lukePlain, lukeCaps]));
    for (const member of group?.members.slice(1) ?? []) {
      expect(member.score).toBe(1);
      expect(member.reason).toContain('same name once case, accents, quotes, spaces and punctuation');
    }
    expect(result.groups).toHaveLength(background.length + 1);
  });

  it('never joins records of two countries', () => {
    const finnish = record('Centre for Economic Development', 'FI');
    const estonian = record('Centre for Economic Development', 'EE');
    const result = matchOrganizations([...background, finnish, estonian], []);
    expect(together(result, finnish, estonian)).toBe(false);
  });

  it('compares a record that states no country with every country’s records', () => {
    const stated = record('Finnish Environment Institute', 'FI', 'Helsinki');
    const noCountry = record('The Finnish Environment Institute', '', '');
    const result = matchOrganizations([...background.filter((entry) => entry.name !== stated.name), stated, noCountry], []);
    expect(together(result, stated, noCountry)).toBe(true);
  });

  it('keeps apart two bodies whose names differ only by the words that tell them apart, and lists them for review', () => {
    const environment = record('Ministry of Agriculture - Department of Environment', 'FI', 'Helsinki');
    const forests = record('Ministry of Agriculture - Department of Forests', 'FI', 'Helsinki');
    const result = matchOrganizations([...background, environment, forests], []);
    expect(together(result, environment, forests)).toBe(false);
    const pair = result.review.find((entry) => [entry.a, entry.b].includes(environment) && [entry.a, entry.b].includes(forests));
    expect(pair?.reasons.join('; ')).toContain('each name has words the other lacks');
  });

  it('joins a pair a curated decision calls the same, and says the decision changed the outcome', () => {
    const a = record('Ministry of Agriculture - Department of Environment', 'FI', 'Helsinki');
    const b = record('Ministry of Agriculture - Department of Forests', 'FI', 'Helsinki');
    const same = decision(a, b, 'same');
    const result = matchOrganizations([...background, a, b], [same]);
    expect(together(result, a, b)).toBe(true);
    expect(result.appliedDecisions).toEqual([same]);
    expect(result.review.some((entry) => entry.a === a || entry.b === a)).toBe(false);
    expect(groupOf(result, b)?.members.find((member) => member.record === b)?.reason ?? groupOf(result, a)?.members[1].reason).toContain('curated as the same organization (test line 2)');
  });

  it('keeps apart a pair a curated decision calls different, even one the scores would join', () => {
    const different = decision(luke, lukePlain, 'different');
    const result = matchOrganizations([...background, luke, lukePlain], [different]);
    expect(together(result, luke, lukePlain)).toBe(false);
    expect(result.appliedDecisions).toEqual([different]);
  });

  it('reports curated decisions that name records the input does not have', () => {
    const absent = decision(record('No Such Body', 'FI'), luke, 'same');
    const result = matchOrganizations([...background, luke], [absent]);
    expect(result.unusedDecisions).toEqual([absent]);
  });

  it('joins a record to an organization another dataset holds, taking its id, and never joins two such organizations', () => {
    const known = record('Natural Resources Institute Finland', 'FI', 'Helsinki', { rows: 0, organizationId: 'luke' });
    const otherKnown = record('Natural Resources Institute of Finland', 'FI', 'Helsinki', { rows: 0, organizationId: 'luke-2' });
    const result = matchOrganizations([...background, luke, known, otherKnown], []);
    expect(groupOf(result, luke)?.members[0].record.organizationId).toBe('luke');
    expect(together(result, known, otherKnown)).toBe(false);
  });

  it('treats a town named as a partner as its administration, but not a city and the municipality around it', () => {
    const bare = record('Kotka', 'FI', 'Kotka');
    const municipality = background.find((entry) => entry.name === 'Municipality of Kotka') as PartnerRecord;
    const city = record('Rēzekne City Council', 'LV', 'Rēzekne');
    const county = record('Rezekne Municipality', 'LV', 'Rēzekne');
    const result = matchOrganizations([...background, bare, city, county], []);
    expect(together(result, bare, municipality)).toBe(true);
    expect(together(result, city, county)).toBe(false);
  });
});
