import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { slugify } from './slug';
import { Label, RelType } from '../neo4j/graph-schema';
import { projectRoot } from '../paths';
import { NODE_FILES, RELATIONSHIP_FILES, SEED_FILES, type SeedFileSpec } from './seed-files';
import { textSource } from './seed-source';
import { type SeedData, type SeedValidation, collectRecords, formatSeedError, validateSeed, validateSeedDir } from './validate';

function line(spec: SeedFileSpec, values: Record<string, string>): string {
  return spec.columns
    .map((column) => {
      const value = values[column.name] ?? '';
      return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
    })
    .join(',');
}

/** A small valid seed: rows per file as column → value maps; every other file is header-only. */
const validRows: Record<string, Array<Record<string, string>>> = {
  'nodes/datasets.csv': [
    { id: 'cbc', name: 'Programme pages', licence: 'public pages', credit: 'The programmes', source_urls: 'required' },
    { id: 'nuts2013', name: 'NUTS 2013', licence: 'Eurostat', credit: 'GISCO - Eurostat', source_urls: 'required' },
    { id: 'article', name: 'The article', licence: 'facts', credit: 'The 2018 article', retrieved: '2018-10-24', source_urls: 'none' },
    { id: 'illustrative', name: 'Made up', licence: 'none', credit: 'Not facts', source_urls: 'none' },
  ],
  'nodes/programmes.csv': [
    { id: 'kolarctic-2014-2020', name: 'Kolarctic CBC 2014-2020', short_name: 'Kolarctic CBC', kind: 'ENI CBC', source: 'cbc', source_url: 'https://example.org/kolarctic' },
  ],
  'nodes/projects.csv': [
    { id: 'KO1001', code: 'KO1001', title: 'Arctic Coast Bioremediation', total_budget_eur: '1398799', source: 'cbc', source_url: 'https://example.org/ko1001' },
    { id: 'KO1029', code: 'KO1029', acronym: 'BRTL', start_date: '2018-11-01', end_date: '2022-04-30', source: 'cbc', source_url: 'https://example.org/ko1029' },
  ],
  'nodes/regions.csv': [
    { id: 'FI', name: 'SUOMI / FINLAND', level: 'country', country_code: 'FI', source: 'nuts2013', source_url: 'https://example.org/nuts' },
    { id: 'FI1', name: 'MANNER-SUOMI', level: 'NUTS1', country_code: 'FI', source: 'nuts2013', source_url: 'https://example.org/nuts' },
  ],
  'nodes/organizations.csv': [
    { id: 'regional-council-of-kainuu', name: 'Regional Council of Kainuu', city: 'Kajaani', source: 'cbc', source_url: 'https://example.org/ko1029' },
  ],
  'nodes/clusters.csv': [
    { id: 'platform-x', name: 'Platform X (illustrative placeholder)', kind: 'project_platform', source: 'illustrative' },
  ],
  'nodes/events.csv': [
    { id: 'forum', name: 'Strategic Leaders Forum', kind: 'forum', start_date: '2018-10-22', end_date: '2018-10-23', source: 'article' },
  ],
  'relationships/FUNDED_BY.csv': [
    { from: 'KO1001', to: 'kolarctic-2014-2020', source: 'cbc', source_url: 'https://example.org/ko1001' },
    { from: 'KO1029', to: 'kolarctic-2014-2020', source: 'cbc', source_url: 'https://example.org/ko1029' },
  ],
  'relationships/PARTICIPATES_IN.csv': [
    { from: 'regional-council-of-kainuu', to: 'KO1029', role: 'lead', source: 'cbc', source_url: 'https://example.org/ko1029' },
  ],
  'relationships/PART_OF.csv': [{ from: 'FI1', to: 'FI', source: 'nuts2013', source_url: 'https://example.org/nuts' }],
  'relationships/MEMBER_OF.csv': [{ from: 'KO1029', to: 'platform-x', source: 'illustrative' }],
  'relationships/PRESENTED_AT.csv': [
    { from: 'KO1029', to: 'forum', source: 'article' },
    { from: 'platform-x', to: 'forum', source: 'article' },
  ],
};

