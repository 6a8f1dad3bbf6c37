/**
 * Responsible for turning a keep.eu export into seed rows: programmes with their period and
 * kind, their calls, projects (duplicated lead rows folded into one) with the call that funds
 * them and their keep.eu key as an external id, organizations, participations with the lead
 * partner marked, themes, and the NUTS regions partners are placed in. Every row
 * it cannot map becomes a problem naming sheet, row and column; every change it makes to a
 * value is counted in the notes. It never guesses.
 */
import { Label, RelType } from '../../neo4j/graph-schema';
import { SeedTables, type SeedRow } from '../seed-tables';
import { shortSlug, slugify } from '../slug';
import { EXTERNAL_ID_SCHEMES, externalIdKey } from '../seed-files';
import type { SeedError } from '../validate';
import { recordKey, type CuratedDecision, type MatchResult, type MatchThresholds } from '../organization-matching/match-organizations';
import { assignOrganizations, type AssignedOrganization, type KnownOrganization } from './partner-organizations';
import { parseProgrammeName, type KeepEuProgramme } from './programme-name';
import type { KeepEuExport, KeepEuRow } from './read-export';

export interface KeepEuOptions {
  /** The `source` every row carries (the dataset's id). */
  source: string;
  /** The `source_url` every row carries: keep.eu's export has no per-project page ids. */
  sourceUrl: string;
  /** Region ids the target graph already has (NUTS codes, ISO 3166 codes). */
  knownRegions: ReadonlySet<string>;
  /** keep.eu programme id → id of the same programme already in the graph. */
  programmeIds?: ReadonlyMap<string, string>;
  /** Curated "same" / "different" decisions on partner records (seed/keep-eu/organization-matches.csv). */
  organizationDecisions?: readonly CuratedDecision[];
  matchThresholds?: MatchThresholds;
  /** Organizations other datasets hold, which partner records may be matched to. */
  knownOrganizations?: readonly KnownOrganization[];
}

export interface KeepEuConversion {
  tables: SeedTables;
  problems: SeedError[];
  /** What was normalised or left out, with counts: "folded 39 duplicated lead rows". */
  notes: string[];
  /** How partner records were grouped into organizations, and the pairs left for review. */
  organizationMatching?: MatchResult;
}

const ROLE: Readonly<Record<string, string>> = { yes: 'lead', no: 'partner' };
const ROLE_STRENGTH: Readonly<Record<string, number>> = { lead: 3, partner: 2, associated: 1, unknown: 0 };
// Titles and acronyms go into project ids; cut so ids stay readable.
const PROJECT_SLUG_MAX = 40;

class Notes {
  private readonly counts = new Map<string, number>();
  add(note: string, count = 1): void {
    this.counts.set(note, (this.counts.get(note) ?? 0) + count);
  }
  list(): string[] {
    return [...this.counts].map(([note, count]) => `${note}: ${count}`);
  }
}

interface Context {
  options: KeepEuOptions;
  tables: SeedTables;
  problems: SeedError[];
  notes: Notes;
  provenance: SeedRow;
  programmes: Map<string, KeepEuProgramme | { problem: string }>;
  organizationMatching?: MatchResult;
}

/** Converts a read export; the caller validates and loads `tables` like any seed folder. */
export function convertKeepEu(source: KeepEuExport, options: KeepEuOptions): KeepEuConversion {
  const context: Context = {
    options,
    tables: new SeedTables(),
    problems: [],
    notes: new Notes(),
    provenance: { source: options.source, source_url: options.sourceUrl },
    programmes: new Map(),
  };
  const calls = source.calls.length > 0 ? convertCalls(source.calls, context) : undefined;
  const projects = convertProjects(source.projects, calls, context);
  convertPartners(source.partners, projects, context);
  for (const type of [RelType.LOCATED_IN, RelType.BASED_IN]) dropCountryWhereMoreSpecific(type, context);
  return { tables: context.tables, problems: context.problems, notes: context.notes.list(), organizationMatching: context.organizationMatching };
}

