/**
 * Responsible for deriving the seed files (seed/nodes, seed/relationships) from the
 * shared source data plus the hand-curated inputs in seed/derive/curated/. Output is
 * sorted and deterministic: re-running on the same inputs rewrites identical files.
 *
 *   npx ts-node --transpile-only seed/derive/derive-seed.ts [dataDir] [isoCodesJsonDir]
 *
 * dataDir defaults to ../shared/data beside the repository; isoCodesJsonDir to
 * /usr/share/iso-codes/json (Debian package `iso-codes`).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { Label, RelType } from '../../src/neo4j/graph-schema';
import { projectRoot } from '../../src/paths';
import { EXTERNAL_ID_SCHEMES, NODE_FILES, RELATIONSHIP_FILES, externalIdKey, type SeedFileSpec } from '../../src/seed/seed-files';
import { KEEP_EU_URL, REPOSITORY_CURATION, keepEuSeed } from '../../src/seed/keep-eu/keep-eu-seed';
import { asKeepEuCountries, assignOrganizations, type KnownOrganization } from '../../src/seed/keep-eu/partner-organizations';
import { readCuratedDecisions } from '../../src/seed/organization-matching/curated-decisions';
import { recordKey } from '../../src/seed/organization-matching/match-organizations';
import { type SeedRow, SeedTables } from '../../src/seed/seed-tables';
import { formatSeedError, validateSeed } from '../../src/seed/validate';
import { textSource } from '../../src/seed/seed-source';
import { shortSlug, slugify } from '../../src/seed/slug';

const REPO_ROOT = projectRoot;
const CURATED_DIR = path.join(REPO_ROOT, 'seed', 'derive', 'curated');
const NUTS_URL =
  'https://github.com/os-data/eu-structural-funds/blob/6ffe5ddb2610077f0eb4bed0cf110618c55dcd12/geography/geocodes.nuts.csv';
const ISO_URL = 'https://salsa.debian.org/iso-codes-team/iso-codes';
const URL_SEPARATOR = ' ; ';
// Title slugs in project ids are cut to this length so ids stay readable.
const PROJECT_SLUG_MAX = 60;

type CsvRecord = Record<string, string>;

/** The derived files (path relative to seed/ → CSV text) and what the derivation noticed. */
export interface Derivation {
  files: Map<string, string>;
  notes: string[];
}

// ---------------------------------------------------------------- reading inputs

function readCsv(file: string): CsvRecord[] {
  // The NUTS list ends its lines with a bare CR; normalising first keeps csv-parse's line logic simple.
  const text = readFileSync(file, 'utf8').replace(/\r\n?/g, '\n');
  const records = parse(text, { columns: true, bom: true, skip_empty_lines: true }) as CsvRecord[];
  return records.map((record) =>
    Object.fromEntries(Object.entries(record).map(([key, value]) => [key.trim(), value.trim()])),
  );
}

function readCurated(name: string): CsvRecord[] {
  return readCsv(path.join(CURATED_DIR, name));
}

function joinUrls(...lists: Array<string | undefined>): string {
  const urls = lists.flatMap((list) => (list ? list.split(URL_SEPARATOR) : [])).map((url) => url.trim());
  return [...new Set(urls.filter(Boolean))].join(URL_SEPARATOR);
}

// ---------------------------------------------------------------- collecting rows

// ---------------------------------------------------------------- regions

interface RegionInfo {
  level: string;
  countryCode: string;
}

function nutsLevel(code: string): string {
  switch (code.length) {
    case 2:
      return 'country';
    case 3:
      return 'NUTS1';
    case 4:
      return 'NUTS2';
    case 5:
      return 'NUTS3';
    default:
      throw new Error(`Unexpected NUTS code "${code}"`);
  }
}

