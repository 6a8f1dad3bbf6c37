/**
 * Responsible for deciding which partner records (a name as stated, in a country) are one
 * organization. Records are compared only within a country; each compared pair gets a score
 * in [0, 1] and the reasons behind it. Pairs at or above the merge threshold are joined,
 * pairs between the review floor and the threshold are kept apart and listed for review,
 * and a curated decision ("same" or "different") overrides the score either way.
 */
import { distance } from 'fastest-levenshtein';
import { foldToAscii } from '../slug';
import { normaliseOrganizationName, type NormalisedName } from './organization-name';

/** One way an organization is written in the input: a stated name in a country. */
export interface PartnerRecord {
  name: string;
  countryCode: string;
  /** The town its rows name most often; '' when none does. */
  town: string;
  /** Website host names its rows give ("luke.fi"), www. dropped. */
  domains: readonly string[];
  /** Partner rows stating this name in this country (0 for an organization already known). */
  rows: number;
  /**
   * Set when the record is a name of an organization another dataset already holds: the
   * group it joins takes this id, and records of two such organizations are never joined
   * (their nodes are not the import's to merge).
   */
  organizationId?: string;
}

export type CuratedVerdict = 'same' | 'different';

export interface CuratedDecision {
  name: string;
  countryCode: string;
  otherName: string;
  otherCountryCode: string;
  verdict: CuratedVerdict;
  /** Where the decision is written, for notes: "organization-matches.csv line 4". */
  at: string;
}

export interface MatchEvidence {
  score: number;
  reasons: string[];
}

export interface CandidatePair extends MatchEvidence {
  a: PartnerRecord;
  b: PartnerRecord;
}

export interface GroupMember {
  record: PartnerRecord;
  /** 1 for the record whose name the organization takes; otherwise the best pair joining it. */
  score: number;
  reason: string;
}

/** The records judged to be one organization; the first member names it. */
export interface OrganizationGroup {
  members: GroupMember[];
}

export interface MatchThresholds {
  /** Pairs scoring at least this are one organization. */
  merge: number;
  /** Pairs scoring at least this (and below `merge`) are listed for review. */
  review: number;
}

export const DEFAULT_THRESHOLDS: MatchThresholds = { merge: 0.9, review: 0.6 };

export interface MatchResult {
  groups: OrganizationGroup[];
  /** Pairs kept apart whose score reached the review floor, best first. */
  review: CandidatePair[];
  /** Curated decisions whose records this input does not contain. */
  unusedDecisions: CuratedDecision[];
  /** Curated decisions that changed what the scores alone would have decided. */
  appliedDecisions: CuratedDecision[];
}

// A token in more records of a country than this is too common to find candidates by
// ("municipality", "university"); pairs sharing only such words are found through rarer ones.
const CANDIDATE_TOKEN_MAX_RECORDS = 150;
// A website host given by more distinct organizations than this is a programme's site
// (keep.eu rows often give "interreg-central.eu"), not evidence of identity.
const SPECIFIC_DOMAIN_MAX_NAMES = 2;
const SAME_TOWN_BONUS = 0.05;
const DIFFERENT_TOWN_PENALTY = 0.2;
const SHARED_DOMAIN_BONUS = 0.1;
const SHARED_SHORT_FORM_BONUS = 0.3;
const DIFFERENT_NUMBERS_CAP = 0.5;
const DISTINCTIVE_CAP = 0.85;
const SHORT_FORM_MIN_LENGTH = 2;
const SHORT_FORM_MAX_LENGTH = 6;
const SAME_PLACE_SCORE = 0.92;
// Words only one name has that carry this share of both names' weight make it another body.
const EXTRA_WORDS_MIN_SHARE = 0.12;

export const recordKey = (countryCode: string, name: string): string => `${countryCode}\u0000${name}`;