const problem = (context: Context, row: KeepEuRow, field: string, message: string) =>
  context.problems.push({ file: row.sheet, row: row.row, field, message });

/** Collapses runs of white space; counts the cells it changed. */
function clean(row: KeepEuRow, column: string, context: Context): string {
  const value = row.cells[column] ?? '';
  const cleaned = value.replace(/\s+/g, ' ').trim();
  if (cleaned !== value) context.notes.add(`white space collapsed in ${column}`);
  return cleaned;
}

// ---------------------------------------------------------------- programmes

function programmeOf(row: KeepEuRow, context: Context): KeepEuProgramme | undefined {
  const raw = row.cells.Programme ?? '';
  if (raw.trim() === '') {
    problem(context, row, 'Programme', 'is required but empty');
    return undefined;
  }
  const parsed = programmeNamed(raw, context);
  if ('problem' in parsed) {
    problem(context, row, 'Programme', parsed.problem);
    return undefined;
  }
  if (!context.tables.node(Label.Programme, parsed.id)) {
    context.tables.addNode(Label.Programme, {
      id: parsed.id,
      name: parsed.name,
      short_name: parsed.shortName,
      period: parsed.period,
      kind: parsed.kind,
      ...context.provenance,
    });
  }
  return parsed;
}

/**
 * A programme name parsed once per distinct name (thousands of rows share a few dozen), its
 * id mapped to the graph's where programme-ids.csv says they are the same programme.
 */
function programmeNamed(raw: string, context: Context): KeepEuProgramme | { problem: string } {
  let parsed = context.programmes.get(raw);
  if (!parsed) {
    const found = parseProgrammeName(raw);
    parsed = 'problem' in found ? found : { ...found, id: context.options.programmeIds?.get(found.id) ?? found.id };
    context.programmes.set(raw, parsed);
  }
  return parsed;
}

// ---------------------------------------------------------------- calls

interface CallRef {
  id: string;
  row: KeepEuRow;
  serialNumber: string;
  /** False when the call row had a problem: projects naming it are not linked (and not reported again). */
  valid: boolean;
}

// Serial numbers are unique within a programme, not across programmes ("1", "2", "SM1").
const callKey = (programmeId: string, serialNumber: string) => `${programmeId}\u0000${serialNumber}`;

/** Calls by (programme id, serial number); a Call node and its OPENED_BY for every valid row. */
function convertCalls(rows: readonly KeepEuRow[], context: Context): Map<string, CallRef> {
  const calls = new Map<string, CallRef>();
  const byId = new Map<string, CallRef>();
  for (const row of rows) {
    const programme = programmeOf(row, context);
    const serialNumber = clean(row, 'Serial Number', context);
    if (serialNumber === '') problem(context, row, 'Serial Number', 'is required but empty (keep.eu keys a call by programme and serial number)');
    const start = date(row, 'Start Date', context);
    const end = date(row, 'End Date', context);
    const budget = money(row, 'Budget', context);
    if (!programme || serialNumber === '') continue;
    const key = callKey(programme.id, serialNumber);
    const earlier = calls.get(key);
    if (earlier) {
      problem(context, row, 'Serial Number', `call "${serialNumber}" of programme "${programme.name}" is already on row ${earlier.row.row}`);
      continue;
    }
    const id = `${programme.id}-call-${slugify(serialNumber) || 'unnamed'}`;
    const sameId = byId.get(id);
    if (sameId) {
      // "1/2016" and "1-2016" would share a slug: refuse rather than merge two calls.
      problem(context, row, 'Serial Number', `"${serialNumber}" gives the call id "${id}" that "${sameId.serialNumber}" on row ${sameId.row.row} already has`);
      continue;
    }
    let valid = ![start, end, budget].includes(null);
    if (valid && start && end && end < start) {
      problem(context, row, 'End Date', `"${row.cells['End Date']}" is before the call's start date "${row.cells['Start Date']}"`);
      valid = false;
    }
    const call: CallRef = { id, row, serialNumber, valid };
    calls.set(key, call);
    byId.set(id, call);
    if (!valid) continue;
    if (start === '' || end === '') context.notes.add('calls without start or end date (left empty)');
    context.tables.addNode(Label.Call, {
      id,
      serial_number: serialNumber,
      start_date: start ?? '',
      end_date: end ?? '',
      budget_eur: budget ?? '',
      ...context.provenance,
    });
    context.tables.addRelationship(RelType.OPENED_BY, { from: id, to: programme.id, ...context.provenance });
  }
  return calls;
}