function deriveRegions(tables: SeedTables, dataDir: string, isoDir: string): Map<string, RegionInfo> {
  const regions = new Map<string, RegionInfo>();
  const add = (row: SeedRow) => {
    tables.addNode(Label.Region, row);
    regions.set(row.id, { level: row.level, countryCode: row.country_code });
  };

  // `Level` 1 rows are section headers; each section repeats the 28 country rows.
  const nuts = readCsv(path.join(dataDir, 'nuts2013_geocodes.csv')).filter((row) => row.Level !== '1');
  const names = new Map<string, string>();
  for (const row of nuts) {
    const code = row['NUTS-Code'];
    const seen = names.get(code);
    if (seen !== undefined && seen !== row.Description) {
      throw new Error(`NUTS code ${code} has two names: "${seen}" and "${row.Description}"`);
    }
    names.set(code, row.Description);
  }
  for (const [code, name] of names) {
    add({ id: code, name, level: nutsLevel(code), country_code: code.slice(0, 2), source: 'nuts2013', source_url: NUTS_URL });
  }
  // NUTS parents follow from code prefixes (FI1D7 → FI1D → FI1 → FI); the file's `Parent` column does not give them.
  for (const code of names.keys()) {
    if (code.length === 2) continue;
    const parent = code.slice(0, -1);
    if (!names.has(parent)) throw new Error(`NUTS code ${code} has no parent ${parent} in the list`);
    tables.addRelationship(RelType.PART_OF, { from: code, to: parent, source: 'nuts2013', source_url: NUTS_URL });
  }

  const iso1 = JSON.parse(readFileSync(path.join(isoDir, 'iso_3166-1.json'), 'utf8'))['3166-1'] as Array<{ alpha_2: string; name: string }>;
  const iso2 = JSON.parse(readFileSync(path.join(isoDir, 'iso_3166-2.json'), 'utf8'))['3166-2'] as Array<{ code: string; name: string; type: string; parent?: string }>;
  const isoNames = new Map<string, string>([
    ...iso1.map((entry): [string, string] => [entry.alpha_2, entry.name]),
    ...iso2.map((entry): [string, string] => [entry.code, entry.name]),
  ]);
  const nonEu = readCurated('non-eu-regions.csv');
  for (const row of nonEu) {
    let name = row.name;
    let sourceUrl = '';
    if (row.source === 'iso3166-2') {
      const isoName = isoNames.get(row.id);
      if (isoName === undefined) throw new Error(`${row.id} is not in the installed iso-codes lists (${isoDir})`);
      name = isoName;
      sourceUrl = ISO_URL;
    }
    add({ id: row.id, name, level: row.level, country_code: row.country_code, source: row.source, source_url: sourceUrl });
  }
  // Every other country of ISO 3166-1, so partners anywhere (keep.eu has Serbia, Canada, …)
  // have a country to be placed in. Greece and the United Kingdom are EL and UK in NUTS.
  const nutsCountryAliases = new Map([['GR', 'EL'], ['GB', 'UK']]);
  for (const entry of iso1) {
    if (regions.has(entry.alpha_2) || regions.has(nutsCountryAliases.get(entry.alpha_2) ?? '')) continue;
    add({ id: entry.alpha_2, name: entry.name, level: 'country', country_code: entry.alpha_2, source: 'iso3166-2', source_url: ISO_URL });
  }
  // Every subdivision of every country in ISO 3166-2 (Ukrainian oblasts, Belarusian and
  // Moldovan regions, Polish voivodeships, …), under its ISO parent or else its country;
  // the curated rows above (Russia's subjects under their federal districts) come first.
  const isoTypes = new Map(iso2.map((entry) => [entry.code, entry.type]));
  const subdivisions = iso2.filter((entry) => !regions.has(entry.code));
  for (const entry of subdivisions) {
    const isoCountry = entry.code.slice(0, 2);
    const country = nutsCountryAliases.get(isoCountry) ?? isoCountry;
    if (!regions.has(country)) throw new Error(`ISO 3166-2 ${entry.code}: no country ${country} among the regions`);
    add({ id: entry.code, name: entry.name, level: 'subdivision', kind: entry.type, country_code: country, source: 'iso3166-2', source_url: ISO_URL });
  }
  for (const entry of subdivisions) {
    const isoCountry = entry.code.slice(0, 2);
    // ISO writes a parent as "ARA" or, for some countries, whole: "GB-NIR".
    const parent = entry.parent ? (entry.parent.includes('-') ? entry.parent : `${isoCountry}-${entry.parent}`) : (nutsCountryAliases.get(isoCountry) ?? isoCountry);
    if (!regions.has(parent)) throw new Error(`ISO 3166-2 ${entry.code}: parent ${parent} is not in the list`);
    tables.addRelationship(RelType.PART_OF, { from: entry.code, to: parent, source: 'iso3166-2', source_url: ISO_URL });
  }
  // The curated ISO rows take ISO's name for what they are (Oblast, Republic, County, …).
  for (const row of nonEu) {
    const type = isoTypes.get(row.id);
    const node = tables.node(Label.Region, row.id);
    if (type && node) node.kind = type;
  }
  for (const row of nonEu) {
    if (!row.parent) continue;
    const source = row.part_of_source;
    tables.addRelationship(RelType.PART_OF, {
      from: row.id,
      to: row.parent,
      source,
      source_url: source === 'iso3166-2' ? ISO_URL : '',
    });
  }
  return regions;
}

