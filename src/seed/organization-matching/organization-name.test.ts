import { normaliseOrganizationName } from './organization-name';

const key = (name: string) => normaliseOrganizationName(name).key;

describe('normaliseOrganizationName', () => {
  it('sets aside case, accents, punctuation and every quote style', () => {
    expect(key('University of Ruse “Angel Kanchev”')).toBe('university of ruse angel kanchev');
    expect(key('UNIVERSITY OF RUSE "ANGEL KANCHEV"')).toBe('university of ruse angel kanchev');
    expect(key('Regional Municipalities Association «Maritza»')).toBe(key('Regional Municipalities Association "Maritza"'));
    expect(key('TIMIȘ COUNTY')).toBe('timis county');
    expect(key('Paris-Lodron-Universität Salzburg')).toBe(key('Paris-Lodron Universität Salzburg'));
  });

  it('joins an apostrophe inside a word but splits an elided article', () => {
    expect(key('UNIVERSITA’ DEGLI STUDI DI TRIESTE')).toBe(key('Universitá degli Studi di Trieste'));
    expect(key("Métropole d'Aix Marseille Provence")).toBe(key('Metropole Aix Marseille Provence'));
  });

  it('sets aside a trailing parenthesised short form and keeps it', () => {
    const name = normaliseOrganizationName('Natural Resources Institute Finland (LUKE)');
    expect(name.key).toBe('natural resources institute finland');
    expect(name.shortForm).toBe('luke');
    expect(name.setAside).toContain('short form "(LUKE)"');
    expect(key('Natural Resources Institute Finland')).toBe(name.key);
  });

  it('keeps a long parenthesis, which names a branch rather than abbreviating', () => {
    const branch = normaliseOrganizationName('Slovenská obchodná a priemyselná komora (Košická regionálna komora)');
    expect(branch.shortForm).toBeUndefined();
    expect(branch.tokens).toEqual(expect.arrayContaining(['kosicka', 'regionalna']));
  });

  it('takes a capitalised short form before or after a dash, not from a name in capitals', () => {
    expect(normaliseOrganizationName('THD - Technische Hochschule Deggendorf').shortForm).toBe('thd');
    expect(normaliseOrganizationName('National Research-Development Institute for Materials Physics - NIMP').shortForm).toBe('nimp');
    expect(normaliseOrganizationName('ARISTOTLE UNIVERSITY OF THESSALONIKI - SPECIAL ACCOUNT').shortForm).toBeUndefined();
  });

  it('sets aside legal-form words, dotted or not, but not a name made only of them', () => {
    expect(key('Research Burgenland GmbH')).toBe('research burgenland');
    expect(key('Research Burgenland Ltd.')).toBe('research burgenland');
    expect(key('Förderverein Musterstadt e.V.')).toBe('forderverein musterstadt');
    expect(key('Firma s.r.o.')).toBe('firma');
    expect(key('Public Institution Port Authority Vukovar')).toBe('port authority vukovar');
    expect(key('Zsolnay Heritage Management Non-Profit Ltd.')).toBe(key('Zsolnay Heritage Management Nonprofit Ltd.'));
    expect(key('AB')).toBe('ab');
  });

  it('transliterates Russian and Ukrainian Cyrillic, including і, ї, є and ґ', () => {
    expect(key('Комитет по экономическому развитию Псковской области')).toBe('komitet po ekonomicheskomu razvitiyu pskovskoy oblasti');
    expect(key('Київська міська рада')).toBe('kiyivska miska rada');
    expect(key('Європейська ґалерея')).toBe('yevropeyska galereya');
  });

  it('writes one word one way across languages and spellings', () => {
    expect(key('Universität Passau')).toBe('university passau');
    expect(key('Gemeente Hengelo')).toBe('municipality hengelo');
    expect(key('Estonian Small Harbour Development Centre')).toBe(key('Estonian Small Harbour Development Center'));
  });

  it('lists words written in capitals as acronyms only in a name written in small letters', () => {
    expect(normaliseOrganizationName('IFKA Public Benefit Non-Profit Ltd. for the Development of the Industry').acronyms).toContain('ifka');
    expect(normaliseOrganizationName('THE ENERGY AGENCY FOR SOUTHEAST SWEDEN Ltd.').acronyms).toEqual([]);
  });
});