interface Prepared {
  record: PartnerRecord;
  key: string;
  name: NormalisedName;
  /** The normalised name without spaces: "Non-Profit" and "Nonprofit" meet here. */
  compact: string;
  /** The words with digits, sorted: "12th District" and "13th District" differ here. */
  numbers: string;
  town: string;
}

/** What a comparison needs of a record, worked out once per record rather than per pair. */
function prepare(record: PartnerRecord): Prepared {
  const name = normaliseOrganizationName(record.name);
  return {
    record,
    key: recordKey(record.countryCode, record.name),
    name,
    compact: name.key.replace(/ /g, ''),
    numbers: name.tokens.filter((token) => /\d/.test(token)).sort().join(' '),
    town: foldToAscii(record.town).replace(/[^a-z0-9]+/g, ' ').trim(),
  };
}

/** Scores pairs across `records`; the weights of words come from the records themselves. */
export class OrganizationMatcher {
  private readonly prepared: Prepared[];
  private readonly preparedByKey: Map<string, Prepared>;
  private readonly weight = new Map<string, number>();
  private readonly namesByDomain = new Map<string, Set<string>>();

  constructor(records: readonly PartnerRecord[]) {
    this.prepared = records.map(prepare);
    this.preparedByKey = new Map(this.prepared.map((entry) => [entry.key, entry]));
    const documentFrequency = new Map<string, number>();
    for (const { name, record } of this.prepared) {
      for (const token of new Set(name.tokens)) documentFrequency.set(token, (documentFrequency.get(token) ?? 0) + 1);
      for (const domain of record.domains) this.namesByDomain.set(domain, (this.namesByDomain.get(domain) ?? new Set()).add(name.key));
    }
    // Inverse document frequency: a rare word ("Deggendorf") says more than "university".
    for (const [token, frequency] of documentFrequency) this.weight.set(token, Math.log(1 + this.prepared.length / frequency));
  }

  /** Every pair of records in one country that scores at least `floor`, best first. */
  candidatePairs(floor: number): CandidatePair[] {
    const byCountry = new Map<string, Prepared[]>();
    for (const entry of this.prepared) {
      const entries = byCountry.get(entry.record.countryCode) ?? [];
      entries.push(entry);
      byCountry.set(entry.record.countryCode, entries);
    }
    // A record that states no country (some programme pages do not) is compared with every
    // country's records; two such records are compared once, in their own block.
    const unknown = byCountry.get('') ?? [];
    byCountry.delete('');
    const blocks = [...[...byCountry.values()].map((entries) => [...entries, ...unknown]), unknown];
    const pairs: CandidatePair[] = [];
    blocks.forEach((entries, block) => {
      const lastBlock = block === blocks.length - 1;
      const postings = new Map<string, number[]>();
      entries.forEach((entry, index) => {
        for (const token of new Set([...entry.name.tokens, ...(entry.name.shortForm ? [`(${entry.name.shortForm})`] : [])])) {
          const posting = postings.get(token) ?? [];
          posting.push(index);
          postings.set(token, posting);
        }
      });
      entries.forEach((entry, index) => {
        const tokens = [...new Set(entry.name.tokens)];
        const rare = tokens.filter((token) => (postings.get(token)?.length ?? 0) <= CANDIDATE_TOKEN_MAX_RECORDS);
        const others = new Set<number>();
        for (const token of rare.length > 0 ? rare : tokens) for (const other of postings.get(token) ?? []) others.add(other);
        if (entry.name.shortForm) for (const other of postings.get(`(${entry.name.shortForm})`) ?? []) others.add(other);
        for (const other of others) {
          if (other <= index || (!lastBlock && entry.record.countryCode === '' && entries[other].record.countryCode === '')) continue;
          const evidence = this.compare(entry, entries[other]);
          if (evidence.score >= floor) pairs.push({ a: entry.record, b: entries[other].record, ...evidence });
        }
      });
    });
    return pairs.sort((x, y) => y.score - x.score || x.a.name.localeCompare(y.a.name) || x.b.name.localeCompare(y.b.name));
  }