/** Drops a country-level region where the same set holds a more specific region of that country. */
function mostSpecific(found: Map<string, string>, regions: Map<string, RegionInfo>): Map<string, string> {
  const specificCountries = new Set(
    [...found.keys()].filter((id) => regions.get(id)?.level !== 'country').map((id) => regions.get(id)?.countryCode),
  );
  return new Map(
    [...found].filter(([id]) => !(regions.get(id)?.level === 'country' && specificCountries.has(regions.get(id)?.countryCode))),
  );
}

class PlaceIndex {
  private readonly places = new Map<string, string>();
  private readonly countries = new Map<string, string>();
  readonly unmappedPlaces = new Set<string>();

  constructor(private readonly regions: Map<string, RegionInfo>) {
    for (const row of readCurated('places.csv')) this.places.set(row.place, row.region_id);
    for (const row of readCurated('countries.csv')) this.countries.set(row.country, row.region_id);
    for (const id of [...this.places.values(), ...this.countries.values()]) {
      if (id && !regions.has(id)) throw new Error(`Curated place maps to unknown region "${id}"`);
    }
  }

  /** The region a stated place (and/or country) clearly maps to, if any. */
  locate(place: string, country: string): string | undefined {
    const countryRegion = country ? this.countries.get(country) : undefined;
    if (country && countryRegion === undefined) throw new Error(`Country "${country}" is not in curated/countries.csv`);
    if (place) {
      const regionId = this.places.get(place);
      if (regionId === undefined) throw new Error(`Place "${place}" is not in curated/places.csv`);
      if (regionId) {
        const regionCountry = this.regions.get(regionId)?.countryCode;
        if (countryRegion && regionCountry !== this.regions.get(countryRegion)?.countryCode) {
          throw new Error(`Place "${place}" maps to ${regionId}, which is not in ${country}`);
        }
        return regionId;
      }
      this.unmappedPlaces.add(country ? `${place} (${country}: country level used)` : place);
    }
    return countryRegion;
  }
}

// ---------------------------------------------------------------- programmes and projects

interface ProgrammeInfo {
  id: string;
  prefix: string;
  sourceUrl: string;
}

function derivePrograms(tables: SeedTables, dataDir: string): Map<string, ProgrammeInfo> {
  const curated = new Map(readCurated('programmes.csv').map((row) => [row.programme, row]));
  const programmes = new Map<string, ProgrammeInfo>();
  for (const row of readCsv(path.join(dataDir, 'cbc/programmes.csv'))) {
    const extra = curated.get(row.programme);
    if (!extra) throw new Error(`Programme "${row.programme}" is not in curated/programmes.csv`);
    tables.addNode(Label.Programme, {
      id: extra.id,
      name: row.programme,
      short_name: extra.short_name,
      period: row.period,
      kind: extra.kind,
      area_as_stated: row.area_as_stated,
      managing_authority: row.managing_authority,
      budget_as_stated: row.budget_as_stated,
      platform_call_open: extra.platform_call_open,
      source: 'cbc',
      source_url: row.source_url,
    });
    programmes.set(row.programme, { id: extra.id, prefix: extra.id.replace(/-2014-2020$/, ''), sourceUrl: row.source_url });
  }
  return programmes;
}

