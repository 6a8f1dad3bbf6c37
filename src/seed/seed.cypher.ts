/**
 * Responsible for the Cypher of the seed import and of its undo journal. Labels and
 * relationship types come from the graph-schema constants only; row values travel as
 * parameters.
 */
import type { Label, RelType } from '../neo4j/graph-schema';

/**
 * Creates a batch of nodes of a label that held none before the import. Validation has
 * refused duplicate ids, so nothing can exist to merge with: CREATE skips MERGE's lookup.
 * Parameters: `$rows: [{id, props}]`. Returns `written`.
 */
export function createNodesCypher(label: Label): string {
  return ['UNWIND $rows AS row', `CREATE (n:${label})`, 'SET n = row.props', 'RETURN count(n) AS written'].join('\n');
}

/**
 * Creates a batch of relationships of a type that had none before the import. MERGE would
 * scan every relationship of a busy organization for each row (quadratic in its degree);
 * validation has refused duplicate pairs, so CREATE gives the same graph.
 * Parameters: `$rows: [{from, to, props}]`. Returns `written`.
 */
export function createRelationshipsCypher(type: RelType, from: Label, to: Label): string {
  return [
    'UNWIND $rows AS row',
    `MATCH (a:${from} {id: row.from})`,
    `MATCH (b:${to} {id: row.to})`,
    `CREATE (a)-[r:${type}]->(b)`,
    'SET r = row.props',
    'RETURN count(r) AS written',
  ].join('\n');
}

/**
 * Property types the undo journal can record and put back exactly. Each travels as its
 * Cypher `toString` form, which the matching function parses back to the same value.
 */
export const JOURNAL_TYPES = [
  'STRING',
  'BOOLEAN',
  'INTEGER',
  'FLOAT',
  'DATE',
  'LOCAL DATETIME',
  'ZONED DATETIME',
  'LOCAL TIME',
  'ZONED TIME',
  'DURATION',
] as const;

// `[key, type, text]` per property of `entity`; text is null for a type the journal cannot
// record, so the loader can refuse by name instead of restoring a wrong value.
const encodedProperties = (entity: string) => {
  const type = `replace(valueType(${entity}[k]), ' NOT NULL', '')`;
  return `[k IN keys(${entity}) | [k, ${type}, CASE WHEN ${type} IN $journalTypes THEN toString(${entity}[k]) END]]`;
};

const decodedValue = [
  'CASE p[1]',
  "WHEN 'STRING' THEN p[2] WHEN 'BOOLEAN' THEN p[2] = 'true'",
  "WHEN 'INTEGER' THEN toInteger(p[2]) WHEN 'FLOAT' THEN toFloat(p[2])",
  "WHEN 'DATE' THEN date(p[2]) WHEN 'LOCAL DATETIME' THEN localdatetime(p[2]) WHEN 'ZONED DATETIME' THEN datetime(p[2])",
  "WHEN 'LOCAL TIME' THEN localtime(p[2]) WHEN 'ZONED TIME' THEN time(p[2]) WHEN 'DURATION' THEN duration(p[2])",
  'END',
].join(' ');

// Sets on `x` the journaled properties `row.props` ([key, type, text] each), typed as they were.
const setJournaledProperties = `WITH x, row CALL (x, row) { UNWIND row.props AS p SET x[p[0]] = ${decodedValue} }`;

/**
 * Upserts (MERGE) a batch of nodes of a label that already holds data, and returns what each row's node held before (element id and
 * encoded properties) when it already existed: the undo journal of a label with data.
 * Parameters: `$rows: [{id, props}]`, `$journalTypes`. Returns `written`, `before`.
 */
export function mergeNodesJournaledCypher(label: Label): string {
  return [
    'UNWIND $rows AS row',
    `OPTIONAL MATCH (old:${label} {id: row.id})`,
    `WITH row, CASE WHEN old IS NULL THEN null ELSE {id: row.id, element: elementId(old), props: ${encodedProperties('old')}} END AS before`,
    `MERGE (n:${label} {id: row.id})`,
    'SET n = row.props',
    'RETURN count(n) AS written, collect(before) AS before',
  ].join('\n');
}

/**
 * Upserts (MERGE) a batch of relationships of a type that already has some, and returns per row what the relationships between its
 * endpoints held before (none: the import creates one). Parameters: `$rows: [{from, to,
 * props}]`, `$journalTypes`. Returns `written` and `rows: [{from, to, before: [...]}]`.
 */
export function mergeRelationshipsJournaledCypher(type: RelType, from: Label, to: Label): string {
  return [
    'UNWIND $rows AS row',
    `MATCH (a:${from} {id: row.from})`,
    `MATCH (b:${to} {id: row.to})`,
    `OPTIONAL MATCH (a)-[old:${type}]->(b)`,
    `WITH row, a, b, collect(CASE WHEN old IS NULL THEN null ELSE {element: elementId(old), props: ${encodedProperties('old')}} END) AS before`,
    `CALL (a, b, row) { MERGE (a)-[r:${type}]->(b) SET r = row.props }`,
    'RETURN count(*) AS written, collect({from: row.from, to: row.to, before: before}) AS rows',
  ].join('\n');
}

/** Undo: removes nodes this import created, with any relationship to them. Parameters: `$ids`. */
export function deleteNodesCypher(label: Label): string {
  return [`UNWIND $ids AS id`, `MATCH (n:${label} {id: id})`, 'DETACH DELETE n', 'RETURN count(*) AS undone'].join('\n');
}

