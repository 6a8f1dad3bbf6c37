/**
 * Responsible for the benchmark graph: a deterministic generator (seeded PRNG) that writes
 * N projects with their programmes, Zipf-popular organizations, real regions, themes and
 * clusters as a folder in the seed import format, headers taken from the seed declaration.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { fromRoot } from '../paths';
import { type SeedFileSpec, NODE_FILES, RELATIONSHIP_FILES } from '../seed/seed-files';
import { Label, RelType } from '../neo4j/graph-schema';
import { Random, ZipfSampler } from './random';

/** The word every text search of the benchmark looks for; no other title word starts with it. */
export const TEXT_WORD = 'water';

// Title Case words, so ordering by the stored lower-cased key and by the raw title agree.
// No word but TEXT_WORD starts with (or contains) it, so prefix and substring search agree too.
const TITLE_WORDS = [
  'Water', 'Arctic', 'Baltic', 'Border', 'Bridge', 'Business', 'Capacity', 'Careers', 'Circular',
  'Climate', 'Coastal', 'Common', 'Community', 'Connect', 'Cooperation', 'Cross', 'Cultural', 'Digital',
  'Energy', 'Enterprise', 'Environment', 'Fisheries', 'Forest', 'Future', 'Green', 'Growth', 'Harbour',
  'Health', 'Heritage', 'Innovation', 'Joint', 'Knowledge', 'Labour', 'Lake', 'Learning', 'Living',
  'Local', 'Logistics', 'Management', 'Maritime', 'Mobility', 'Nature', 'Network', 'Nordic', 'Northern',
  'Ocean', 'Open', 'Partnership', 'Platform', 'Port', 'Quality', 'Rail', 'Regional', 'Renewable',
  'Research', 'Resilience', 'Rivers', 'Roads', 'Rural', 'Safety', 'Schools', 'Sea', 'Skills', 'Smart',
  'Social', 'Solutions', 'Startup', 'Strategy', 'Sustainable', 'Tourism', 'Trade', 'Traffic', 'Transport',
  'Urban', 'Valley', 'Villages', 'Waste', 'Wellbeing', 'Wildlife', 'Youth', 'Zone', 'Action', 'Agenda',
  'Alliance', 'Biodiversity', 'Blue', 'Campus', 'Centre', 'Change', 'Cities', 'Culture', 'Data',
  'Development', 'Education', 'Efficiency', 'Emergency', 'Farming', 'Food', 'Heating', 'Hydrogen',
  'Industry', 'Integration', 'Islands', 'Lab', 'Landscape', 'Light', 'Marine', 'Market', 'Monitoring',
  'Mountain', 'Neighbours', 'Planning', 'Pollution', 'Power', 'Rescue', 'Routes', 'Services', 'Shipping',
];
const ORGANIZATION_KINDS = ['Agency', 'University', 'Council', 'Association', 'Institute', 'Foundation', 'Company', 'Chamber'];
const THEME_NAMES = [
  'Research and innovation', 'Digital access', 'Business competitiveness', 'Low-carbon economy',
  'Climate adaptation', 'Environment and resources', 'Sustainable transport', 'Employment and mobility',
  'Social inclusion', 'Education and skills', 'Institutional capacity', 'Cultural heritage',
  'Border management', 'Health care', 'Tourism', 'Maritime safety', 'Energy efficiency', 'Water management',
  'Youth and civil society', 'Local governance',
];
const PROGRAMME_COUNT = 20;
/** Share of project locations drawn from Germany's regions: it is a partner in many programmes. */
const GERMAN_SHARE = 0.2;
const SEED = 20_181_024;
/** Bumped whenever the output for a given scale changes, so a stale folder is regenerated. */
const GENERATOR_VERSION = 2;

/** What the generator wrote and what the benchmark needs to know about it. */
export interface GeneratedGraph {
  folder: string;
  scale: number;
  seed: number;
  version: number;
  rows: Record<string, number>;
  /** Organization with the most participations, and how many it has. */
  busiestOrganization: { id: string; participations: number };
  textWord: string;
}