interface ProjectInfo {
  id: string;
  programme: string;
  code: string;
  acronym: string;
  title: string;
  sourceUrl: string;
  regionsAsStated: string;
  thematicObjective: string;
}

function projectId(row: CsvRecord, programme: ProgrammeInfo): string {
  if (row.project_code) return row.project_code;
  const name = row.acronym || row.title;
  if (!name) throw new Error(`A ${row.programme} project has neither code, acronym nor title`);
  return `${programme.prefix}-${shortSlug(name, PROJECT_SLUG_MAX)}`;
}

function deriveProjects(tables: SeedTables, dataDir: string, programmes: Map<string, ProgrammeInfo>): ProjectInfo[] {
  const projects: ProjectInfo[] = [];
  for (const row of readCsv(path.join(dataDir, 'cbc/projects.csv'))) {
    const programme = programmes.get(row.programme);
    if (!programme) throw new Error(`Project row names unknown programme "${row.programme}"`);
    const id = projectId(row, programme);
    tables.addNode(Label.Project, {
      id,
      code: row.project_code,
      acronym: row.acronym,
      title: row.title,
      start_date: row.start_date,
      end_date: row.end_date,
      total_budget_eur: row.total_budget_eur,
      eu_funding_eur: row.eu_funding_eur,
      programme_funding_eur: row.programme_funding_eur,
      thematic_objective_as_stated: row.thematic_objective,
      regions_as_stated: row.regions_as_stated,
      source: 'cbc',
      source_url: row.source_url,
    });
    tables.addRelationship(RelType.FUNDED_BY, { from: id, to: programme.id, source: 'cbc', source_url: row.source_url });
    if (row.project_code) {
      // The code is also the id here, but an id is ours to change; the external id stays the programme's.
      const externalId = externalIdKey(EXTERNAL_ID_SCHEMES.projectCode, row.project_code);
      tables.addNode(Label.ExternalId, { id: externalId, scheme: EXTERNAL_ID_SCHEMES.projectCode, value: row.project_code, source: 'cbc', source_url: row.source_url });
      tables.addRelationship(RelType.IDENTIFIED_BY, { from: id, to: externalId, source: 'cbc', source_url: row.source_url });
    }
    projects.push({
      id,
      programme: row.programme,
      code: row.project_code,
      acronym: row.acronym,
      title: row.title,
      sourceUrl: row.source_url,
      regionsAsStated: row.regions_as_stated,
      thematicObjective: row.thematic_objective,
    });
  }
  return projects;
}

// ---------------------------------------------------------------- partners and organizations

interface OrganizationDraft {
  name: string;
  countries: string[];
  cities: string[];
  sourceUrl: string;
  /** region id → URLs of the partner rows that place the organization there */
  locations: Map<string, string>;
}

const ROLE_RANK: Readonly<Record<string, number>> = { lead: 3, partner: 2, associated: 1 };

function findProject(row: CsvRecord, projects: ProjectInfo[]): ProjectInfo {
  const inProgramme = projects.filter((project) => project.programme === row.programme);
  const match =
    (row.project_code && projects.find((project) => project.code === row.project_code)) ||
    (row.project_acronym && inProgramme.find((project) => project.acronym === row.project_acronym)) ||
    (row.project_title && inProgramme.find((project) => project.title === row.project_title));
  if (!match) {
    throw new Error(`Partner row "${row.organization_name}" matches no project (${row.project_code || row.project_acronym || row.project_title})`);
  }
  return match;
}