  /** The score and reasons for two records; 0 across countries. */
  score(a: PartnerRecord, b: PartnerRecord): MatchEvidence {
    const find = (record: PartnerRecord) => this.preparedByKey.get(recordKey(record.countryCode, record.name)) ?? prepare(record);
    return this.compare(find(a), find(b));
  }

  private compare(a: Prepared, b: Prepared): MatchEvidence {
    const [countryA, countryB] = [a.record.countryCode, b.record.countryCode];
    if (countryA !== countryB && countryA !== '' && countryB !== '') return { score: 0, reasons: ['different countries'] };
    const reasons: string[] = countryA === countryB ? [] : ['one record states no country'];
    // Upper bounds a pair cannot pass whatever its town or website says.
    const caps: number[] = [];
    let score: number;
    if (a.compact === b.compact) {
      score = 1;
      const setAside = [...new Set([...a.name.setAside, ...b.name.setAside])];
      reasons.push(`same name once case, accents, quotes, spaces and punctuation${setAside.length > 0 ? `, ${setAside.join(', ')}` : ''} are set aside`);
    } else {
      const words = this.wordSimilarity(a, b);
      score = words.score;
      reasons.push(`words in common, weighted by rarity: ${round(words.score)}`, ...words.reasons);
      const place = sameAdministeredPlace(a.name.tokens, b.name.tokens, countryA || countryB);
      if (place) {
        // "Burgas" and "Municipality of Burgas": a place named as a partner is its administration.
        score = Math.max(score, SAME_PLACE_SCORE);
        reasons.push(`the same place's administration: "${place}"`);
      } else {
        if (words.distinctiveA.length > 0 && words.distinctiveB.length > 0) {
          // "… Department of Environment" and "… Department of Forests": two bodies whose
          // names share everything but the words that tell them apart.
          caps.push(DISTINCTIVE_CAP);
          reasons.push(`each name has words the other lacks: "${words.distinctiveA.join(' ')}" and "${words.distinctiveB.join(' ')}"`);
        }
        const extra = words.distinctiveA.length === 0 ? words.distinctiveB : words.distinctiveB.length === 0 ? words.distinctiveA : [];
        if (extra.length > 0 && words.distinctiveWeight >= EXTRA_WORDS_MIN_SHARE * words.totalWeight) {
          // "Slovak Chamber of Commerce" and "German-Slovak Chamber of Commerce": one name
          // says more, and what it adds weighs too much to be a variant of the other.
          caps.push(DISTINCTIVE_CAP);
          reasons.push(`only one name has "${extra.join(' ')}"`);
        }
        const unit = [...words.distinctiveA, ...words.distinctiveB].filter((token) => DISTINGUISHING_WORDS.has(token));
        if (unit.length > 0) {
          // "Municipality of Giżycko" and "Rural municipality of Giżycko" are two communes;
          // "Ghent" (the city) and "Ghent University" two bodies.
          caps.push(DISTINCTIVE_CAP);
          reasons.push(`only one name says "${unit.join(' ')}"`);
        }
      }
      const shortA = a.name.shortForm;
      const shortB = b.name.shortForm;
      if (shortA !== undefined && shortA === shortB && shortA.length >= SHORT_FORM_MIN_LENGTH) {
        score += SHARED_SHORT_FORM_BONUS;
        reasons.push(`same short form "${shortA.toUpperCase()}"`);
      }
    }
    if (a.name.shortForm !== undefined && b.name.shortForm !== undefined && a.name.shortForm !== b.name.shortForm) {
      // "… Institute of Marine Sciences (Venezia)" and "… (Ancona)": two branches.
      caps.push(DISTINCTIVE_CAP);
      reasons.push(`different short forms or branches in parentheses: "${a.name.shortForm}" and "${b.name.shortForm}"`);
    }
    if (a.numbers !== b.numbers) {
      caps.push(DIFFERENT_NUMBERS_CAP);
      reasons.push(`different numbers: "${a.numbers}" and "${b.numbers}"`);
    }
    if (a.town !== '' && b.town !== '') {
      if (a.town === b.town || nearSpelling(a.town, b.town) > 0) {
        score += SAME_TOWN_BONUS;
        reasons.push(`same town: ${a.record.town}`);
      } else if (score < 1) {
        score -= DIFFERENT_TOWN_PENALTY;
        reasons.push(`different towns: ${a.record.town} and ${b.record.town}`);
      } else {
        // One name, one country, two towns: a university's campuses, a body's two offices.
        reasons.push(`towns differ (${a.record.town}, ${b.record.town}) but the names are the same`);
      }
    }
    const sharedDomain = a.record.domains.find(
      (domain) => b.record.domains.includes(domain) && (this.namesByDomain.get(domain)?.size ?? 0) <= SPECIFIC_DOMAIN_MAX_NAMES,
    );
    if (sharedDomain) {
      score += SHARED_DOMAIN_BONUS;
      reasons.push(`same website: ${sharedDomain}`);
    }
    return { score: round(Math.min(1, ...caps, Math.max(0, score))), reasons };
  }