/**
 * Links a project to the call its "Call SN" names. A serial number the export's calls table
 * lacks is a problem: the export contradicts itself, and importing would silently drop the
 * link. An export read without any calls table (a projects CSV given alone) is not wrong,
 * only partial: its projects are imported unlinked and a note counts them.
 */
function linkCall(row: KeepEuRow, projectId: string, programme: KeepEuProgramme, calls: ReadonlyMap<string, CallRef> | undefined, context: Context): void {
  const serialNumber = clean(row, 'Call SN', context);
  if (serialNumber === '') return;
  if (!calls) {
    context.notes.add('projects naming a call left without one (no calls table was read)');
    return;
  }
  const call = calls.get(callKey(programme.id, serialNumber));
  if (!call) {
    problem(context, row, 'Call SN', `no call "${serialNumber}" of programme "${programme.name}" in the calls sheet`);
    return;
  }
  if (call.valid) context.tables.addRelationship(RelType.FUNDED_UNDER, { from: projectId, to: call.id, ...context.provenance });
}

/** keep.eu's own key of a project, the programme name as written and the acronym, as an ExternalId node. */
function addKeepEuKey(row: KeepEuRow, projectId: string, acronym: string, context: Context): void {
  const value = `${(row.cells.Programme ?? '').replace(/\s+/g, ' ').trim()}|${acronym}`;
  const id = externalIdKey(EXTERNAL_ID_SCHEMES.keepEu, value);
  context.tables.addNode(Label.ExternalId, { id, scheme: EXTERNAL_ID_SCHEMES.keepEu, value, ...context.provenance });
  context.tables.addRelationship(RelType.IDENTIFIED_BY, { from: projectId, to: id, ...context.provenance });
}

// ---------------------------------------------------------------- projects

interface ProjectRef {
  id: string;
  row: KeepEuRow;
  /** False when the projects-sheet row had a problem: its partner rows are skipped quietly. */
  valid: boolean;
}

const projectKey = (programmeId: string, acronym: string) => `${programmeId}\u0000${acronym.toLowerCase()}`;