function deriveParticipation(
  tables: SeedTables,
  dataDir: string,
  projects: ProjectInfo[],
  places: PlaceIndex,
  regions: Map<string, RegionInfo>,
  notes: string[],
  renamed: Map<string, string>,
): Map<string, OrganizationDraft> {
  const organizations = new Map<string, OrganizationDraft>();
  const participations = new Map<string, SeedRow>();
  const projectLocations = new Map<string, Map<string, string>>(projects.map((project) => [project.id, new Map()]));
  const addLocation = (locations: Map<string, string>, regionId: string, url: string) =>
    locations.set(regionId, joinUrls(locations.get(regionId), url));

  // Regions the project pages state.
  for (const project of projects) {
    for (const place of project.regionsAsStated.split(';').map((part) => part.trim()).filter(Boolean)) {
      const regionId = places.locate(place, '');
      if (regionId) addLocation(projectLocations.get(project.id)!, regionId, project.sourceUrl);
    }
  }

  const partners = readCsv(path.join(dataDir, 'cbc/partners.csv'));
  // A partner's stated place locates both the organization and the project it works in.
  const regionIds = partners.map((row) => places.locate(row.city_or_region, row.country));
  const stated = partners.map((row, index) => ({
    name: row.organization_name,
    countryCode: regions.get(regionIds[index] ?? '')?.countryCode ?? '',
    town: row.city_or_region,
    website: '',
  }));
  // The programme pages name one organization several ways too (the Pskov committee under
  // three names): their partner rows go through the matcher keep.eu's rows go through.
  const assignment = assignOrganizations(stated, readCuratedDecisions(REPOSITORY_CURATION.organizationDecisionsFile).decisions);
  partners.forEach((row, index) => {
    const line = index + 2;
    const project = findProject(row, projects);
    const assigned = assignment.byRecord.get(recordKey(stated[index].countryCode, row.organization_name));
    if (!assigned) throw new Error(`partners.csv line ${line}: no organization assigned to "${row.organization_name}"`);
    const orgId = assigned.id;
    const ownSlug = slugify(row.organization_name);
    if (ownSlug !== orgId) {
      renamed.set(ownSlug, orgId);
      notes.push(`partners.csv line ${line}: "${row.organization_name}" matched to organization ${orgId} (${assigned.reason})`);
    }
    const draft = organizations.get(orgId) ?? {
      name: assigned.canonical.name,
      countries: [],
      cities: [],
      sourceUrl: '',
      locations: new Map<string, string>(),
    };
    organizations.set(orgId, draft);
    if (row.country && !draft.countries.includes(row.country)) draft.countries.push(row.country);
    if (row.city_or_region && !draft.cities.includes(row.city_or_region)) draft.cities.push(row.city_or_region);
    draft.sourceUrl = joinUrls(draft.sourceUrl, row.source_url);

    const regionId = regionIds[index];
    if (regionId) {
      addLocation(draft.locations, regionId, row.source_url);
      addLocation(projectLocations.get(project.id)!, regionId, row.source_url);
    }

    const key = `${orgId}\u0000${project.id}`;
    const existing = participations.get(key);
    if (existing) {
      notes.push(
        `partners.csv line ${line}: ${orgId} appears twice in ${project.id} (${existing.role}, ${row.role}); merged into one PARTICIPATES_IN`,
      );
      if (ROLE_RANK[row.role] > ROLE_RANK[existing.role]) existing.role = row.role;
      existing.source_url = joinUrls(existing.source_url, row.source_url);
      return;
    }
    // The name as this row states it: the organization's aliases are read from these.
    participations.set(key, {
      from: orgId,
      to: project.id,
      role: row.role,
      name_as_stated: row.organization_name,
      match_score: String(assigned.score),
      match_reason: assigned.reason,
      source: 'cbc',
      source_url: row.source_url,
    });
  });

  for (const row of participations.values()) tables.addRelationship(RelType.PARTICIPATES_IN, row);
  for (const [projectId, locations] of projectLocations) {
    for (const [regionId, url] of mostSpecific(locations, regions)) {
      tables.addRelationship(RelType.LOCATED_IN, { from: projectId, to: regionId, source: 'cbc', source_url: url });
    }
  }
  notes.push(`partners.csv: ${partners.length} rows → ${participations.size} PARTICIPATES_IN, ${organizations.size} organizations`);
  return organizations;
}

