/**
 * Responsible for turning keep.eu's partner rows into organizations: the rows' stated names
 * become partner records (name + country, with the town and website hosts the rows give),
 * the matcher groups the records, and each group gets a stable id from its name.
 */
import {
  matchOrganizations,
  recordKey,
  type CuratedDecision,
  type GroupMember,
  type MatchResult,
  type MatchThresholds,
  type PartnerRecord,
} from '../organization-matching/match-organizations';
import { slugify } from '../slug';

/** What one partner row says about its organization. */
export interface StatedPartner {
  name: string;
  countryCode: string;
  town: string;
  website: string;
}

/** An organization another dataset already holds, for partner records to be matched to. */
export interface KnownOrganization {
  id: string;
  name: string;
  /** Two letters as keep.eu writes them (EL for Greece, UK for the United Kingdom). */
  countryCode: string;
  town: string;
  /** Other names its participations state (PARTICIPATES_IN.name_as_stated). */
  aliases?: readonly string[];
}

export interface AssignedOrganization {
  id: string;
  /** The record the organization takes its name (and town) from. */
  canonical: PartnerRecord;
  score: number;
  reason: string;
}

export interface OrganizationAssignment {
  /** By `recordKey(countryCode, name)` of every stated partner. */
  byRecord: Map<string, AssignedOrganization>;
  matching: MatchResult;
}

/** Groups the partners' records into organizations and names each group's id. */
export function assignOrganizations(
  partners: readonly StatedPartner[],
  decisions: readonly CuratedDecision[],
  thresholds?: MatchThresholds,
  known: readonly KnownOrganization[] = [],
): OrganizationAssignment {
  const matching = matchOrganizations(withKnown(partnerRecords(partners), known), decisions, thresholds);
  // One id per slug of the organization's name, unless the slug names organizations in
  // several countries: then each gets its country code ("municipality-of-x-si").
  const countriesBySlug = new Map<string, Set<string>>();
  const countryOf = (members: readonly GroupMember[]) => members.find((member) => member.record.countryCode !== '')?.record.countryCode ?? '';
  const named = matching.groups.map(({ members }) => ({ members, slug: slugify(members[0].record.name), country: countryOf(members) }));
  for (const { slug, country } of named) countriesBySlug.set(slug, (countriesBySlug.get(slug) ?? new Set()).add(country));
  const used = new Set<string>();
  const byRecord = new Map<string, AssignedOrganization>();
  for (const { members, slug, country } of named) {
    const canonical = members[0].record;
    const base = canonical.organizationId ?? ((countriesBySlug.get(slug)?.size ?? 0) > 1 && country !== '' ? `${slug}-${country.toLowerCase()}` : slug);
    // Two organizations of one name in one country exist only when a curated decision says
    // "different"; the second gets a number.
    let id = base;
    for (let suffix = 2; used.has(id) && canonical.organizationId === undefined; suffix++) id = `${base}-${suffix}`;
    used.add(id);
    for (const member of members) {
      byRecord.set(recordKey(member.record.countryCode, member.record.name), { id, canonical, score: member.score, reason: member.reason });
    }
  }
  return { byRecord, matching };
}

/** One record per stated name in a country, with the town its rows name most often. */
export function partnerRecords(partners: readonly StatedPartner[]): PartnerRecord[] {
  const gathered = new Map<string, { name: string; countryCode: string; rows: number; towns: Map<string, number>; domains: Set<string> }>();
  for (const partner of partners) {
    const key = recordKey(partner.countryCode, partner.name);
    const entry = gathered.get(key) ?? { name: partner.name, countryCode: partner.countryCode, rows: 0, towns: new Map(), domains: new Set() };
    entry.rows += 1;
    if (partner.town !== '') entry.towns.set(partner.town, (entry.towns.get(partner.town) ?? 0) + 1);
    const domain = hostOf(partner.website);
    if (domain) entry.domains.add(domain);
    gathered.set(key, entry);
  }
  return [...gathered.values()].map((entry) => ({
    name: entry.name,
    countryCode: entry.countryCode,
    town: [...entry.towns].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? '',
    domains: [...entry.domains].sort(),
    rows: entry.rows,
  }));
}

// ISO 3166-1 codes keep.eu (like NUTS) writes otherwise.
const KEEP_EU_COUNTRY: Readonly<Record<string, string>> = { GR: 'EL', GB: 'UK' };

/** Organizations with their country codes written as keep.eu writes them (GR → EL, GB → UK). */
export function asKeepEuCountries<T extends { countryCode: string }>(organizations: readonly T[]): T[] {
  return organizations.map((organization) => ({ ...organization, countryCode: KEEP_EU_COUNTRY[organization.countryCode] ?? organization.countryCode }));
}

/**
 * The stated records with the known organizations added, each under its name and every
 * alias: a stated record of that name in that country is the organization's; any other
 * name becomes a record of no rows.
 */
function withKnown(records: PartnerRecord[], known: readonly KnownOrganization[]): PartnerRecord[] {
  const byKey = new Map(records.map((record) => [recordKey(record.countryCode, record.name), record]));
  for (const organization of known) {
    for (const name of new Set([organization.name, ...(organization.aliases ?? [])])) {
      const key = recordKey(organization.countryCode, name);
      const stated = byKey.get(key);
      if (stated && stated.organizationId === undefined) stated.organizationId = organization.id;
      else if (!stated) byKey.set(key, { name, countryCode: organization.countryCode, town: organization.town, domains: [], rows: 0, organizationId: organization.id });
    }
  }
  return [...byKey.values()];
}

/** `http://www.luke.fi/en/` → `luke.fi`; undefined when the cell is not a web address. */
function hostOf(website: string): string | undefined {
  const match = /^(?:https?:\/\/)?(?:www\.)?([a-z0-9.-]+\.[a-z]{2,})(?:[/:?#]|$)/i.exec(website.trim());
  return match?.[1].toLowerCase();
}
