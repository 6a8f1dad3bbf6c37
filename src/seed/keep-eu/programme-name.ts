/**
 * Responsible for reading keep.eu's programme names, such as
 * `2014 - 2020 INTERREG V-A Germany / Saxony - Czech Republic`, into a programme's period,
 * kind, name and short name. A name whose period or kind it cannot tell is refused, never
 * guessed.
 */
import { slugify } from '../slug';

export interface KeepEuProgramme {
  /** Stable id: slug of kind and short name, then the period (`interreg-v-a-central-baltic-2014-2020`). */
  id: string;
  /** The name without its leading period, spaces and a trailing full stop removed. */
  name: string;
  /** The parenthesised name when there is one (`Central Baltic`), else the name after the kind. */
  shortName: string;
  /** `2014-2020`. */
  period: string;
  /** Interreg V-A, Interreg V-B, Interreg IV-C, IPA CBC, ENI CBC, ENPI CBC, ESPON, URBACT, PEACE, … */
  kind: string;
}

const PERIOD = /^(\d{4})\s*[-–]\s*(\d{4})\s+(.+)$/;

// Order matters: the first pattern that matches names the kind. `INTERREG VB` and
// `INTERREG V-B` are the same strand; roman numerals give the programming period's generation.
const KINDS: ReadonlyArray<{ pattern: RegExp; kind: (match: RegExpExecArray) => string }> = [
  { pattern: /\bIPA\s*(?:II\s*)?CBC\b/i, kind: () => 'IPA CBC' },
  { pattern: /\bENPI\s*CBC\b/i, kind: () => 'ENPI CBC' },
  { pattern: /\bENI\s*CBC\b/i, kind: () => 'ENI CBC' },
  { pattern: /\bINTERREG\s+(I{1,3}|IV|V|VI)\s*-?\s*([ABC])\b/i, kind: (match) => `Interreg ${match[1].toUpperCase()}-${match[2].toUpperCase()}` },
  { pattern: /\bINTERREG\s+(EUROPE)\b/i, kind: () => 'Interreg Europe' },
  { pattern: /\bESPON\b/i, kind: () => 'ESPON' },
  { pattern: /\bURBACT\b/i, kind: () => 'URBACT' },
  { pattern: /\bINTERACT\b/i, kind: () => 'INTERACT' },
  { pattern: /\bPEACE\b/i, kind: () => 'PEACE' },
];

/** Parses a keep.eu programme name; returns a reason instead when it cannot. */
export function parseProgrammeName(raw: string): KeepEuProgramme | { problem: string } {
  const text = raw.replace(/\s+/g, ' ').trim();
  const period = PERIOD.exec(text);
  if (!period) return { problem: `"${raw}" does not start with a programming period such as "2014 - 2020"` };
  const [, from, to] = period;
  const name = period[3].replace(/[.\s]+$/, '');
  const found = KINDS.map(({ pattern, kind }) => {
    const match = pattern.exec(name);
    return match ? { match, kind: kind(match) } : undefined;
  }).find((entry) => entry !== undefined);
  if (!found) {
    return { problem: `"${raw}": cannot tell the programme kind (expected Interreg V-A/V-B/…, IPA CBC, ENI CBC, ENPI CBC, ESPON, URBACT, INTERACT or PEACE)` };
  }
  const parenthesised = /\(([^()]*(?:\([^()]*\)[^()]*)*)\)\s*$/.exec(name);
  const afterKind = name.slice(found.match.index + found.match[0].length).replace(/^[\s:–-]+/, '').trim();
  // "ESPON 2020", "URBACT III": nothing but numbers after the kind, so the name is the short name.
  const meaningful = (text: string) => /\p{L}{3,}/u.test(text.replace(/\b[IVX]+\b/g, ''));
  const shortName = parenthesised ? parenthesised[1].trim() : meaningful(afterKind) ? afterKind : name;
  const periodText = `${from}-${to}`;
  const idBase = slugify(shortName).startsWith(slugify(found.kind)) ? shortName : `${found.kind} ${shortName}`;
  return {
    id: `${slugify(idBase)}-${periodText}`,
    name,
    shortName,
    period: periodText,
    kind: found.kind,
  };
}