type Fixture = Map<string, string>;

function fixture(rows: Record<string, Array<Record<string, string>>> = validRows): Fixture {
  const files: Fixture = new Map();
  for (const spec of SEED_FILES) {
    const header = spec.columns.map((column) => column.name).join(',');
    files.set(spec.file, [header, ...(rows[spec.file] ?? []).map((values) => line(spec, values))].join('\n') + '\n');
  }
  return files;
}

/** The valid fixture with `file`'s data rows replaced. */
function withRows(file: string, rows: Array<Record<string, string>>): Fixture {
  return fixture({ ...validRows, [file]: rows });
}

const sourceOf = (files: Fixture, options?: Parameters<typeof textSource>[2]) => textSource((file) => files.get(file), 'seed', options);

async function errorsOf(files: Fixture): Promise<string[]> {
  return (await validateSeed(sourceOf(files))).errors.map(formatSeedError);
}

describe('seed file declarations', () => {
  it('declare one node file per label and one relationship file per type', () => {
    expect(NODE_FILES.map((spec) => spec.label).sort()).toEqual(Object.values(Label).sort());
    expect(RELATIONSHIP_FILES.map((spec) => spec.type).sort()).toEqual(Object.values(RelType).sort());
  });
});

describe('validateSeed', () => {
  it('accepts valid files and types their cells', async () => {
    const result = await validateSeed(sourceOf(fixture()));
    expect(result.errors).toEqual([]);
    const data = await collectRecords(result);
    const brtl = data.nodes.get(Label.Project)?.find((project) => project.id === 'KO1029');
    expect(brtl?.properties).toEqual({ id: 'KO1029', code: 'KO1029', acronym: 'BRTL', startDate: '2018-11-01', endDate: '2022-04-30', source: 'cbc', sourceUrl: 'https://example.org/ko1029' });
    const ko1001 = data.nodes.get(Label.Project)?.find((project) => project.id === 'KO1001');
    expect(ko1001?.properties.totalBudgetEur).toBe(1398799);
    const presented = data.relationships.get(RelType.PRESENTED_AT) ?? [];
    expect(presented.map((row) => `${row.fromLabel}->${row.toLabel}`).sort()).toEqual(['Cluster->Event', 'Project->Event']);
  });

  it('names file, line and field for a bad date', async () => {
    const projects = [...validRows['nodes/projects.csv']];
    projects[1] = { ...projects[1], start_date: '2018-13-01' };
    expect(await errorsOf(withRows('nodes/projects.csv', projects))).toEqual([
      'seed/nodes/projects.csv line 3, field start_date: "2018-13-01" is not a date (YYYY-MM-DD)',
    ]);
  });

  it('counts quoted line breaks when it reports a line', async () => {
    const projects = [{ ...validRows['nodes/projects.csv'][0], title: 'Arctic\nCoast' }, { ...validRows['nodes/projects.csv'][1], end_date: '2022-02-30' }];
    expect(await errorsOf(withRows('nodes/projects.csv', projects))).toEqual([
      'seed/nodes/projects.csv line 4, field end_date: "2022-02-30" is not a date (YYYY-MM-DD)',
    ]);
  });

  it('names file, line and field for a missing required value', async () => {
    const regions = [validRows['nodes/regions.csv'][0], { ...validRows['nodes/regions.csv'][1], name: '' }];
    expect(await errorsOf(withRows('nodes/regions.csv', regions))).toEqual([
      'seed/nodes/regions.csv line 3, field name: is required but empty',
    ]);
  });

  it('rejects numbers, booleans and enum values that do not parse', async () => {
    const errors = await errorsOf(
      withRows('nodes/programmes.csv', [{ ...validRows['nodes/programmes.csv'][0], platform_call_open: 'yes' }]),
    );
    expect(errors).toEqual(['seed/nodes/programmes.csv line 2, field platform_call_open: "yes" is not a boolean (true or false)']);
    expect(
      await errorsOf(withRows('nodes/organizations.csv', [{ ...validRows['nodes/organizations.csv'][0], legal_status: 'Public' }])),
    ).toEqual(['seed/nodes/organizations.csv line 2, field legal_status: "Public" is not one of: public, private']);
    expect(
      await errorsOf(withRows('nodes/projects.csv', [{ ...validRows['nodes/projects.csv'][0], total_budget_eur: '1,398,799' }, validRows['nodes/projects.csv'][1]])),
    ).toEqual(['seed/nodes/projects.csv line 2, field total_budget_eur: "1,398,799" is not a plain number (e.g. 1398799 or 1398799.50)']);
  });

  it('names file, line and field for a relationship endpoint that does not exist', async () => {
    const rows = [...validRows['relationships/PARTICIPATES_IN.csv'], { from: 'nobody', to: 'KO9999', role: 'partner', source: 'cbc', source_url: 'https://example.org/x' }];
    expect(await errorsOf(withRows('relationships/PARTICIPATES_IN.csv', rows))).toEqual([
      'seed/relationships/PARTICIPATES_IN.csv line 3, field from: no Organization with id "nobody"',
      'seed/relationships/PARTICIPATES_IN.csv line 3, field to: no Project with id "KO9999"',
    ]);
  });

  it('asks the graph only about endpoints the input lacks, each once, and accepts those it holds', async () => {
    const graphRegions = new Set(['RU', 'RU-PSK']);
    const asked: Array<[string, string[]]> = [];
    const findExistingIds = async (label: Label, ids: readonly string[]) => {
      asked.push([label, [...ids]]);
      return new Set(label === Label.Region ? ids.filter((id) => graphRegions.has(id)) : []);
    };
    const rows = [
      ...validRows['relationships/PART_OF.csv'],
      { from: 'FI1', to: 'RU-PSK', source: 'nuts2013', source_url: 'https://example.org/nuts' },
      { from: 'FI', to: 'RU-PSK', source: 'nuts2013', source_url: 'https://example.org/nuts' },
      { from: 'FI', to: 'XX-NOWHERE', source: 'nuts2013', source_url: 'https://example.org/nuts' },
    ];
    const validation = await validateSeed(sourceOf(withRows('relationships/PART_OF.csv', rows), { findExistingIds }));
    expect(validation.errors.map(formatSeedError)).toEqual(['seed/relationships/PART_OF.csv line 5, field to: no Region or Event with id "XX-NOWHERE"']);
    // PART_OF may join regions or events: both labels are asked, and only about the ids the files lack.
    expect(asked).toEqual([
      [Label.Region, ['RU-PSK', 'XX-NOWHERE']],
      [Label.Event, ['RU-PSK', 'XX-NOWHERE']],
    ]);
    expect([...(validation.existingIds.get(Label.Region) ?? [])]).toEqual(['RU-PSK']);
  });

  it('lists the first thousand problems, counts them all, and writes all of them to a file', async () => {
    const bad = Array.from({ length: 1_500 }, (_, index) => ({ ...validRows['nodes/projects.csv'][0], id: `P${index}`, start_date: '2018-13-01' }));
    // After the two valid rows (lines 2 and 3) the other files refer to.
    const validation = await validateSeed(sourceOf(withRows('nodes/projects.csv', [...validRows['nodes/projects.csv'], ...bad])));
    expect(validation.errorCount).toBe(1_500);
    expect(validation.errors).toHaveLength(1_000);
    expect(formatSeedError(validation.errors[999])).toBe('seed/nodes/projects.csv line 1003, field start_date: "2018-13-01" is not a date (YYYY-MM-DD)');
    // All of them are in a file, one per line, the listed ones first.
    const all = readFileSync(validation.fullListFile!, 'utf8').trimEnd().split('\n');
    expect(all).toHaveLength(1_500);
    expect(all.slice(0, 1_000)).toEqual(validation.errors.map(formatSeedError));
    expect(all[1_499]).toBe('seed/nodes/projects.csv line 1503, field start_date: "2018-13-01" is not a date (YYYY-MM-DD)');
    rmSync(path.dirname(validation.fullListFile!), { recursive: true });
  });

  it('reports a file that is not valid CSV, with the line where it breaks', async () => {
    const files = fixture();
    files.set('nodes/people.csv', 'id,name,position,source,source_url\nanna,"Anna Smith,,article,\n');
    expect(await errorsOf(files)).toEqual([expect.stringMatching(/^seed\/nodes\/people\.csv line \d+: is not valid CSV: /)]);
  });

  it('rejects a relationship joining labels its type does not allow', async () => {
    const rows = [{ from: 'FI1', to: 'forum', source: 'article' }];
    expect(await errorsOf(withRows('relationships/PART_OF.csv', rows))).toEqual([
      'seed/relationships/PART_OF.csv line 2, field to: PART_OF cannot join Region "FI1" to Event "forum"',
    ]);
  });

  it('names file, line and field for a duplicate id', async () => {
    const projects = [...validRows['nodes/projects.csv'], { ...validRows['nodes/projects.csv'][0], title: 'Again' }];
    expect(await errorsOf(withRows('nodes/projects.csv', projects))).toEqual([
      'seed/nodes/projects.csv line 4, field id: duplicate Project id "KO1001" (first on line 2)',
    ]);
  });

  it('rejects two rows of one relationship between the same nodes', async () => {
    const rows = [...validRows['relationships/PARTICIPATES_IN.csv'], { ...validRows['relationships/PARTICIPATES_IN.csv'][0], role: 'partner' }];
    expect(await errorsOf(withRows('relationships/PARTICIPATES_IN.csv', rows))).toEqual([
      'seed/relationships/PARTICIPATES_IN.csv line 3, field to: duplicate PARTICIPATES_IN from "regional-council-of-kainuu" to "KO1029" (first on line 2); the two rows would merge into one relationship',
    ]);
  });

  it('refuses an external id whose id is not <scheme>:<value>, and one external id naming two projects', async () => {
    const externalId = { id: 'project-code:KO1029', scheme: 'project-code', value: 'KO1029', source: 'cbc', source_url: 'https://example.org/ko1029' };
    const identified = (from: string) => ({ from, to: externalId.id, source: 'cbc', source_url: 'https://example.org/ko1029' });
    const files = fixture({
      ...validRows,
      'nodes/external-ids.csv': [externalId, { ...externalId, id: 'project-code:KO1001', value: 'KO 1001' }, { ...externalId, id: 'x:1', scheme: 'Bad Scheme' }],
      'relationships/IDENTIFIED_BY.csv': [identified('KO1029'), identified('KO1001')],
    });
    expect(await errorsOf(files)).toEqual([
      // In line order: each row is checked whole as it is read.
      'seed/nodes/external-ids.csv line 3, field id: "project-code:KO1001" should be "project-code:KO 1001" (this file\'s ids follow from its other cells)',
      'seed/nodes/external-ids.csv line 4, field scheme: "Bad Scheme" is not a scheme (lowercase letters, digits and "-")',
      'seed/relationships/IDENTIFIED_BY.csv line 3, field from: "project-code:KO1029" is already joined on line 2; IDENTIFIED_BY may join it from one node only',
    ]);
  });

  it('refuses a second call for one project', async () => {
    const call = (id: string) => ({ id, serial_number: id, source: 'cbc', source_url: 'https://example.org/calls' });
    const files = fixture({
      ...validRows,
      'nodes/calls.csv': [call('1'), call('2')],
      'relationships/OPENED_BY.csv': ['1', '2'].map((from) => ({ from, to: 'kolarctic-2014-2020', source: 'cbc', source_url: 'https://example.org/calls' })),
      'relationships/FUNDED_UNDER.csv': ['1', '2'].map((to) => ({ from: 'KO1029', to, source: 'cbc', source_url: 'https://example.org/calls' })),
    });
    expect(await errorsOf(files)).toEqual(['seed/relationships/FUNDED_UNDER.csv line 3, field to: "KO1029" is already joined on line 2; FUNDED_UNDER may join it to one node only']);
  });

  it('reports unknown and missing columns at the header', async () => {
    const files = fixture();
    files.set('nodes/people.csv', 'id,name,title,source\n');
    expect(await errorsOf(files)).toEqual([
      'seed/nodes/people.csv line 1, field title: unknown column (expected: id, name, position, source, source_url)',
      'seed/nodes/people.csv line 1, field position: missing column',
      'seed/nodes/people.csv line 1, field source_url: missing column',
    ]);
  });

  it('reads a missing file as empty, naming it, and reports a row with the wrong number of fields', async () => {
    const files = fixture();
    files.delete('nodes/people.csv');
    files.set('relationships/HELD_IN.csv', 'from,to,source,source_url\nforum,FI,article\n');
    const validation = await validateSeed(sourceOf(files));
    expect(validation.missing).toEqual(['nodes/people.csv']);
    expect(validation.errors.map(formatSeedError)).toEqual(['seed/relationships/HELD_IN.csv line 2: does not have 4 fields like the header']);
    // The rows that name the file's nodes still need them: an event without its file is unknown.
    files.delete('nodes/events.csv');
    expect(await errorsOf(files)).toContain('seed/relationships/PRESENTED_AT.csv line 2, field to: no Event with id "forum"');
  });

  it('refuses a folder that holds none of the seed files', async () => {
    expect((await validateSeed(textSource(() => undefined, 'not-a-seed'))).errors.map(formatSeedError)).toEqual([
      expect.stringMatching(/^not-a-seed: holds none of the seed files \(expected nodes\/datasets.csv, /),
    ]);
  });

  it('keeps invented rows from citing a page and real rows from citing none', async () => {
    const clusters = [{ ...validRows['nodes/clusters.csv'][0], source_url: 'https://example.org/made-up' }];
    expect(await errorsOf(withRows('nodes/clusters.csv', clusters))).toEqual([
      'seed/nodes/clusters.csv line 2, field source_url: must be empty for dataset "illustrative", which has no pages to cite',
    ]);
    const organizations = [{ ...validRows['nodes/organizations.csv'][0], source_url: '' }];
    expect(await errorsOf(withRows('nodes/organizations.csv', organizations))).toEqual([
      'seed/nodes/organizations.csv line 2, field source_url: is required for dataset "cbc" (each of its rows cites its page)',
    ]);
  });

  it('accepts only datasets declared in datasets.csv or held by the graph, naming the known ones', async () => {
    const organizations = [{ ...validRows['nodes/organizations.csv'][0], source: 'keep-eu-2026' }];
    expect(await errorsOf(withRows('nodes/organizations.csv', organizations))).toEqual([
      'seed/nodes/organizations.csv line 2, field source: "keep-eu-2026" is not a dataset of nodes/datasets.csv or of the graph (known: article, cbc, illustrative, nuts2013)',
    ]);
    const files = withRows('nodes/organizations.csv', organizations);
    const inGraph = await validateSeed(sourceOf(files, { existingDatasets: new Map([['keep-eu-2026', 'required']]) }));
    expect(inGraph.errors.map(formatSeedError)).toEqual([]);
    const badId = [{ ...validRows['nodes/organizations.csv'][0], source: 'Keep EU' }];
    expect(await errorsOf(withRows('nodes/organizations.csv', badId))).toEqual([
      'seed/nodes/organizations.csv line 2, field source: "Keep EU" is not a dataset id (lowercase letters, digits, "." and "-")',
    ]);
  });
});

// ---------------------------------------------------------------- the committed seed

const REPO_ROOT = projectRoot;
const SEED_DIR = path.join(REPO_ROOT, 'seed');
// CI checks the shared data out beside the clone, read-only.
const DATA_DIR = path.resolve(REPO_ROOT, '../shared/data');

function readSource(file: string): Array<Record<string, string>> {
  const text = readFileSync(path.join(DATA_DIR, file), 'utf8').replace(/\r\n?/g, '\n');
  return parse(text, { columns: true, bom: true, skip_empty_lines: true }) as Array<Record<string, string>>;
}

describe('the committed seed files', () => {
  let validation: SeedValidation;
  let data: SeedData;
  beforeAll(async () => {
    validation = await validateSeedDir(SEED_DIR);
    data = await collectRecords(validation);
  });
  const nodes = (label: Label) => data.nodes.get(label) ?? [];
  const relationships = (type: RelType) => data.relationships.get(type) ?? [];
  const bySource = <T extends { properties: Record<string, unknown> }>(rows: T[], source: string) =>
    rows.filter((row) => row.properties.source === source);

  it('validate with zero errors', () => {
    expect(validation.errors.map(formatSeedError)).toEqual([]);
  });

  // Without the source data these checks cannot run: say so on stderr, and fail under CI,
  // where a silent skip would pass a seed that was never compared with its sources.
  const hasData = existsSync(DATA_DIR);
  if (!hasData) {
    process.stderr.write(`\nWARNING: ${DATA_DIR} is missing; the checks of the seed against its sources are SKIPPED (they fail when CI=true)\n`);
  }
  if (process.env.CI === 'true') {
    it('find the source data folder ../shared/data (required when CI=true)', () => {
      expect({ folder: DATA_DIR, exists: hasData }).toEqual({ folder: DATA_DIR, exists: true });
    });
  }
  const withData = hasData ? describe : describe.skip;
  withData('against ../shared/data', () => {
    it('keep every programme, project, partner row and platform', () => {
      const projects = readSource('cbc/projects.csv');
      const partners = readSource('cbc/partners.csv');
      expect(bySource(nodes(Label.Programme), 'cbc')).toHaveLength(readSource('cbc/programmes.csv').length);
      expect(bySource(nodes(Label.Project), 'cbc')).toHaveLength(projects.length);
      expect(bySource(relationships(RelType.FUNDED_BY), 'cbc')).toHaveLength(projects.length);
      expect(bySource(nodes(Label.Cluster), 'cbc')).toHaveLength(readSource('cbc/platforms.csv').length);

      // Partner rows become one PARTICIPATES_IN per (organization, project); the data has no repeats.
      const projectKey = (row: Record<string, string>) => row.project_code || `${row.programme}|${row.project_acronym || row.project_title}`;
      const pairs = new Set(partners.map((row) => `${slugify(row.organization_name)}|${projectKey(row)}`));
      const participations = bySource(relationships(RelType.PARTICIPATES_IN), 'cbc');
      expect(participations).toHaveLength(pairs.size);
      expect(pairs.size).toBe(partners.length);
      for (const role of ['lead', 'partner', 'associated']) {
        expect(participations.filter((row) => row.properties.role === role)).toHaveLength(
          partners.filter((row) => row.role === role).length,
        );
      }
      // Each row's name survives as the participation's name_as_stated, on an organization
      // the seed has (the matcher may have folded it into another spelling's organization).
      const organizationIds = new Set(nodes(Label.Organization).map((node) => node.id));
      const statedNames = new Set(participations.filter((row) => organizationIds.has(row.from)).map((row) => String(row.properties.nameAsStated)));
      expect(partners.map((row) => row.organization_name).filter((name) => !statedNames.has(name))).toEqual([]);
    });

    it('keep every NUTS 2013 region once, with its parent by code prefix', () => {
      const nuts = readSource('nuts2013_geocodes.csv').filter((row) => row.Level !== '1');
      const codes = new Map(nuts.map((row) => [row['NUTS-Code'], row.Description]));
      const seeded = bySource(nodes(Label.Region), 'nuts2013');
      expect(seeded).toHaveLength(codes.size);
      for (const region of seeded) expect(region.properties.name).toBe(codes.get(region.id));
      const partOf = bySource(relationships(RelType.PART_OF), 'nuts2013');
      expect(partOf).toHaveLength([...codes.keys()].filter((code) => code.length > 2).length);
      for (const row of partOf) expect(row.to).toBe(row.from.slice(0, -1));
    });
  });

  it('hold the non-EU regions under Russia’s North-West Federal District and Norway', () => {
    const regions = new Map(nodes(Label.Region).map((node) => [node.id, node]));
    const parent = new Map(relationships(RelType.PART_OF).filter((row) => row.fromLabel === Label.Region).map((row) => [row.from, row.to]));
    for (const id of ['RU-SPE', 'RU-LEN', 'RU-PSK', 'RU-NGR', 'RU-KR', 'RU-MUR', 'RU-ARK', 'RU-NEN', 'RU-KO', 'RU-VLG', 'RU-KGD']) {
      expect(regions.get(id)?.properties.source).toBe('iso3166-2');
      expect(parent.get(id)).toBe('RU-NWFD');
    }
    expect(parent.get('RU-NWFD')).toBe('RU');
    expect(regions.get('RU-NWFD')?.properties.source).toBe('article');
    expect(bySource(nodes(Label.Region), 'iso3166-2').filter((node) => node.properties.countryCode === 'NO').length).toBeGreaterThanOrEqual(3);
  });

  it('give the Pskov cluster exactly 9 member projects from exactly 3 programmes', () => {
    const programmeOf = new Map(relationships(RelType.FUNDED_BY).map((row) => [row.from, row.to]));
    const members = relationships(RelType.MEMBER_OF).filter((row) => row.to === 'pskov-regional-project-cluster');
    expect(members).toHaveLength(9);
    expect(new Set(members.map((row) => programmeOf.get(row.from))).size).toBe(3);
    expect(members.every((row) => row.properties.source === 'illustrative')).toBe(true);
  });

  it('give Interreg BSR six platforms, spanning both few and several programmes', () => {
    const programmeOf = new Map(relationships(RelType.FUNDED_BY).map((row) => [row.from, row.to]));
    const platforms = nodes(Label.Cluster).filter((node) => node.properties.kind === 'project_platform');
    expect(platforms).toHaveLength(6);
    const supported = new Set(relationships(RelType.SUPPORTED_BY).filter((row) => row.to === 'interreg-bsr-2014-2020').map((row) => row.from));
    for (const platform of platforms) expect(supported).toContain(platform.id);
    const spans = platforms.map(
      (platform) => new Set(relationships(RelType.MEMBER_OF).filter((row) => row.to === platform.id).map((row) => programmeOf.get(row.from))).size,
    );
    expect(spans.some((span) => span >= 3)).toBe(true);
    expect(spans.some((span) => span >= 1 && span <= 2)).toBe(true);
    const bsr = nodes(Label.Programme).find((node) => node.id === 'interreg-bsr-2014-2020');
    expect(bsr?.properties.platformCallOpen).toBe(true);
  });

  it('record the BRTL agreement signed at the round table of the Strategic Leaders Forum', () => {
    expect(relationships(RelType.AGREEMENT_SIGNED_AT).map((row) => [row.from, row.to])).toEqual([['KO1029', 'round-table-cluster-approach-2018']]);
    expect(relationships(RelType.PART_OF).filter((row) => row.fromLabel === Label.Event).map((row) => [row.from, row.to])).toEqual([
      ['round-table-cluster-approach-2018', 'strategic-leaders-forum-2018'],
    ]);
  });
});

it('finds on disk under seed/ exactly the files the declaration lists, no more and no fewer', () => {
  const onDisk = ['nodes', 'relationships'].flatMap((folder) =>
    readdirSync(path.join(SEED_DIR, folder)).map((file) => `${folder}/${file}`),
  );
  const declared = SEED_FILES.map((spec) => spec.file);
  expect({ undeclared: onDisk.filter((file) => !declared.includes(file)), missing: declared.filter((file) => !onDisk.includes(file)) }).toEqual({
    undeclared: [],
    missing: [],
  });
});