type Row = Record<string, string | number | boolean | undefined>;

function csvCell(value: Row[string]): string {
  if (value === undefined) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Writes one file of the import format; columns (and their order) come from the seed declaration. */
function writeFile(folder: string, spec: SeedFileSpec, rows: readonly Row[]): void {
  const names = spec.columns.map((column) => column.name);
  const lines = [names.join(',')];
  for (const row of rows) lines.push(names.map((name) => csvCell(row[name])).join(','));
  const file = path.join(folder, spec.file);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
}

const illustrative = { source: 'illustrative', source_url: '' } as const;
const pad = (value: number, width: number) => String(value).padStart(width, '0');

function readCsv(file: string): Row[] {
  return parse(fs.readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true }) as Row[];
}

/** The real region set with its hierarchy, copied from the project's seed (rows kept as they are). */
function realRegions(): { regions: Row[]; partOf: Row[]; leaves: Row[] } {
  const regions = readCsv(fromRoot('seed', 'nodes', 'regions.csv'));
  const ids = new Set(regions.map((region) => String(region.id)));
  const partOf = readCsv(fromRoot('seed', 'relationships', 'PART_OF.csv')).filter(
    (row) => ids.has(String(row.from)) && ids.has(String(row.to)),
  );
  const parents = new Set(partOf.map((row) => String(row.to)));
  const leaves = regions.filter((region) => !parents.has(String(region.id)));
  return { regions, partOf, leaves };
}