function writeOrganizations(
  tables: SeedTables,
  organizations: Map<string, OrganizationDraft>,
  regions: Map<string, RegionInfo>,
  notes: string[],
): void {
  for (const [id, draft] of organizations) {
    if (draft.countries.length > 1 || draft.cities.length > 1) {
      notes.push(`organization ${id}: several places stated (${[...draft.countries, ...draft.cities].join(', ')}); node keeps the first, BASED_IN keeps all`);
    }
    tables.addNode(Label.Organization, {
      id,
      name: draft.name,
      country: draft.countries[0] ?? '',
      city: draft.cities[0] ?? '',
      source: 'cbc',
      source_url: draft.sourceUrl,
    });
    for (const [regionId, url] of mostSpecific(draft.locations, regions)) {
      tables.addRelationship(RelType.BASED_IN, { from: id, to: regionId, source: 'cbc', source_url: url });
    }
  }
}

// ---------------------------------------------------------------- platforms, themes, coverage

function derivePlatforms(
  tables: SeedTables,
  dataDir: string,
  programmes: Map<string, ProgrammeInfo>,
  projects: ProjectInfo[],
  organizations: Map<string, OrganizationDraft>,
  renamed: ReadonlyMap<string, string>,
): void {
  for (const row of readCsv(path.join(dataDir, 'cbc/platforms.csv'))) {
    const programme = programmes.get(row.programme);
    if (!programme) throw new Error(`Platform "${row.platform_name}" names unknown programme "${row.programme}"`);
    const id = slugify(row.platform_name);
    tables.addNode(Label.Cluster, { id, name: row.platform_name, kind: 'project_platform', source: 'cbc', source_url: row.source_url });
    tables.addRelationship(RelType.SUPPORTED_BY, { from: id, to: programme.id, source: 'cbc', source_url: row.source_url });

    if (row.platform_lead_as_stated) {
      // "X (managing the platform)": the parenthesis describes the role, not the name.
      const leadName = row.platform_lead_as_stated.replace(/\s*\(managing[^)]*\)$/, '');
      const leadId = renamed.get(slugify(leadName)) ?? slugify(leadName);
      const draft = organizations.get(leadId);
      if (draft) {
        draft.sourceUrl = joinUrls(draft.sourceUrl, row.source_url);
      } else {
        organizations.set(leadId, { name: leadName, countries: [], cities: [], sourceUrl: row.source_url, locations: new Map() });
      }
      tables.addRelationship(RelType.COORDINATES, { from: leadId, to: id, source: 'cbc', source_url: row.source_url });
    }
    for (const acronym of row.member_project_acronyms.split(';').map((part) => part.trim()).filter(Boolean)) {
      const member = projects.find((project) => project.acronym === acronym);
      if (!member) throw new Error(`Platform "${row.platform_name}" lists unknown project "${acronym}"`);
      tables.addRelationship(RelType.MEMBER_OF, { from: member.id, to: id, source: 'cbc', source_url: row.source_url });
    }
  }
}

function deriveThemes(tables: SeedTables, projects: ProjectInfo[]): void {
  const areas = new Map(readCurated('thematic-areas.csv').map((row) => [row.id, row]));
  const mapping = new Map(readCurated('thematic-objectives.csv').map((row) => [row.as_stated, row.thematic_area_id]));
  for (const project of projects) {
    if (!project.thematicObjective) continue;
    const areaId = mapping.get(project.thematicObjective);
    if (!areaId) throw new Error(`Thematic objective "${project.thematicObjective}" is not in curated/thematic-objectives.csv`);
    const area = areas.get(areaId);
    if (!area) throw new Error(`curated/thematic-objectives.csv maps to unknown thematic area "${areaId}"`);
    // A theme cites the first project page (in file order) that states it.
    if (!tables.node(Label.ThematicArea, areaId)) {
      tables.addNode(Label.ThematicArea, { id: areaId, code: area.code, name: area.name, source: 'cbc', source_url: project.sourceUrl });
    }
    tables.addRelationship(RelType.ADDRESSES, { from: project.id, to: areaId, source: 'cbc', source_url: project.sourceUrl });
  }
  for (const id of areas.keys()) {
    if (!tables.node(Label.ThematicArea, id)) throw new Error(`Curated thematic area "${id}" is stated by no project`);
  }
}