  /**
   * Weighted Dice over the names' words: a word of one name matches an equal word of the
   * other, or one spelt nearly alike ("Insitute"); a short form of one ("TU", "LUKE")
   * matches the words of the other it abbreviates; each word weighs by its rarity.
   * Unmatched words that are not fillers are returned as what distinguishes each name.
   */
  private wordSimilarity(first: Prepared, second: Prepared): WordSimilarity {
    const a = first.name;
    const b = second.name;
    const reasons: string[] = [];
    // "General Hospital "Sveti Luka" Smederevo" and "General Hospital "Sveti Luka"", both in
    // Smederevo: the town both records are in, which one name adds.
    const townWords = new Set(first.town !== '' && first.town === second.town ? first.town.split(' ') : []);
    const neutral = (token: string, name: NormalisedName) => name.acronyms.includes(token) || townWords.has(token);
    const weightOf = (token: string) => this.weight.get(token) ?? Math.log(1 + this.prepared.length);
    let shared = 0;
    let all = 0;
    const left = [...a.tokens];
    const right = [...b.tokens];
    // "TU Delft" and "Technische Universiteit Delft"; "Natural Resources Institute Finland
    // Luke" and "… Finland (Luke)": a short form on one side, what it stands for on the other.
    // Only a word written in capitals abbreviates: "of" is not "Office of Forests".
    for (const [side, other, ownName, otherName] of [
      [left, right, a, b],
      [right, left, b, a],
    ] as const) {
      for (let position = side.length - 1; position >= 0; position--) {
        const token = side[position];
        if (token.length < SHORT_FORM_MIN_LENGTH || token.length > SHORT_FORM_MAX_LENGTH) continue;
        if (token !== otherName.shortForm && !ownName.acronyms.includes(token)) continue;
        const run = token === otherName.shortForm ? [] : abbreviatedRun(token, other);
        if (token !== otherName.shortForm && run === undefined) continue;
        const expanded = (run ?? []).map((index) => other[index]);
        shared += 2 * weightOf(token);
        all += 2 * weightOf(token);
        for (const index of [...(run ?? [])].sort((x, y) => y - x)) other.splice(index, 1);
        side.splice(position, 1);
        reasons.push(`short form "${token.toUpperCase()}" ${expanded.length > 0 ? `stands for "${expanded.join(' ')}"` : 'written in the name'}`);
      }
    }
    const unmatchedRight = new Set(right.map((_, position) => position));
    const distinctiveA: string[] = [];
    for (const token of left) {
      all += weightOf(token);
      let best = -1;
      let bestRatio = 0;
      for (const position of unmatchedRight) {
        const candidate = right[position];
        const ratio = candidate === token ? 1 : nearSpelling(token, candidate);
        if (ratio > bestRatio) {
          best = position;
          bestRatio = ratio;
          if (ratio === 1) break;
        }
      }
      if (best >= 0) {
        unmatchedRight.delete(best);
        shared += (weightOf(token) + weightOf(right[best])) * bestRatio;
        if (bestRatio < 1) reasons.push(`"${token}" and "${right[best]}" spelt nearly alike`);
      } else if (neutral(token, a)) {
        // An acronym or the town only one name adds ("IFKA Public Benefit …") neither
        // confirms nor denies.
        all -= weightOf(token);
        reasons.push(`"${token}" (an acronym or the town) in one name only`);
      } else if (!FILLER_WORDS.has(token)) distinctiveA.push(token);
    }
    const distinctiveB: string[] = [];
    for (const [position, token] of right.entries()) {
      if (!unmatchedRight.has(position)) all += weightOf(token);
      else if (neutral(token, b)) reasons.push(`"${token}" (an acronym or the town) in one name only`);
      else {
        all += weightOf(token);
        if (!FILLER_WORDS.has(token)) distinctiveB.push(token);
      }
    }
    const distinctiveWeight = [...distinctiveA, ...distinctiveB].reduce((sum, token) => sum + weightOf(token), 0);
    return { score: all === 0 ? 0 : shared / all, reasons, distinctiveA, distinctiveB, distinctiveWeight, totalWeight: all };
  }
}