/**
 * Undo of a label that held nothing before the import: deletes up to `$batch` of its
 * nodes. Plain DELETE: a relationship still attached means the undo went wrong, and it
 * should fail rather than take another dataset's relationship with it. Returns `undone`.
 */
export function deleteAllNodesCypher(label: Label): string {
  return [`MATCH (n:${label})`, 'WITH n LIMIT toInteger($batch)', 'DELETE n', 'RETURN count(*) AS undone'].join('\n');
}

/** Undo of a type that held nothing before the import: deletes up to `$batch` of its relationships between the two labels. Returns `undone`. */
export function deleteAllRelationshipsCypher(type: RelType, from: Label, to: Label): string {
  return [`MATCH (:${from})-[r:${type}]->(:${to})`, 'WITH r LIMIT toInteger($batch)', 'DELETE r', 'RETURN count(*) AS undone'].join('\n');
}

/** Undo: removes relationships this import created. Parameters: `$rows: [{from, to}]`. */
export function deleteRelationshipsCypher(type: RelType, from: Label, to: Label): string {
  return [
    'UNWIND $rows AS row',
    `MATCH (:${from} {id: row.from})-[r:${type}]->(:${to} {id: row.to})`,
    'DELETE r',
    'RETURN count(*) AS undone',
  ].join('\n');
}

/**
 * Undo: puts back the journaled properties of nodes or relationships found by element id
 * (stable while the entity lives; the import deletes nothing). Parameters: `$rows:
 * [{element, props: [[key, type, text]]}]`. Returns `undone`.
 */
export function restorePropertiesCypher(kind: 'node' | 'relationship'): string {
  const match = kind === 'node' ? 'MATCH (x) WHERE elementId(x) = row.element' : 'MATCH ()-[x]->() WHERE elementId(x) = row.element';
  return [
    'UNWIND $rows AS row',
    match,
    'SET x = {}',
    setJournaledProperties,
    'RETURN count(*) AS undone',
  ].join('\n');
}

/** Whether any node has the label (answered from the count store). Returns `present`. */
export function labelPresentCypher(label: Label): string {
  return `MATCH (n:${label}) RETURN count(n) > 0 AS present`;
}

/** Whether any relationship has the type (answered from the count store). Returns `present`. */
export function typePresentCypher(type: RelType): string {
  return `MATCH ()-[r:${type}]->() RETURN count(r) > 0 AS present`;
}

// ---------------------------------------------------------------- dataset sweep

/**
 * Sweep: the keys of the relationships of a type, between two labels, that belong to one
 * of the imported datasets (streamed: the caller keeps only those the input lacks).
 * Parameters: `$datasets`.
 */
export function datasetRelationshipsCypher(type: RelType, from: Label, to: Label): string {
  return [`MATCH (a:${from})-[r:${type}]->(b:${to})`, 'WHERE r.source IN $datasets', 'RETURN a.id AS from, b.id AS to, elementId(r) AS element'].join('\n');
}

/** Sweep: the keys of the nodes of a label that belong to one of the imported datasets, with their degree. Parameters: `$datasets`. */
export function datasetNodesCypher(label: Label): string {
  return [`MATCH (n:${label})`, 'WHERE n.source IN $datasets', 'RETURN n.id AS id, elementId(n) AS element, COUNT { (n)--() } AS degree'].join('\n');
}

/**
 * Sweep: deletes relationships by element id, returning what undo needs to create them
 * again. Parameters: `$elements`, `$journalTypes`. Returns `removed: [{from, to, props}]`.
 */
export function deleteRelationshipsByElementCypher(): string {
  return [
    'UNWIND $elements AS element',
    'MATCH (a)-[r]->(b) WHERE elementId(r) = element',
    `WITH r, {from: a.id, to: b.id, props: ${encodedProperties('r')}} AS removed`,
    'DELETE r',
    'RETURN collect(removed) AS removed',
  ].join('\n');
}

/**
 * Sweep: deletes nodes by element id, only while nothing is attached to them (another
 * dataset's relationship keeps a node), returning what undo needs to create them again.
 * Parameters: `$elements`, `$journalTypes`. Returns `removed: [{props}]`.
 */
export function deleteLooseNodesByElementCypher(): string {
  return [
    'UNWIND $elements AS element',
    'MATCH (n) WHERE elementId(n) = element AND NOT (n)--()',
    `WITH n, {props: ${encodedProperties('n')}} AS removed`,
    'DELETE n',
    'RETURN collect(removed) AS removed',
  ].join('\n');
}

/** Undo of a sweep: creates the removed nodes of a label again. Parameters: `$rows: [{props}]`. */
export function recreateNodesCypher(label: Label): string {
  return [
    'UNWIND $rows AS row',
    `CREATE (x:${label})`,
    setJournaledProperties,
    'RETURN count(*) AS undone',
  ].join('\n');
}

/** Undo of a sweep: creates the removed relationships again. Parameters: `$rows: [{from, to, props}]`. */
export function recreateRelationshipsCypher(type: RelType, from: Label, to: Label): string {
  return [
    'UNWIND $rows AS row',
    `MATCH (a:${from} {id: row.from})`,
    `MATCH (b:${to} {id: row.to})`,
    `CREATE (a)-[x:${type}]->(b)`,
    setJournaledProperties,
    'RETURN count(*) AS undone',
  ].join('\n');
}