function deriveCoverage(tables: SeedTables, programmes: Map<string, ProgrammeInfo>): void {
  const byId = new Map([...programmes.values()].map((programme) => [programme.id, programme]));
  for (const row of readCurated('programme-coverage.csv')) {
    const programme = byId.get(row.programme_id);
    if (!programme) throw new Error(`curated/programme-coverage.csv names unknown programme "${row.programme_id}"`);
    tables.addRelationship(RelType.COVERS, {
      from: row.programme_id,
      to: row.region_id,
      eligibility: row.eligibility,
      source: 'cbc',
      source_url: programme.sourceUrl,
    });
  }
}

/** Hand-written rows in the seed format itself (article facts, illustrative rows). */
function mergeCuratedRows(tables: SeedTables, renamed: ReadonlyMap<string, string>): void {
  const merge = (spec: SeedFileSpec, add: (row: SeedRow) => void) => {
    const file = path.join(CURATED_DIR, spec.file);
    if (!existsSync(file)) return;
    const rows = readCsv(file);
    const expected = spec.columns.map((column) => column.name);
    for (const row of rows) {
      const unknown = Object.keys(row).filter((key) => !expected.includes(key));
      if (unknown.length > 0) throw new Error(`${file}: unknown column(s) ${unknown.join(', ')}`);
      add(row);
    }
  };
  for (const spec of NODE_FILES) merge(spec, (row) => tables.addNode(spec.label, row));
  // Curated rows name organizations by the slug of a name the matcher folded into another.
  const current = (id: string) => renamed.get(id) ?? id;
  for (const spec of RELATIONSHIP_FILES) merge(spec, (row) => tables.addRelationship(spec.type, { ...row, from: current(row.from), to: current(row.to) }));
}

// ---------------------------------------------------------------- writing

/** Derives every seed file from the source data; throws on anything it cannot map. */
export async function deriveSeed(dataDir: string, isoDir: string): Promise<Derivation> {
  const notes: string[] = [];
  const tables = new SeedTables();
  const regions = deriveRegions(tables, dataDir, isoDir);
  const places = new PlaceIndex(regions);
  const programmes = derivePrograms(tables, dataDir);
  const projects = deriveProjects(tables, dataDir, programmes);
  const renamedOrganizations = new Map<string, string>();
  const organizations = deriveParticipation(tables, dataDir, projects, places, regions, notes, renamedOrganizations);
  derivePlatforms(tables, dataDir, programmes, projects, organizations, renamedOrganizations);
  writeOrganizations(tables, organizations, regions, notes);
  deriveThemes(tables, projects);
  deriveCoverage(tables, programmes);
  mergeCuratedRows(tables, renamedOrganizations);
  for (const place of places.unmappedPlaces) notes.push(`place not mapped to a region: ${place}`);
  await mergeKeepEu(tables, notes);

  const files = tables.toFiles();
  return { files, notes };
}

// ---------------------------------------------------------------- keep.eu

const KEEP_EU_DIR = path.join(REPO_ROOT, 'seed', 'keep-eu');

/**
 * The keep.eu export the repository carries, through the same adapter `npm run import --
 * --format keep-eu` uses. A node the graph already has (an organization the cbc pages name
 * under the same slug, the Baltic Sea Region programme) keeps its cbc row; keep.eu adds its
 * participations and placements to it.
 */
