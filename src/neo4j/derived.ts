/**
 * Responsible for the stored sort keys: one never-null, unique string property per sort
 * order, computed from the graph after every load and backed by a range index, so a
 * list reads its page in index order and a keyset cursor is one string comparison.
 */
import { int } from 'neo4j-driver';
import type { Executor } from './executor';
import { Label, RelType } from './graph-schema';

/** One stored sort key: `property` on every node of `label`, set to `expression` (over `n`). */
export interface SortKey {
  label: Label;
  property: string;
  expression: string;
}

// Every key ends in NUL + id: keys are then unique (a cursor names one position), and
// NUL sorts before any character, so "abc" still precedes "abcd". A missing value is
// '~', which sorts after digits: undated or unbudgeted rows come last in ascending order.
const MISSING = "'~'";
const unique = (value: string) => `${value} + '\\u0000' + n.id`;
const folded = (value: string) => unique(`toLower(${value})`);
const dated = (property: string) => unique(`coalesce(toString(n.${property}), ${MISSING})`);
const padded = (integer: string, width: number) =>
  `right('${'0'.repeat(width)}' + toString(${integer}), ${width})`;
const amount = (property: string) =>
  unique(`CASE WHEN n.${property} IS NULL THEN ${MISSING} ELSE ${padded(`toInteger(round(n.${property} * 100))`, 16)} END`);
const counted = (pattern: string) => unique(padded(`COUNT { ${pattern} }`, 10));

// The stored level names do not sort by breadth ('NUTS1' < 'country' < 'county'), so the
// level key is a rank. Russian federal subjects and Norwegian counties rank with NUTS3
// because the CBC programmes list them as NUTS3-level equivalents.
const levelRank = `CASE n.level WHEN 'country' THEN 0 WHEN 'NUTS1' THEN 1 WHEN 'federal_district' THEN 1
  WHEN 'NUTS2' THEN 2 ELSE 3 END`;

const { Call, Cluster, Event, Organization, Person, Programme, Project, Region, ThematicArea } = Label;

/** Every stored sort key. A list sorts on one of these or on `n.id` (already unique and indexed). */
export const SORT_KEYS = {
  projectTitle: { label: Project, property: 'sortTitle', expression: folded('coalesce(n.title, n.acronym, n.id)') },
  projectStart: { label: Project, property: 'sortStart', expression: dated('startDate') },
  projectEnd: { label: Project, property: 'sortEnd', expression: dated('endDate') },
  projectBudget: { label: Project, property: 'sortBudget', expression: amount('totalBudgetEur') },
  programmeName: { label: Programme, property: 'sortName', expression: folded('n.name') },
  programmeProjectCount: { label: Programme, property: 'sortProjectCount', expression: counted(`(n)<-[:${RelType.FUNDED_BY}]-(:${Project})`) },
  regionName: { label: Region, property: 'sortName', expression: folded('n.name') },
  regionLevel: { label: Region, property: 'sortLevel', expression: unique(`toString(${levelRank})`) },
  // Sub-regions included, as Region.projectCount counts by default.
  regionProjectCount: {
    label: Region,
    property: 'sortProjectCount',
    expression: counted(`MATCH (n)<-[:${RelType.PART_OF}*0..5]-(:${Region})<-[:${RelType.LOCATED_IN}]-(p:${Project}) RETURN DISTINCT p`),
  },
  organizationName: { label: Organization, property: 'sortName', expression: folded('n.name') },
  organizationProjectCount: {
    label: Organization,
    property: 'sortProjectCount',
    expression: counted(`MATCH (n)-[:${RelType.PARTICIPATES_IN}]->(p:${Project}) RETURN DISTINCT p`),
  },
  themeName: { label: ThematicArea, property: 'sortName', expression: folded('n.name') },
  themeProjectCount: { label: ThematicArea, property: 'sortProjectCount', expression: counted(`(n)<-[:${RelType.ADDRESSES}]-(:${Project})`) },
  // Codes such as 2, 10 and TO4 sort by length first, so 10 follows 9; areas without a code last.
  themeCode: {
    label: ThematicArea,
    property: 'sortCode',
    expression: unique(`CASE WHEN n.code IS NULL THEN ${MISSING} ELSE ${padded('size(n.code)', 3)} + toLower(n.code) END`),
  },
  clusterName: { label: Cluster, property: 'sortName', expression: folded('n.name') },
  clusterMemberCount: {
    label: Cluster,
    property: 'sortMemberCount',
    expression: counted(`(n)<-[:${RelType.MEMBER_OF}]-(:${Project})`),
  },
  personName: { label: Person, property: 'sortName', expression: folded('n.name') },
  eventName: { label: Event, property: 'sortName', expression: folded('n.name') },
  eventStart: { label: Event, property: 'sortStart', expression: dated('startDate') },
  callStart: { label: Call, property: 'sortStart', expression: dated('startDate') },
} as const satisfies Record<string, SortKey>;