/** Fixed start date + a day offset, as YYYY-MM-DD. */
function dayAfter(offset: number): string {
  return new Date(Date.UTC(2014, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Generates the graph for `scale` projects into `folder` (reused when a previous run of
 * the same generator version and scale left it complete).
 */
export function generateGraph(scale: number, folder: string): GeneratedGraph {
  if (!Number.isInteger(scale) || scale < 100) {
    throw new Error(`generateGraph: scale must be a whole number of projects, at least 100 (got ${scale})`);
  }
  const manifestFile = path.join(folder, 'manifest.json');
  if (fs.existsSync(manifestFile)) {
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as GeneratedGraph;
    if (manifest.version === GENERATOR_VERSION && manifest.scale === scale && manifest.seed === SEED) return manifest;
  }
  fs.rmSync(folder, { recursive: true, force: true });
  const random = new Random(SEED + scale);
  const files = new Map<string, Row[]>();
  const add = (file: string, row: Row) => {
    const rows = files.get(file) ?? [];
    rows.push(row);
    files.set(file, rows);
  };

  const programmes = Array.from({ length: PROGRAMME_COUNT }, (_, index) => {
    const id = `bench-programme-${pad(index + 1, 2)}`;
    add(Label.Programme, {
      id,
      name: `${TITLE_WORDS[index + 1]} Cooperation Programme ${pad(index + 1, 2)}`,
      short_name: `Bench ${pad(index + 1, 2)}`,
      period: '2014-2020',
      kind: index % 4 === 0 ? 'ENI CBC' : 'Interreg',
      ...illustrative,
    });
    return id;
  });

  const themes = THEME_NAMES.map((name, index) => {
    const id = `bench-theme-${pad(index + 1, 2)}`;
    add(Label.ThematicArea, { id, code: `T${pad(index + 1, 2)}`, name, ...illustrative });
    return id;
  });

  const { regions, partOf, leaves } = realRegions();
  // The datasets the copied regions cite, and `illustrative` for everything generated.
  for (const dataset of readCsv(fromRoot('seed', 'nodes', 'datasets.csv'))) add(Label.Dataset, dataset);
  for (const region of regions) add(Label.Region, region);
  for (const row of partOf) add(RelType.PART_OF, row);
  const germanLeaves = leaves.filter((region) => region.country_code === 'DE');
  const otherLeaves = leaves.filter((region) => region.country_code !== 'DE');

  // Organization names are unique and Title Case, so name order is also lower-cased name order.
  const organizationCount = Math.max(20, Math.round(scale / 10));
  const organizations = Array.from({ length: organizationCount }, (_, index) => {
    const home = random.pick(leaves);
    const id = `bench-org-${pad(index + 1, 6)}`;
    add(Label.Organization, {
      id,
      name: `${random.pick(TITLE_WORDS)} ${random.pick(ORGANIZATION_KINDS)} ${pad(index + 1, 6)}`,
      country: String(home.country_code),
      ...illustrative,
    });
    return id;
  });
  const popularity = new ZipfSampler(organizationCount);
  const participationsOf = new Map<string, number>();

  const projects: string[] = [];
  for (let index = 0; index < scale; index += 1) {
    const id = `BX-${pad(index + 1, 6)}`;
    projects.push(id);
    const words = Array.from({ length: random.int(3, 7) }, () => random.pick(TITLE_WORDS));
    // Initials plus a number: never a word, so it cannot match the text search by accident.
    const acronym = `${words.map((word) => word[0]).join('')}${random.int(1, 99)}`;
    const start = random.int(0, 2400);
    const budget = random.int(100, 5000) * 1000;
    add(Label.Project, {
      id,
      code: id,
      acronym,
      title: words.join(' '),
      start_date: dayAfter(start),
      end_date: dayAfter(start + random.int(365, 1460)),
      total_budget_eur: budget,
      eu_funding_eur: Math.round(budget * 0.8),
      ...illustrative,
    });
    add(RelType.FUNDED_BY, { from: id, to: random.pick(programmes), ...illustrative });

    const partners = random.distinct(random.int(2, 8), () => popularity.draw(random));
    partners.forEach((rank, position) => {
      const organization = organizations[rank];
      participationsOf.set(organization, (participationsOf.get(organization) ?? 0) + 1);
      add(RelType.PARTICIPATES_IN, {
        from: organization,
        to: id,
        role: position === 0 ? 'lead' : random.next() < 0.1 ? 'associated' : 'partner',
        budget_eur: random.int(10, 500) * 1000,
        ...illustrative,
      });
    });

    const located = new Set<string>();
    const regionCount = random.int(1, 3);
    while (located.size < regionCount) {
      located.add(String(random.pick(random.next() < GERMAN_SHARE ? germanLeaves : otherLeaves).id));
    }
    for (const region of located) add(RelType.LOCATED_IN, { from: id, to: region, ...illustrative });

    for (const theme of random.distinct(random.int(1, 2), () => random.int(0, themes.length - 1))) {
      add(RelType.ADDRESSES, { from: id, to: themes[theme], ...illustrative });
    }
  }

  // Members drawn from all projects, so a cluster of 5–15 usually spans several programmes.
  const clusterCount = Math.max(5, Math.round(scale / 100));
  for (let index = 0; index < clusterCount; index += 1) {
    const id = `bench-cluster-${pad(index + 1, 5)}`;
    add(Label.Cluster, {
      id,
      name: `${random.pick(TITLE_WORDS)} Platform ${pad(index + 1, 5)}`,
      kind: 'project_platform',
      ...illustrative,
    });
    for (const member of random.distinct(random.int(5, 15), () => random.int(0, scale - 1))) {
      add(RelType.MEMBER_OF, { from: projects[member], to: id, ...illustrative });
    }
  }

  const rows: Record<string, number> = {};
  for (const spec of [...NODE_FILES, ...RELATIONSHIP_FILES]) {
    const key = spec.kind === 'node' ? spec.label : spec.type;
    const content = files.get(key) ?? [];
    writeFile(folder, spec, content);
    rows[spec.file] = content.length;
  }
  const [busiest, participations] = [...participationsOf].reduce((best, entry) => (entry[1] > best[1] ? entry : best));
  const graph: GeneratedGraph = {
    folder,
    scale,
    seed: SEED,
    version: GENERATOR_VERSION,
    rows,
    busiestOrganization: { id: busiest, participations },
    textWord: TEXT_WORD,
  };
  fs.writeFileSync(manifestFile, `${JSON.stringify(graph, null, 2)}\n`);
  return graph;
}