function convertProjects(rows: readonly KeepEuRow[], calls: ReadonlyMap<string, CallRef> | undefined, context: Context): Map<string, ProjectRef> {
  const projects = new Map<string, ProjectRef>();
  const usedIds = new Set<string>();
  for (const row of rows) {
    const programme = programmeOf(row, context);
    const acronym = clean(row, 'Acronym', context);
    if (acronym === '') problem(context, row, 'Acronym', 'is required but empty (keep.eu keys a project by programme and acronym)');
    if (!programme || acronym === '') continue;
    const key = projectKey(programme.id, acronym);
    if (projects.has(key)) {
      // keep.eu writes one projects-sheet row per lead partner; the Partners sheet has both.
      context.notes.add('duplicated lead rows folded into their project');
      continue;
    }
    const englishTitle = clean(row, 'Project Name', context);
    const title = englishTitle || clean(row, 'Project Name language 2', context);
    if (!englishTitle && title) context.notes.add('title taken from "Project Name language 2" (no English name)');
    const start = date(row, 'Project start', context);
    const end = date(row, 'Project end', context);
    const budget = money(row, 'Budget', context);
    const euFunding = money(row, 'EU Funding', context);

    const base = `${programme.id}-${shortSlug(acronym, PROJECT_SLUG_MAX) || shortSlug(title, PROJECT_SLUG_MAX) || 'project'}`;
    let id = base;
    for (let suffix = 2; usedIds.has(id); suffix++) id = `${base}-${suffix}`;
    usedIds.add(id);
    const valid = ![start, end, budget, euFunding].includes(null);
    projects.set(key, { id, row, valid });
    if (!valid) continue;
    context.tables.addNode(Label.Project, {
      id,
      acronym,
      title,
      start_date: start ?? '',
      end_date: end ?? '',
      total_budget_eur: budget ?? '',
      eu_funding_eur: euFunding ?? '',
      thematic_objective_as_stated: clean(row, 'Thematic Obj', context),
      // Paragraphs stay: only the ends are trimmed.
      description: (row.cells['Description EN'] ?? '').trim(),
      ...context.provenance,
    });
    context.tables.addRelationship(RelType.FUNDED_BY, { from: id, to: programme.id, ...context.provenance });
    linkCall(row, id, programme, calls, context);
    addKeepEuKey(row, id, acronym, context);
    for (const column of ['Thematic1', 'Thematic2', 'Thematic3']) {
      const theme = clean(row, column, context);
      if (theme === '') continue;
      const themeId = `keep-eu-theme-${slugify(theme)}`;
      if (!context.tables.node(Label.ThematicArea, themeId)) {
        context.tables.addNode(Label.ThematicArea, { id: themeId, name: theme, ...context.provenance });
      }
      if (!context.tables.relationship(RelType.ADDRESSES, id, themeId)) {
        context.tables.addRelationship(RelType.ADDRESSES, { from: id, to: themeId, ...context.provenance });
      }
    }
  }
  return projects;
}

const SLASHED_DATE = /^(\d{4})[/-](\d{2})[/-](\d{2})$/;

/** `2015/10/27` → `2015-10-27`; '' when empty; null (and a problem) when not a calendar day. */
function date(row: KeepEuRow, column: string, context: Context): string | null {
  const value = clean(row, column, context);
  if (value === '') return '';
  const match = SLASHED_DATE.exec(value);
  const iso = match ? `${match[1]}-${match[2]}-${match[3]}` : '';
  const parsed = new Date(`${iso}T00:00:00Z`);
  if (!match || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso) {
    problem(context, row, column, `"${value}" is not a date written YYYY/MM/DD`);
    return null;
  }
  return iso;
}

const GROUPED_NUMBER = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** `612,557.00` → `612557.00`; '' when empty; null (and a problem) when not an amount. */
function money(row: KeepEuRow, column: string, context: Context): string | null {
  const value = clean(row, column, context);
  if (value === '') return '';
  if (PLAIN_NUMBER.test(value)) return value;
  if (GROUPED_NUMBER.test(value)) {
    context.notes.add(`thousands separators removed from ${column}`);
    return value.replace(/,/g, '');
  }
  problem(context, row, column, `"${value}" is not an amount such as 612,557.00`);
  return null;
}

// ---------------------------------------------------------------- partners

interface PartnerRow {
  row: KeepEuRow;
  project: ProjectRef;
  name: string;
  country: Country;
  role: string;
  region: string | undefined;
}