/** Positions of consecutive words of `tokens` whose initials spell `short`, if any. */
function abbreviatedRun(short: string, tokens: readonly string[]): number[] | undefined {
  for (let start = 0; start + short.length <= tokens.length; start++) {
    const run: number[] = [];
    let index = start;
    for (const letter of short) {
      while (index < tokens.length && FILLER_WORDS.has(tokens[index]) && run.length > 0) index++;
      if (index >= tokens.length || tokens[index][0] !== letter) break;
      run.push(index++);
    }
    if (run.length === short.length) return run;
  }
  return undefined;
}

/**
 * The place two names share when they differ only by words for its administration
 * ("Thessaloniki", "THESSALONIKI MUNICIPALITY", "Municipality of Thessaloniki"); undefined
 * when either says more, or says "rural", "district", "county" or "urban" and the other
 * does not (in Poland also "miasto": a town there often has an urban and a rural commune).
 */
function sameAdministeredPlace(a: readonly string[], b: readonly string[], countryCode: string): string | undefined {
  const placeOf = (tokens: readonly string[]) => tokens.filter((token) => !ADMINISTRATION_WORDS.has(token) && !FILLER_WORDS.has(token));
  const placeA = placeOf(a);
  const placeB = placeOf(b);
  if (placeA.length === 0 || placeA.join(' ') !== placeB.join(' ')) return undefined;
  const distinguishing = new Set(['rural', 'district', 'county', 'urban', ...(countryCode === 'PL' ? ['miasto'] : [])]);
  const differing = [...a.filter((token) => !b.includes(token)), ...b.filter((token) => !a.includes(token))];
  if (differing.some((token) => distinguishing.has(token))) return undefined;
  // "City of Barcelona" is Barcelona, but "Rēzekne City Council" and "Rezekne Municipality"
  // are the city and the municipality around it (Latvia, Lithuania and Poland have both).
  const city = (tokens: readonly string[]) => tokens.includes('city');
  const otherAdministration = (tokens: readonly string[]) => tokens.some((token) => ADMINISTRATION_WORDS.has(token) && token !== 'city');
  if (city(a) !== city(b) && otherAdministration(city(a) ? b : a)) return undefined;
  return placeA.join(' ');
}

interface WordSimilarity {
  score: number;
  reasons: string[];
  distinctiveA: string[];
  distinctiveB: string[];
  distinctiveWeight: number;
  totalWeight: number;
}