async function mergeKeepEu(tables: SeedTables, notes: string[]): Promise<void> {
  const knownRegions = new Set(tables.nodes.get(Label.Region)?.keys() ?? []);
  const seed = await keepEuSeed(path.join(KEEP_EU_DIR, 'keep_closed_1420.xlsx'), {
    source: 'keep-eu-2019',
    sourceUrl: KEEP_EU_URL,
    knownRegions,
    knownOrganizations: asKeepEuCountries(organizationsIn(tables)),
    ...REPOSITORY_CURATION,
  });
  if (seed.problems.length > 0) {
    throw new Error(`keep.eu export has ${seed.problems.length} problem(s):\n${seed.problems.map(formatSeedError).join('\n')}`);
  }
  notes.push(...seed.notes.map((note) => `keep.eu: ${note}`));
  for (const [label, rows] of seed.tables.nodes) {
    let kept = 0;
    for (const row of rows.values()) {
      if (tables.node(label, row.id)) kept++;
      else tables.addNode(label, row);
    }
    if (kept > 0) notes.push(`keep.eu: ${kept} ${label} node(s) the other datasets already have; their rows are kept`);
  }
  for (const [type, rows] of seed.tables.relationships) {
    let kept = 0;
    for (const row of rows.values()) {
      if (tables.relationship(type, row.from, row.to)) kept++;
      else tables.addRelationship(type, row);
    }
    if (kept > 0) notes.push(`keep.eu: ${kept} ${type} relationship(s) the other datasets already have; their rows are kept`);
  }
}

/** The organizations of `tables`, each with the country of a region it is based in and the names its participations state. */
function organizationsIn(tables: SeedTables): KnownOrganization[] {
  const regions = tables.nodes.get(Label.Region);
  const countryOf = new Map<string, string>();
  // The first code in order, as the import reads it from the graph (graph-state.ts).
  for (const row of tables.relationships.get(RelType.BASED_IN)?.values() ?? []) {
    const code = regions?.get(row.to)?.country_code;
    const found = countryOf.get(row.from);
    if (code && (found === undefined || code < found)) countryOf.set(row.from, code);
  }
  const aliases = new Map<string, Set<string>>();
  for (const row of tables.relationships.get(RelType.PARTICIPATES_IN)?.values() ?? []) {
    if (row.name_as_stated) aliases.set(row.from, (aliases.get(row.from) ?? new Set()).add(row.name_as_stated));
  }
  return [...(tables.nodes.get(Label.Organization)?.values() ?? [])].map((row) => ({
    id: row.id,
    name: row.name,
    town: row.city ?? '',
    countryCode: countryOf.get(row.id) ?? '',
    aliases: [...(aliases.get(row.id) ?? [])],
  }));
}

async function main(argv: readonly string[]): Promise<void> {
  const dataDir = argv[0] ? path.resolve(argv[0]) : path.resolve(REPO_ROOT, '../shared/data');
  const isoDir = argv[1] ? path.resolve(argv[1]) : '/usr/share/iso-codes/json';
  const { files, notes } = await deriveSeed(dataDir, isoDir);

  const validation = await validateSeed(textSource((file) => files.get(file), 'seed'));
  if (validation.errorCount > 0) {
    for (const error of validation.errors) process.stderr.write(`${formatSeedError(error)}\n`);
    throw new Error(`Derived seed does not validate (${validation.errorCount} errors); nothing written`);
  }

  const seedDir = path.join(REPO_ROOT, 'seed');
  for (const folder of ['nodes', 'relationships']) {
    const dir = path.join(seedDir, folder);
    mkdirSync(dir, { recursive: true });
    // Files no longer declared would otherwise linger and confuse readers.
    for (const name of readdirSync(dir)) {
      if (!files.has(`${folder}/${name}`)) rmSync(path.join(dir, name));
    }
  }
  for (const [file, text] of files) writeFileSync(path.join(seedDir, file), text);

  const report = [...notes.map((note) => `note: ${note}`), ...validation.files.map((summary) => `${summary.file.padEnd(44)} ${String(summary.rows).padStart(6)} rows`)];
  process.stdout.write(`${report.join('\n')}\n`);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