function convertPartners(rows: readonly KeepEuRow[], projects: ReadonlyMap<string, ProjectRef>, context: Context): void {
  const partners: PartnerRow[] = [];
  for (const row of rows) {
    const partner = partnerOf(row, projects, context);
    if (partner) partners.push(partner);
  }
  const assignment = assignOrganizations(
    partners.map((partner) => ({
      name: partner.name,
      countryCode: partner.country.code,
      town: clean(partner.row, 'Town', context),
      website: partner.row.cells.Website ?? '',
    })),
    context.options.organizationDecisions ?? [],
    context.options.matchThresholds,
    context.options.knownOrganizations,
  );
  context.organizationMatching = assignment.matching;
  for (const partner of partners) {
    const organization = assignment.byRecord.get(recordKey(partner.country.code, partner.name));
    if (!organization) throw new Error(`no organization assigned to partner record "${partner.name}" (${partner.country.code})`);
    if (organization.canonical.organizationId !== undefined) context.notes.add('partner rows matched to an organization another dataset holds');
    else if (organization.canonical.name !== partner.name) context.notes.add('partner rows matched to an organization stated under another name');
    addOrganization(organization, partner, context);
    addParticipation(organization, partner, context);
    if (partner.region) {
      placeOnce(RelType.BASED_IN, organization.id, partner.region, context);
      placeOnce(RelType.LOCATED_IN, partner.project.id, partner.region, context);
    }
  }
  for (const decision of assignment.matching.unusedDecisions) context.notes.add(`curated organization decisions naming records this export does not have (${decision.at})`);
  if (assignment.matching.review.length > 0) context.notes.add('organization pairs kept apart for review (npm run orgs:review)', assignment.matching.review.length);
}

function partnerOf(row: KeepEuRow, projects: ReadonlyMap<string, ProjectRef>, context: Context): PartnerRow | undefined {
  const parsed = programmeNamed(row.cells.Programme ?? '', context);
  const name = clean(row, 'Project Partner', context);
  const acronym = clean(row, 'Acronym', context);
  const lead = clean(row, 'Lead Partner', context).toLowerCase();
  let ok = true;
  if ('problem' in parsed) {
    problem(context, row, 'Programme', parsed.problem);
    ok = false;
  }
  if (name === '') {
    problem(context, row, 'Project Partner', 'is required but empty');
    ok = false;
  }
  const role = ROLE[lead];
  if (!role) {
    problem(context, row, 'Lead Partner', `"${row.cells['Lead Partner'] ?? ''}" is not Yes or No`);
    ok = false;
  }
  const country = countryOf(row, context);
  if (!country) ok = false;
  if (!ok || 'problem' in parsed || !role || !country) return undefined;
  const project = projects.get(projectKey(parsed.id, acronym));
  if (!project) {
    problem(context, row, 'Acronym', `no project "${acronym}" of programme "${parsed.name}" in the projects sheet`);
    return undefined;
  }
  if (!project.valid) return undefined;
  return { row, project, name, country, role, region: regionOf(row, country, context) };
}

interface Country {
  code: string;
  name: string;
}

/** `DE Germany / DEUTSCHLAND` → DE, Germany; `RS  / Serbia` → RS, Serbia. */
function countryOf(row: KeepEuRow, context: Context): Country | undefined {
  const value = (row.cells['Country code'] ?? '').trim();
  const match = /^([A-Z]{2})\b\s*(.*)$/.exec(value);
  const nuts = /^([A-Z]{2})[A-Z0-9]{1,3}\s*\//.exec((row.cells['NUTS1 (or equivalent)'] ?? '').trim());
  if (value === '' && nuts) {
    // The NUTS code starts with the country's code: safe to take it from there.
    context.notes.add('empty country codes taken from the NUTS code');
    return { code: nuts[1], name: clean(row, 'Country', context) || nuts[1] };
  }
  if (!match) {
    problem(context, row, 'Country code', `"${value}" does not start with a two-letter country code (e.g. "DE Germany / DEUTSCHLAND")`);
    return undefined;
  }
  const [english, national] = match[2].split('/').map((part) => part.trim());
  const name = english || national || clean(row, 'Country', context) || match[1];
  return { code: match[1], name };
}

const NUTS_CODE_LENGTH = { NUTS1: 3, NUTS2: 4, NUTS3: 5 } as const;
const NUTS_CELL = /^([A-Z]{2}[A-Z0-9]{1,3})\s*\/\s*(.*)$/;

/**
 * The most specific region a partner row names. NUTS codes the graph lacks (keep.eu's
 * "NUTS equivalents" of Switzerland, Norway, Turkey, …) become regions of this dataset,
 * each part of the next coarser one; a row without NUTS codes is placed in its country.
 */