// Words a place's own administration is called by.
const ADMINISTRATION_WORDS = new Set([
  'municipality', 'municipal', 'council', 'administration', 'city', 'town', 'hall', 'government', 'office', 'authority',
  'rural', 'district', 'county', 'urban', 'local', 'self', 'mairie', 'stadt', 'gmina', 'miasto', 'dimos',
]);
// Words whose absence from one name changes nothing: "Municipality of X" = "X Municipality".
const FILLER_WORDS = new Set(['of', 'and', 'for', 'in', 'the', 'de', 'di', 'del', 'della', 'des', 'du', 'la', 'le', 'der', 'die', 'das', 'und', 'fur', 'v', 've', 'na', 'i', 'a', 'y', 'e', 'et', 'en', 'og', 'och', 'ja']);
// Words that tell two bodies of one place apart: a city and its rural district, a town and
// its university. Words a place's own administration is called by ("municipality",
// "council", "government") are not among them: "Alba Iulia" is Alba Iulia Municipality.
const DISTINGUISHING_WORDS = new Set([
  'city', 'rural', 'district', 'urban', 'county', 'town', 'village', 'province', 'regional', 'national', 'federal', 'state',
  'miasto', 'miejska', 'wiejska', 'gmina', 'powiat', 'mestna', 'grad', 'stadt', 'landkreis', 'kreis',
  'university', 'universitat', 'universita', 'universidad', 'universite', 'universitet', 'uniwersytet', 'univerzita',
  'faculty', 'department', 'institute', 'college', 'school', 'museum', 'hospital', 'chamber', 'agency', 'association',
  'foundation', 'library', 'academy', 'technology', 'technical', 'polytechnic', 'police', 'port', 'park', 'campus',
]);
const NEAR_SPELLING_MIN_RATIO = 0.8;
const NEAR_SPELLING_MIN_LENGTH = 5;

/** How alike two words are spelt, 0 when not nearly alike (short words must be equal). */
function nearSpelling(a: string, b: string): number {
  if (Math.min(a.length, b.length) < NEAR_SPELLING_MIN_LENGTH) return 0;
  const ratio = 1 - distance(a, b) / Math.max(a.length, b.length);
  return ratio >= NEAR_SPELLING_MIN_RATIO ? ratio : 0;
}

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * Groups `records` into organizations: pairs at or above `thresholds.merge` join (best
 * first), curated "same" pairs join whatever their score, and a join that would put a
 * curated "different" pair into one organization is not made.
 */
