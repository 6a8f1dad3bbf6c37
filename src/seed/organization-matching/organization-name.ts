/**
 * Responsible for reducing an organization's name as a partner row states it to the words
 * that identify it, so spellings of one organization compare equal: case, accents, quote
 * styles («…», “…”, "…"), punctuation, legal-form words and a trailing short form in
 * parentheses are set aside, and Cyrillic (Russian, Ukrainian, Belarusian) is transliterated.
 */
import { foldToAscii } from '../slug';

export interface NormalisedName {
  /** The identifying words joined by single spaces: "natural resources institute finland". */
  key: string;
  tokens: string[];
  /** A short form the name gave in trailing parentheses, folded: "luke". */
  shortForm?: string;
  /** Words the name writes in capitals though it is not all capitals ("IFKA …"): acronyms. */
  acronyms: string[];
  /** What was set aside, for the match's reason: ["legal form \"Ltd\"", "short form \"(LUKE)\""]. */
  setAside: string[];
}

// Legal-form words in the languages of the programmes' partners, written as they fold
// (lowercase ASCII, dots removed: "e.V." → "ev", "s.r.o." → "sro", "Sp. z o.o." → "sp zoo").
// A name made only of these keeps them: "AB" alone is a name, not a legal form.
const LEGAL_FORMS = new Set([
  'ltd', 'limited', 'llc', 'inc', 'plc', 'gmbh', 'ggmbh', 'mbh', 'ag', 'ev', 'kg', 'ohg', 'oy', 'oyj', 'ry',
  'ab', 'asa', 'aps', 'sia', 'uab', 'vsi', 'ooo', 'zao', 'oao', 'pao', 'srl', 'spa', 'sas', 'sarl', 'sa',
  'bv', 'nv', 'vzw', 'asbl', 'kft', 'zrt', 'nonprofit', 'sro', 'doo', 'eood', 'ood', 'jsc', 'ojsc', 'cjsc',
  'ngo', 'scarl', 'onlus', 'aisbl', 'egtc', 'ewiv', 'sp', 'zoo', 'ehf', 'as', 'ops', 'zs', 'pi',
]);
// Legal forms written in several words, removed as a whole: "Public Institution Port
// Authority Vukovar" (Croatian javna ustanova, Lithuanian VšĮ) is "Port Authority Vukovar".
const LEGAL_FORM_PHRASES: readonly (readonly string[])[] = [['public', 'institution'], ['non', 'profit']];
// One word written one way whatever the language or spelling: British and American
// spelling, and the words for a university, an institute or a municipality in the
// programmes' languages, so "Universität Passau" meets "University of Passau" and
// "Gemeente Hengelo" meets "Hengelo Municipality".
const SAME_WORD: Readonly<Record<string, string>> = {
  centre: 'center', centres: 'centers', theatre: 'theater', programme: 'program',
  universitat: 'university', universita: 'university', universidad: 'university', universite: 'university',
  universitet: 'university', uniwersytet: 'university', univerzita: 'university', universiteit: 'university',
  egyetem: 'university', yliopisto: 'university', universitatea: 'university', univerza: 'university', hochschule: 'university',
  institut: 'institute', instituto: 'institute', istituto: 'institute', institutul: 'institute',
  technische: 'technical', technologie: 'technology', akademie: 'academy', accademia: 'academy', academia: 'academy',
  gemeinde: 'municipality', gemeente: 'municipality', kommune: 'municipality', kommun: 'municipality', comune: 'municipality',
  commune: 'municipality', obcina: 'municipality', opcina: 'municipality', opstina: 'municipality', municipio: 'municipality',
  municipiul: 'municipality', ayuntamiento: 'municipality', concello: 'municipality', savivaldybe: 'municipality',
  ville: 'city', town: 'city', regione: 'region', regio: 'region', regiune: 'region',
};
// Words that carry no identity in any organization's name; "d" and "l" are French and
// Italian elided articles ("Métropole d'Aix").
const FILLER = new Set(['the', 'd', 'l']);
// Quote marks of every style partner rows use; apostrophes join ("UNIVERSITA’" = "Universita"),
// except after an elided article, which they separate.
const ELISION = /(^|[^\p{L}])([dlDL])['’ʼ](?=\p{L})/gu;
const APOSTROPHES = /['’`´ʼ]/g;
const QUOTES = /["«»“”„‟‹›‚]/g;
// "(LUKE)", "(OTH.R)", "(RPSD - Vidin)", "(ZČU)": at most two words, short. A longer
// parenthesis ("(Banskobystrická regionálna komora)", a branch) is part of the name.
const TRAILING_PARENTHESIS = /\(([^()]*)\)\s*$/;
const SHORT_FORM_MAX_WORDS = 2;
const LEADING_SHORT_FORM = /^([\p{Lu}\d][\p{Lu}\d.&]{1,9})\s*[-–—:]\s+/u;
const TRAILING_SHORT_FORM = /\s*(?:[-–—,]\s*)([\p{Lu}\d][\p{Lu}\d.&]{1,9}(?:\s[\p{Lu}\d]{2,6})?)\s*$/u;
const SHORT_FORM_MAX_LENGTH = 16;

/** The identifying words of `name`; see the module comment for what is set aside. */
export function normaliseOrganizationName(name: string): NormalisedName {
  const setAside: string[] = [];
  let text = name.normalize('NFKC').trim();
  let shortForm: string | undefined;
  const parenthesis = TRAILING_PARENTHESIS.exec(text);
  if (parenthesis && parenthesis.index > 0) {
    const inner = words(parenthesis[1]);
    if (inner.length > 0 && inner.length <= SHORT_FORM_MAX_WORDS && inner.join('').length <= SHORT_FORM_MAX_LENGTH) {
      shortForm = inner.join('');
      setAside.push(`short form "(${parenthesis[1].trim()})"`);
      text = text.slice(0, parenthesis.index);
    }
  }
  // "THD - Technische Hochschule Deggendorf", "… Materials Physics - NIMP": a short form
  // in capitals before or after a dash, in a name that is not itself written in capitals.
  if (shortForm === undefined && /\p{Ll}/u.test(text)) {
    const leading = LEADING_SHORT_FORM.exec(text);
    const trailing = TRAILING_SHORT_FORM.exec(text);
    const found = leading ?? trailing;
    if (found) {
      shortForm = words(found[1]).join('');
      setAside.push(`short form "${found[1]}"`);
      text = leading ? text.slice(found[0].length) : text.slice(0, found.index);
    }
  }
  // Only in a name written mostly in small letters is a word in capitals an acronym.
  const mostlySmall = (text.match(/\p{Ll}/gu)?.length ?? 0) > (text.match(/\p{Lu}/gu)?.length ?? 0);
  const acronyms = mostlySmall ? [...text.matchAll(/(?<![\p{L}\d])[\p{Lu}][\p{Lu}\d]{1,7}(?![\p{L}\d])/gu)].map((match) => words(match[0]).join('')) : [];
  const all = withoutPhrases(joinSingleLetters(words(text)).map((token) => SAME_WORD[token] ?? token), setAside);
  const legal = all.filter((token) => LEGAL_FORMS.has(token));
  const identifying = all.filter((token) => !LEGAL_FORMS.has(token) && !FILLER.has(token));
  const tokens = identifying.length > 0 ? identifying : all;
  if (identifying.length > 0 && legal.length > 0) setAside.push(`legal form "${legal.join(' ')}"`);
  return { key: tokens.join(' '), tokens, shortForm, acronyms, setAside };
}

/** Folded words: "Universität «Passau», e.V." → ["universitat", "passau", "e", "v"]. */
function words(text: string): string[] {
  return foldToAscii(text.replace(ELISION, '$1$2 ').replace(APOSTROPHES, '').replace(QUOTES, ' ').replace(/&/g, ' and '))
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

/** The tokens without the legal forms written in several words; each removal noted. */
function withoutPhrases(tokens: string[], setAside: string[]): string[] {
  let result = tokens;
  for (const phrase of LEGAL_FORM_PHRASES) {
    for (let start = 0; start + phrase.length <= result.length && result.length > phrase.length; start++) {
      if (phrase.every((word, offset) => result[start + offset] === word)) {
        result = [...result.slice(0, start), ...result.slice(start + phrase.length)];
        setAside.push(`legal form "${phrase.join(' ')}"`);
        break;
      }
    }
  }
  return result;
}

/** Dotted abbreviations split into letters by punctuation come back whole: e v → ev. */
function joinSingleLetters(tokens: string[]): string[] {
  const joined: string[] = [];
  let run = '';
  for (const token of tokens) {
    if (token.length === 1 && /[a-z]/.test(token)) {
      run += token;
      continue;
    }
    if (run !== '') joined.push(run);
    run = '';
    joined.push(token);
  }
  if (run !== '') joined.push(run);
  return joined;
}