function regionOf(row: KeepEuRow, country: Country, context: Context): string | undefined {
  const known = (id: string) => context.options.knownRegions.has(id) || context.tables.node(Label.Region, id) !== undefined;
  if (!known(country.code)) {
    context.tables.addNode(Label.Region, { id: country.code, name: country.name, level: 'country', country_code: country.code, ...context.provenance });
    context.notes.add('country regions created (not in the graph)');
  }
  let parent = country.code;
  for (const [column, level] of [
    ['NUTS1 (or equivalent)', 'NUTS1'],
    ['NUTS2 (or equivalent)', 'NUTS2'],
    ['NUTS3 (or equivalent)', 'NUTS3'],
  ] as const) {
    // "DEG01  / Erfurt, Kreisfreie Stadt": the double space is keep.eu's layout, not a typo.
    const value = (row.cells[column] ?? '').trim();
    if (value === '') break;
    const match = NUTS_CELL.exec(value);
    const code = match?.[1];
    if (!match || !code || !code.startsWith(parent.slice(0, 2)) || code.length !== NUTS_CODE_LENGTH[level]) {
      problem(context, row, column, `"${value}" is not a ${level} code of ${country.code} followed by its name (e.g. "DEG01 / Erfurt, Kreisfreie Stadt")`);
      return parent;
    }
    if (!known(code)) {
      context.tables.addNode(Label.Region, { id: code, name: match[2] || code, level, country_code: country.code, ...context.provenance });
      context.tables.addRelationship(RelType.PART_OF, { from: code, to: parent, ...context.provenance });
      context.notes.add(`${level} regions created from keep.eu's codes (not in the graph)`);
    }
    parent = code;
  }
  if (parent === country.code) context.notes.add('partner rows without NUTS codes, placed in their country');
  return parent;
}

function addOrganization(organization: AssignedOrganization, partner: PartnerRow, context: Context): void {
  if (context.tables.node(Label.Organization, organization.id)) return;
  const status = clean(partner.row, 'Legal Status', context).toLowerCase();
  if (status === 'n/a') context.notes.add('legal status "n/a" left empty');
  context.tables.addNode(Label.Organization, {
    id: organization.id,
    name: organization.canonical.name,
    country: partner.country.name,
    city: organization.canonical.town,
    legal_status: status === 'public' || status === 'private' ? status : '',
    ...context.provenance,
  });
}

function addParticipation(organization: AssignedOrganization, partner: PartnerRow, context: Context): void {
  const existing = context.tables.relationship(RelType.PARTICIPATES_IN, organization.id, partner.project.id);
  if (existing) {
    // Two spellings of one organization in one project: one participation, the stronger role.
    context.notes.add('partner rows of one organization in one project folded');
    if ((ROLE_STRENGTH[partner.role] ?? 0) > (ROLE_STRENGTH[existing.role] ?? 0)) existing.role = partner.role;
    return;
  }
  context.tables.addRelationship(RelType.PARTICIPATES_IN, {
    from: organization.id,
    to: partner.project.id,
    role: partner.role,
    name_as_stated: partner.name,
    match_score: String(organization.score),
    match_reason: organization.reason,
    ...context.provenance,
  });
}

function placeOnce(type: RelType, from: string, region: string, context: Context): void {
  if (!context.tables.relationship(type, from, region)) context.tables.addRelationship(type, { from, to: region, ...context.provenance });
}

/** A country is dropped for a project or organization already placed in one of its regions. */
function dropCountryWhereMoreSpecific(type: RelType, context: Context): void {
  const rows = [...(context.tables.relationships.get(type)?.values() ?? [])];
  const specific = new Set(rows.filter((row) => row.to.length > 2).map((row) => `${row.from}\u0000${row.to.slice(0, 2)}`));
  for (const row of rows) {
    if (row.to.length === 2 && specific.has(`${row.from}\u0000${row.to}`)) {
      context.tables.removeRelationship(type, row.from, row.to);
      context.notes.add(`${type} to a country dropped where a region of it is known`);
    }
  }
}