/** The text fields each label's search text joins; `text` filters search these. */
export const TEXT_FIELDS: Readonly<Record<Label, readonly string[]>> = {
  [Label.Dataset]: ['name', 'credit'],
  [Programme]: ['name', 'shortName'],
  [Project]: ['title', 'acronym', 'code'],
  [Region]: ['name', 'id'],
  [Organization]: ['name'],
  [ThematicArea]: ['name', 'code'],
  [Cluster]: ['name', 'description'],
  [Person]: ['name'],
  [Event]: ['name'],
  [Call]: ['serialNumber'],
  [Label.ExternalId]: ['scheme', 'value'],
};

/** The stored property the full-text index covers. */
export const SEARCH_TEXT_PROPERTY = 'searchText';

/** Name of a label's full-text index. */
export function textIndexName(label: Label): string {
  return `${label.toLowerCase()}_search`;
}

// Lucene's standard tokenizer keeps l'aquila, e.V. or 3.5 as one word (UAX #29), while a
// search splits at everything but letters, marks and digits. Storing the text with those
// joiners turned into spaces makes both sides see the same words, so "Aquila" finds L'Aquila.
const JOINERS = ["'", '’', '‘', 'ʼ', '.', ':', ',', ';', '_', '·', '׳', '״'];

function searchTextExpression(label: Label): string {
  const joined = TEXT_FIELDS[label].map((field) => `coalesce(toString(n.${field}), '')`).join(" + ' ' + ");
  return JOINERS.reduce((text, joiner) => `replace(${text}, '${joiner === "'" ? "\\'" : joiner}', ' ')`, `toLower(${joined})`);
}

/** The range index backing a sort key, named `<label>_<property>`. */
export function sortKeyIndexName(key: SortKey): string {
  return `${key.label.toLowerCase()}_${key.property.toLowerCase()}`;
}

/** `CREATE INDEX` statements for every sort key (idempotent). */
export function sortKeyIndexStatements(): Array<{ name: string; cypher: string }> {
  return Object.values(SORT_KEYS).map((key) => ({
    name: sortKeyIndexName(key),
    cypher: `CREATE INDEX ${sortKeyIndexName(key)} IF NOT EXISTS FOR (n:${key.label}) ON (n.${key.property})`,
  }));
}

/** Nodes updated per transaction: keeps each transaction far below Neo4j's memory limit. */
const REFRESH_BATCH = 10_000;

/**
 * Recomputes every sort key and search text of every node, one label at a time, in id-ordered batches of
 * separate transactions (so a 100k-node label never needs one large transaction).
 * Call after any load; it is idempotent.
 */
export async function refreshDerived(executor: Executor): Promise<void> {
  const byLabel = new Map<Label, SortKey[]>();
  for (const key of Object.values(SORT_KEYS) as SortKey[]) {
    byLabel.set(key.label, [...(byLabel.get(key.label) ?? []), key]);
  }
  for (const label of Object.values(Label)) {
    const assignments = [
      ...(byLabel.get(label) ?? []).map((key) => `n.${key.property} = ${key.expression}`),
      `n.${SEARCH_TEXT_PROPERTY} = ${searchTextExpression(label)}`,
    ];
    const statement = [
      `MATCH (n:${label}) WHERE n.id > $after`,
      'WITH n ORDER BY n.id LIMIT $batch',
      `SET ${assignments.join(',\n    ')}`,
      'RETURN max(n.id) AS last, count(n) AS updated',
    ].join('\n');
    let after = '';
    for (;;) {
      const [row] = await executor.write(statement, { after, batch: int(REFRESH_BATCH) });
      if (!row || Number(row.updated) === 0) break;
      after = String(row.last);
    }
  }
}