export function matchOrganizations(
  records: readonly PartnerRecord[],
  decisions: readonly CuratedDecision[],
  thresholds: MatchThresholds = DEFAULT_THRESHOLDS,
): MatchResult {
  const matcher = new OrganizationMatcher(records);
  const index = new Map(records.map((record, position) => [recordKey(record.countryCode, record.name), position]));
  const parent = records.map((_, position) => position);
  const find = (position: number): number => {
    while (parent[position] !== position) {
      parent[position] = parent[parent[position]];
      position = parent[position];
    }
    return position;
  };
  // The organization another dataset holds that each group is (by its root), if any.
  const knownAs = records.map((record) => record.organizationId);
  const usable = decisions.filter(
    (decision) => index.has(recordKey(decision.countryCode, decision.name)) && index.has(recordKey(decision.otherCountryCode, decision.otherName)),
  );
  const positionsOf = (decision: CuratedDecision) =>
    [index.get(recordKey(decision.countryCode, decision.name)) ?? -1, index.get(recordKey(decision.otherCountryCode, decision.otherName)) ?? -1] as const;
  const kept = usable.filter((decision) => decision.verdict === 'different').map((decision) => ({ decision, positions: positionsOf(decision) }));
  // The curated "different" pair a join of x's and y's organizations would put together.
  const forbiddenBy = (x: number, y: number) =>
    kept.find(({ positions: [first, second] }) => {
      const roots = new Set([find(first), find(second)]);
      return roots.size === 2 && roots.has(find(x)) && roots.has(find(y));
    })?.decision;
  const best = new Map<number, { score: number; reason: string }>();
  const remember = (position: number, score: number, reason: string) => {
    if ((best.get(position)?.score ?? -1) < score) best.set(position, { score, reason });
  };
  const applied = new Set<CuratedDecision>();
  const join = (x: number, y: number, score: number, reason: string): boolean => {
    const [idX, idY] = [knownAs[find(x)], knownAs[find(y)]];
    if (find(x) === find(y) || (idX !== undefined && idY !== undefined && idX !== idY)) return false;
    const forbidding = forbiddenBy(x, y);
    if (forbidding) {
      applied.add(forbidding);
      return false;
    }
    const [root, child] = [find(x), find(y)];
    parent[child] = root;
    knownAs[root] = knownAs[root] ?? knownAs[child];
    remember(x, score, `${reason} (matched with "${records[y].name}")`);
    remember(y, score, `${reason} (matched with "${records[x].name}")`);
    return true;
  };
  // The names one known organization goes by are one group from the start.
  const firstOfKnown = new Map<string, number>();
  records.forEach((record, position) => {
    if (record.organizationId === undefined) return;
    const first = firstOfKnown.get(record.organizationId);
    if (first === undefined) firstOfKnown.set(record.organizationId, position);
    else join(first, position, 1, `a name ${record.organizationId} already goes by`);
  });
  for (const decision of usable.filter((entry) => entry.verdict === 'same')) {
    const [x, y] = positionsOf(decision);
    const evidence = matcher.score(records[x], records[y]);
    if (join(x, y, evidence.score, `curated as the same organization (${decision.at})`) && evidence.score < thresholds.merge) applied.add(decision);
  }
  const positionsKey = (x: number, y: number) => `${Math.min(x, y)}:${Math.max(x, y)}`;
  const decided = new Set(usable.map((decision) => positionsKey(...positionsOf(decision))));
  const pairs = matcher.candidatePairs(thresholds.review).map((pair) => ({
    pair,
    x: index.get(recordKey(pair.a.countryCode, pair.a.name)) ?? -1,
    y: index.get(recordKey(pair.b.countryCode, pair.b.name)) ?? -1,
  }));
  for (const { pair, x, y } of pairs) if (pair.score >= thresholds.merge) join(x, y, pair.score, pair.reasons.join('; '));
  const review = pairs
    .filter(({ pair, x, y }) => pair.score < thresholds.merge && find(x) !== find(y) && !decided.has(positionsKey(x, y)))
    .map(({ pair }) => pair);
  const members = new Map<number, number[]>();
  records.forEach((_, position) => {
    const group = members.get(find(position)) ?? [];
    group.push(position);
    members.set(find(position), group);
  });
  const groups = [...members.values()].map((positions) => {
    const [canonical, ...rest] = [...positions].sort((x, y) => compareAsName(records[x], records[y]));
    return {
      members: [
        {
          record: records[canonical],
          score: 1,
          reason:
            records[canonical].organizationId === undefined
              ? `the organization's name (stated on ${records[canonical].rows} partner rows)`
              : `an organization another dataset holds (${records[canonical].organizationId})`,
        },
        ...rest.map((position) => ({ record: records[position], ...(best.get(position) ?? { score: 1, reason: '' }) })),
      ],
    };
  });
  return {
    groups,
    review,
    unusedDecisions: decisions.filter((decision) => !usable.includes(decision)),
    appliedDecisions: [...applied],
  };
}

/**
 * The record an organization is named by: one already known, then the name stated most
 * often, then not in capitals, then the longest.
 */
function compareAsName(a: PartnerRecord, b: PartnerRecord): number {
  const shouting = (record: PartnerRecord) => (record.name === record.name.toUpperCase() ? 1 : 0);
  const knownFirst = (record: PartnerRecord) => (record.organizationId === undefined ? 1 : 0);
  return knownFirst(a) - knownFirst(b) || b.rows - a.rows || shouting(a) - shouting(b) || b.name.length - a.name.length || a.name.localeCompare(b.name);
}
