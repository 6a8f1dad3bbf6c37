/**
 * The keep.eu adapter on a slice of the real export (src/seed/keep-eu/fixtures: 6 projects,
 * one with two lead rows, Swiss "NUTS equivalents", the Narva row keep.eu files under
 * Russia, a partner row with no country code, and every call of the slice's programmes,
 * some with no dates or budget) and on the whole export the repository
 * carries. Expected values are computed here from the raw rows with csv-parse, not read
 * back from the adapter.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { Label, RelType } from '../../neo4j/graph-schema';
import { fromRoot } from '../../paths';
import { EXTERNAL_ID_SCHEMES } from '../seed-files';
import { slugify } from '../slug';
import { formatSeedError, validateSeed } from '../validate';
import { textSource } from '../seed-source';
import { convertKeepEu } from './convert';
import { applyCorrections } from './corrections';
import { REPOSITORY_CURATION, keepEuSeed } from './keep-eu-seed';
import { parseProgrammeName } from './programme-name';
import { readKeepEuExport } from './read-export';

const FIXTURES = path.join(__dirname, 'fixtures');
type Raw = Record<string, string>;
const rawRows = (file: string): Raw[] =>
  parse(readFileSync(path.join(FIXTURES, file), 'utf8'), { columns: true, delimiter: ';', bom: true }) as Raw[];
// The regions of the graph before keep.eu: the seed's, without those keep.eu itself adds.
const seedRegions = parse(readFileSync(fromRoot('seed/nodes/regions.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;
const regionsBeforeKeepEu = seedRegions.filter((row) => row.source !== 'keep-eu-2019');
const regionIds = new Set(regionsBeforeKeepEu.map((row) => row.id));
const options = { source: 'keep-eu-2019', sourceUrl: 'https://keep.eu/', knownRegions: regionIds };
const rowsOf = (tables: ReturnType<typeof convertKeepEu>['tables'], label: Label) => [...(tables.nodes.get(label)?.values() ?? [])];
const relationshipsOf = (tables: ReturnType<typeof convertKeepEu>['tables'], type: RelType) => [...(tables.relationships.get(type)?.values() ?? [])];

describe('parseProgrammeName', () => {
  it.each([
    ['2014 - 2020 INTERREG V-A Germany / Saxony - Czech Republic', 'Interreg V-A', '2014-2020', 'Germany / Saxony - Czech Republic'],
    ['2014 - 2020 INTERREG VB Baltic Sea', 'Interreg V-B', '2014-2020', 'Baltic Sea'],
    ['2014 - 2020 Interreg IPA CBC Croatia-Serbia', 'IPA CBC', '2014-2020', 'Croatia-Serbia'],
    ['2014 - 2020 INTERREG V-A Sweden - Denmark - Norway (Öresund - Kattegat - Skagerrak).', 'Interreg V-A', '2014-2020', 'Öresund - Kattegat - Skagerrak'],
    ['2014 - 2020 ESPON 2020', 'ESPON', '2014-2020', 'ESPON 2020'],
    ['2014 - 2020 Ireland - United Kingdom (PEACE IV)', 'PEACE', '2014-2020', 'PEACE IV'],
    ['2007 - 2013 ENPI CBC Karelia', 'ENPI CBC', '2007-2013', 'Karelia'],
    ['2000 - 2006 INTERREG III A Finland - Russia', 'Interreg III-A', '2000-2006', 'Finland - Russia'],
  ])('%s', (raw, kind, period, shortName) => {
    expect(parseProgrammeName(raw)).toMatchObject({ kind, period, shortName });
  });

  it('refuses names without a period or a kind it knows, saying which', () => {
    expect(parseProgrammeName('INTERREG V-A Austria - Hungary')).toEqual({ problem: expect.stringContaining('programming period') });
    expect(parseProgrammeName('2014 - 2020 Horizon 2020')).toEqual({ problem: expect.stringContaining('programme kind') });
  });
});

describe('the keep.eu adapter on a slice of the real export', () => {
  const projects = rawRows('projects.csv');
  const partners = rawRows('partners.csv');

  it('reads the ;-separated downloads and converts every row without a problem but the one keep.eu gets wrong', async () => {
    const source = await readKeepEuExport(FIXTURES);
    expect(source.projects).toHaveLength(projects.length);
    expect(source.partners).toHaveLength(partners.length);
    const { problems } = convertKeepEu(source, options);
    // Narva City is filed under Russia with Estonian NUTS codes; nothing else is wrong.
    const narvaRow = partners.findIndex((row) => row['Project Partner'] === 'Narva City') + 2;
    expect(problems.map(formatSeedError)).toEqual([
      `partners.csv row ${narvaRow}, column NUTS1 (or equivalent): "EE0  / EESTI" is not a NUTS1 code of RU followed by its name (e.g. "DEG01 / Erfurt, Kreisfreie Stadt")`,
    ]);
  });

  it('folds duplicated lead rows into one project whose partners keep both leads', async () => {
    const source = await readKeepEuExport(FIXTURES);
    const { tables } = convertKeepEu(source, options);
    const keys = new Set(projects.map((row) => `${row.Programme}|${row.Acronym}`));
    expect(rowsOf(tables, Label.Project)).toHaveLength(keys.size);
    expect(keys.size).toBeLessThan(projects.length); // the slice does hold a folded project

    const bioraff = rowsOf(tables, Label.Project).find((row) => row.acronym === 'Bioraff');
    const leads = partners.filter((row) => row.Acronym === 'Bioraff' && row['Lead Partner'] === 'Yes').map((row) => slugify(row['Project Partner']));
    expect(leads.length).toBe(2);
    const leadIds = relationshipsOf(tables, RelType.PARTICIPATES_IN)
      .filter((row) => row.to === bioraff?.id && row.role === 'lead')
      .map((row) => row.from);
    expect(leadIds.sort()).toEqual(leads.sort());
  });

  it('maps budgets, dates, titles, themes and programmes as the rows state them', async () => {
    const { tables } = convertKeepEu(await readKeepEuExport(FIXTURES), options);
    const ribs = projects.find((row) => row.Acronym === 'RIBS');
    const converted = rowsOf(tables, Label.Project).find((row) => row.acronym === 'RIBS');
    expect(ribs && converted).toBeTruthy();
    if (!ribs || !converted) return;
    expect(converted.total_budget_eur).toBe(ribs.Budget.replace(/,/g, ''));
    expect(Number(converted.total_budget_eur)).toBeCloseTo(Number(ribs.Budget.replace(/,/g, '')));
    expect(converted.start_date).toBe(ribs['Project start'].replace(/\//g, '-'));
    expect(converted.end_date).toBe(ribs['Project end'].replace(/\//g, '-'));
    expect(converted.title).toBe(ribs['Project Name'] || ribs['Project Name language 2']);
    const themes = [ribs.Thematic1, ribs.Thematic2, ribs.Thematic3].filter(Boolean);
    const addressed = relationshipsOf(tables, RelType.ADDRESSES).filter((row) => row.to && row.from === converted.id);
    expect(addressed.map((row) => tables.node(Label.ThematicArea, row.to)?.name).sort()).toEqual([...themes].sort());
    const programme = tables.node(Label.Programme, relationshipsOf(tables, RelType.FUNDED_BY).find((row) => row.from === converted.id)?.to ?? '');
    expect(programme).toMatchObject({ kind: 'Interreg V-A', period: '2014-2020', short_name: 'Central Baltic' });
  });

  it('places partners in their most specific NUTS region and creates the non-EU "NUTS equivalents" under their country', async () => {
    const { tables } = convertKeepEu(await readKeepEuExport(FIXTURES), options);
    const swiss = partners.filter((row) => row['Country code'].startsWith('CH'));
    expect(swiss.length).toBeGreaterThan(0);
    const nuts3 = new Set(swiss.map((row) => row['NUTS3 (or equivalent)'].split('/')[0].trim()));
    for (const code of nuts3) {
      expect(regionIds.has(code)).toBe(false); // the graph's NUTS 2013 list is EU-only
      expect(tables.node(Label.Region, code)).toMatchObject({ level: 'NUTS3', country_code: 'CH' });
      const parent = relationshipsOf(tables, RelType.PART_OF).find((row) => row.from === code)?.to;
      expect(parent).toBe(code.slice(0, 4));
    }
    // An EU partner's NUTS3 code is an existing region: referenced, not created.
    const finnish = partners.find((row) => row['Country code'].startsWith('FI') && row['NUTS3 (or equivalent)']);
    const finnishCode = finnish?.['NUTS3 (or equivalent)'].split('/')[0].trim() ?? '';
    expect(regionIds.has(finnishCode)).toBe(true);
    expect(tables.node(Label.Region, finnishCode)).toBeUndefined();
    expect(relationshipsOf(tables, RelType.BASED_IN).some((row) => row.to === finnishCode)).toBe(true);
  });

  it('takes an empty country code from the row’s NUTS code, and says so', async () => {
    const { tables, notes } = convertKeepEu(await readKeepEuExport(FIXTURES), options);
    const row = partners.find((candidate) => candidate['Country code'] === '');
    expect(row).toBeDefined();
    const organization = tables.node(Label.Organization, slugify(row?.['Project Partner'] ?? ''));
    expect(organization?.name).toBe(row?.['Project Partner']);
    expect(notes).toContain('empty country codes taken from the NUTS code: 1');
  });

  it('applies a correction that still matches, and reports one whose cell has changed since', async () => {
    const source = await readKeepEuExport(FIXTURES);
    const narva = {
      table: 'partners' as const,
      programme: '2014 - 2020 INTERREG V-A Finland - Estonia - Latvia - Sweden (Central Baltic)',
      acronym: '30MILES',
      partner: 'Narva City',
      column: 'Country code',
      from: 'RU  / Russia',
      to: 'EE Estonia / EESTI',
      reason: 'Narva is in Estonia',
    };
    const notes = applyCorrections(source, [narva, { ...narva, column: 'Town', from: 'Tallinn', to: 'Narva' }]);
    expect(notes[0]).toMatch(/^corrected partners .*Narva City, Country code: "RU {2}\/ Russia" → "EE Estonia \/ EESTI"/);
    expect(notes[1]).toMatch(/^correction not applied \(the cell no longer holds "Tallinn"\)/);
    const { problems, tables } = convertKeepEu(source, options);
    expect(problems).toEqual([]);
    expect(tables.node(Label.Organization, 'narva-city')).toMatchObject({ country: 'Estonia' });
  });

  it('lists every bad cell at once with its row and column, and leaves the rest converted', async () => {
    const directory = mkdtempSync(path.join(os.tmpdir(), 'keep-eu-bad-'));
    try {
      const lines = readFileSync(path.join(FIXTURES, 'partners.csv'), 'utf8').split('\n');
      // Row 3 (line 3): the lead flag; row 5: the acronym of a project that does not exist.
      lines[2] = lines[2].replace(/;(Yes|No);/, ';Maybe;');
      const fields = lines[4].split(';');
      fields[1] = 'NO SUCH PROJECT';
      lines[4] = fields.join(';');
      writeFileSync(path.join(directory, 'partners.csv'), lines.join('\n'));
      const projectLines = readFileSync(path.join(FIXTURES, 'projects.csv'), 'utf8');
      writeFileSync(path.join(directory, 'projects.csv'), projectLines.replace(/2015\/10\/01|20\d\d\/\d\d\/\d\d/, '2017/13/45'));
      const { problems } = convertKeepEu(await readKeepEuExport(directory), options);
      const messages = problems.map(formatSeedError);
      expect(messages).toEqual(
        expect.arrayContaining([
          'partners.csv row 3, column Lead Partner: "Maybe" is not Yes or No',
          expect.stringMatching(/^partners\.csv row 5, column Acronym: no project "NO SUCH PROJECT" of programme/),
          expect.stringMatching(/^projects\.csv row 2, column Project (start|end): "2017\/13\/45" is not a date written YYYY\/MM\/DD$/),
        ]),
      );
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  const calls = rawRows('calls.csv');
  const programmeId = (raw: string) => {
    const parsed = parseProgrammeName(raw);
    if ('problem' in parsed) throw new Error(parsed.problem);
    return parsed.id;
  };
  const callId = (row: Raw) => `${programmeId(row.Programme)}-call-${slugify(row['Serial Number'])}`;
  const isoDate = (slashed: string) => slashed.replace(/\//g, '-');

  it('turns every call row into a Call opened by its programme, with dates and budget as stated', async () => {
    const source = await readKeepEuExport(FIXTURES);
    expect(source.calls).toHaveLength(calls.length);
    const { tables } = convertKeepEu(source, options);
    const expected = calls
      .map((row) => ({
        id: callId(row),
        serial_number: row['Serial Number'],
        start_date: isoDate(row['Start Date']),
        end_date: isoDate(row['End Date']),
        budget_eur: row.Budget.replace(/,/g, ''),
        source: 'keep-eu-2019',
        source_url: 'https://keep.eu/',
      }))
      .sort((a, b) => a.id.localeCompare(b.id));
    expect(rowsOf(tables, Label.Call).sort((a, b) => a.id.localeCompare(b.id))).toEqual(expected);
    // The slice holds calls with and without dates and budgets, and one serial number with a space.
    expect(calls.some((row) => row.Budget === '') && calls.some((row) => /,/.test(row.Budget))).toBe(true);
    expect(calls.some((row) => row['Start Date'] === '')).toBe(true);
    expect(calls.some((row) => /\s/.test(row['Serial Number']))).toBe(true);
    const openedBy = new Map(relationshipsOf(tables, RelType.OPENED_BY).map((row) => [row.from, row.to]));
    expect(openedBy).toEqual(new Map(calls.map((row) => [callId(row), programmeId(row.Programme)])));
  });

  it('links each project with a "Call SN" to the call of its programme; projects without one have no call', async () => {
    const { tables } = convertKeepEu(await readKeepEuExport(FIXTURES), options);
    const projectIdOf = new Map(rowsOf(tables, Label.Project).map((row) => [row.acronym, row.id]));
    const expected = new Map(
      projects
        .filter((row) => row['Call SN'] !== '')
        .map((row) => [projectIdOf.get(row.Acronym), `${programmeId(row.Programme)}-call-${slugify(row['Call SN'])}`]),
    );
    expect(expected.size).toBeGreaterThan(2);
    expect(projects.some((row) => row['Call SN'] === '')).toBe(true);
    const fundedUnder = relationshipsOf(tables, RelType.FUNDED_UNDER);
    expect(new Map(fundedUnder.map((row) => [row.from, row.to]))).toEqual(expected);
    expect(fundedUnder).toHaveLength(expected.size);
    for (const call of expected.values()) expect(tables.node(Label.Call, call)).toBeDefined();
  });

  it('gives every project its keep.eu key, "<programme as written>|<acronym>", as an external id', async () => {
    const { tables } = convertKeepEu(await readKeepEuExport(FIXTURES), options);
    const projectIdOf = new Map(rowsOf(tables, Label.Project).map((row) => [row.acronym, row.id]));
    const expected = [...new Map(projects.map((row) => [`${row.Programme}|${row.Acronym}`, row])).values()].map((row) => ({
      project: projectIdOf.get(row.Acronym),
      node: {
        id: `keep-eu:${row.Programme}|${row.Acronym}`,
        scheme: EXTERNAL_ID_SCHEMES.keepEu,
        value: `${row.Programme}|${row.Acronym}`,
        source: 'keep-eu-2019',
        source_url: 'https://keep.eu/',
      },
    }));
    const identifiedBy = relationshipsOf(tables, RelType.IDENTIFIED_BY);
    expect(
      identifiedBy.map((row) => ({ project: row.from, node: tables.node(Label.ExternalId, row.to) })).sort((a, b) => a.node!.id.localeCompare(b.node!.id)),
    ).toEqual(expected.sort((a, b) => a.node.id.localeCompare(b.node.id)));
  });

  it('reports a call with a bad date, a repeated call and a project naming a call the calls table lacks, by row and column', async () => {
    const directory = mkdtempSync(path.join(os.tmpdir(), 'keep-eu-calls-'));
    try {
      for (const file of ['projects.csv', 'partners.csv']) writeFileSync(path.join(directory, file), readFileSync(path.join(FIXTURES, file)));
      const lines = readFileSync(path.join(FIXTURES, 'calls.csv'), 'utf8').trimEnd().split('\n');
      // Row 3: the Central Baltic call 2 (30MILES and RIBS name it) gets an impossible end date;
      // row 4 (Central Baltic call 1) is removed and the Hungary - Serbia call 1 repeated at the end.
      const dated = lines.findIndex((line) => /Central Baltic\);2;/.test(line));
      lines[dated] = lines[dated].replace(/;2015\/06\/18;/, ';2015/06/31;');
      const repeated = lines.find((line) => /Hungary - Serbia;1;/.test(line)) ?? '';
      const kept = lines.filter((line) => !/Hungary - Serbia;2;/.test(line));
      writeFileSync(path.join(directory, 'calls.csv'), `${[...kept, repeated].join('\n')}\n`);
      const { problems } = convertKeepEu(await readKeepEuExport(directory), options);
      const artNouveauRow = projects.findIndex((row) => row.Acronym === 'ArtNouveau') + 2;
      expect(projects[artNouveauRow - 2]['Call SN']).toBe('2');
      expect(problems.map(formatSeedError)).toEqual(
        expect.arrayContaining([
          `calls.csv row ${dated + 1}, column End Date: "2015/06/31" is not a date written YYYY/MM/DD`,
          `calls.csv row ${kept.length + 1}, column Serial Number: call "1" of programme "Interreg IPA CBC Hungary - Serbia" is already on row ${kept.indexOf(repeated) + 1}`,
          `projects.csv row ${artNouveauRow}, column Call SN: no call "2" of programme "Interreg IPA CBC Hungary - Serbia" in the calls sheet`,
        ]),
      );
      // 30MILES and RIBS name the call whose row was refused: not reported again.
      expect(problems.filter((entry) => entry.field === 'Call SN')).toHaveLength(1);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('imports projects unlinked, with a note, when no calls table is given', async () => {
    const directory = mkdtempSync(path.join(os.tmpdir(), 'keep-eu-no-calls-'));
    try {
      for (const file of ['projects.csv', 'partners.csv']) writeFileSync(path.join(directory, file), readFileSync(path.join(FIXTURES, file)));
      const { tables, notes } = convertKeepEu(await readKeepEuExport(directory), options);
      expect(tables.nodes.get(Label.Call)).toBeUndefined();
      expect(tables.relationships.get(RelType.FUNDED_UNDER)).toBeUndefined();
      const naming = projects.filter((row) => row['Call SN'] !== '').length;
      expect(notes).toContain(`projects naming a call left without one (no calls table was read): ${naming}`);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('gives the same rows from an xlsx as from the CSV downloads', async () => {
    const directory = mkdtempSync(path.join(os.tmpdir(), 'keep-eu-xlsx-'));
    try {
      const workbook = new ExcelJS.Workbook();
      for (const [sheet, rows] of [['Projects (lead partners)', projects], ['Partners', partners], ['Calls', calls]] as const) {
        const worksheet = workbook.addWorksheet(sheet);
        const header = Object.keys(rows[0]);
        worksheet.addRow(header);
        for (const row of rows) worksheet.addRow(header.map((column) => row[column]));
      }
      const file = path.join(directory, 'export.xlsx');
      await workbook.xlsx.writeFile(file);
      const fromXlsx = convertKeepEu(await readKeepEuExport(file), options).tables.toFiles();
      const fromCsv = convertKeepEu(await readKeepEuExport(FIXTURES), options).tables.toFiles();
      expect(fromXlsx).toEqual(fromCsv);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe('the keep.eu export the repository carries', () => {
  const exportFile = fromRoot('seed/keep-eu/keep_closed_1420.xlsx');

  it('reads all three sheets (counts as keep-eu/SOURCES.md states them) and converts to valid seed files', async () => {
    const seed = await keepEuSeed(exportFile, {
      ...options,
      ...REPOSITORY_CURATION,
    });
    expect(seed.read).toEqual([
      'keep_closed_1420.xlsx › Projects (lead partners) (1891 rows)',
      'keep_closed_1420.xlsx › Partners (8621 rows)',
      'keep_closed_1420.xlsx › Calls (138 rows)',
    ]);
    expect(seed.problems).toEqual([]);
    // 1,852 distinct (programme, acronym) keys; 66 programmes (SOURCES.md).
    expect(seed.tables.nodes.get(Label.Project)?.size).toBe(1852);
    expect(seed.tables.nodes.get(Label.Programme)?.size).toBe(66);
    expect(seed.tables.relationships.get(RelType.FUNDED_BY)?.size).toBe(1852);
    // Every call row is a call (138), and every project whose row names one is funded under it.
    const source = await readKeepEuExport(exportFile);
    const naming = new Set(source.projects.filter((row) => row.cells['Call SN'] !== '').map((row) => `${row.cells.Programme}|${row.cells.Acronym.toLowerCase()}`));
    expect(seed.tables.nodes.get(Label.Call)?.size).toBe(138);
    expect(seed.tables.relationships.get(RelType.OPENED_BY)?.size).toBe(138);
    expect(seed.tables.relationships.get(RelType.FUNDED_UNDER)?.size).toBe(naming.size);
    expect(seed.tables.nodes.get(Label.ExternalId)?.size).toBe(1852);
    // The files validate once the regions and the programme they reference are there.
    const files = seed.tables.toFiles();
    const header = (file: string) => (files.get(file) ?? '').split('\n', 1)[0];
    const regionLines = parse(readFileSync(fromRoot('seed/nodes/regions.csv'), 'utf8'), { columns: false }) as string[][];
    const before = regionLines.slice(1).filter((cells) => regionIds.has(cells[0]));
    const own = (files.get('nodes/regions.csv') ?? '').trimEnd().split('\n').slice(1);
    const quote = (cells: string[]) => cells.map((cell) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',');
    files.set('nodes/regions.csv', `${[header('nodes/regions.csv'), ...before.map(quote), ...own].join('\n')}\n`);
    const datasets = new Map([
      ['keep-eu-2019', 'required'],
      ['nuts2013', 'required'],
      ['iso3166-2', 'required'],
      ['article', 'none'],
    ] as const);
    const validation = await validateSeed(textSource((file) => files.get(file), 'keep-eu', { existingDatasets: datasets }));
    const unresolved = validation.errors.filter((error) => !/^no Programme with id "interreg-bsr-2014-2020"/.test(error.message));
    expect(unresolved.map(formatSeedError)).toEqual([]);
  });

  it('is, byte for byte, the download keep-eu/SOURCES.md describes', () => {
    expect(createHash('sha256').update(readFileSync(exportFile)).digest('hex')).toBe('22421334aefed408147c13259fffedb71123b16df3cd45a685ea7fda4e4e5db3');
  });
});
