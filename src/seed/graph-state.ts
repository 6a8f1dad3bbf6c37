/**
 * Responsible for what an import needs to know of the graph it writes into: the datasets
 * and node ids the files may refer to, which of the files' nodes another dataset already
 * owns, and, for a dry run, what each row would create, update or leave unchanged, and
 * what of the imported datasets the files no longer contain.
 */
import { Label, type RelType } from '../neo4j/graph-schema';
import type { Executor } from '../neo4j/executor';
import type { PlainValue } from '../neo4j/mapping';
import { type WriteStep, fileBatches, planImport } from './import-plan';
import { NODE_FILES, RELATIONSHIP_FILES, SEED_FILES, type SourceUrlPolicy } from './seed-files';
import { datasetNodesCypher, datasetRelationshipsCypher, labelPresentCypher, typePresentCypher } from './seed.cypher';
import { type InputKeys, type SeedValidation, type ValidateOptions, pairGroup, pairKey } from './validate';

// Ids travel in batches of this many, so no statement's parameters grow with the graph.
const ID_BATCH = 5_000;

/** Which labels and relationship types hold any data (count-store reads only). */
export interface GraphPresence {
  labels: ReadonlySet<Label>;
  types: ReadonlySet<RelType>;
}

/**
 * Read once before an import writes: the undo journal needs no per-row record for a label
 * or type that was empty, and only what held data can hold rows the input no longer has.
 */
export async function graphPresence(executor: Executor): Promise<GraphPresence> {
  const labels = new Set<Label>();
  const types = new Set<RelType>();
  for (const spec of NODE_FILES) {
    const [row] = await executor.read(labelPresentCypher(spec.label));
    if (row?.present === true) labels.add(spec.label);
  }
  for (const spec of RELATIONSHIP_FILES) {
    const [row] = await executor.read(typePresentCypher(spec.type));
    if (row?.present === true) types.add(spec.type);
  }
  return { labels, types };
}

/**
 * The datasets of the graph, and a lookup of its node ids, for validating files that refer
 * to them: only the endpoints the files lack are asked for, a batch at a time.
 */
export async function graphReferences(executor: Executor): Promise<Required<ValidateOptions>> {
  const datasets = await executor.read(`MATCH (d:${Label.Dataset}) RETURN d.id AS id, d.sourceUrls AS policy`);
  return {
    existingDatasets: new Map(datasets.map((row) => [String(row.id), String(row.policy) as SourceUrlPolicy])),
    findExistingIds: async (label, ids) => new Set((await ownersOf(executor, label, ids)).keys()),
  };
}

/** For ids of `label` that exist in the graph: id → the dataset (`source`) that holds the node. */
export async function ownersOf(executor: Executor, label: Label, ids: readonly string[]): Promise<Map<string, string>> {
  const owners = new Map<string, string>();
  for (let start = 0; start < ids.length; start += ID_BATCH) {
    const rows = await executor.read(`UNWIND $ids AS id MATCH (n:${label} {id: id}) RETURN n.id AS id, n.source AS source`, {
      ids: ids.slice(start, start + ID_BATCH),
    });
    for (const row of rows) owners.set(String(row.id), String(row.source));
  }
  return owners;
}

/**
 * For relationships of `type` between `from`- and `to`-labelled nodes that exist: the
 * key `from\u0000to` → the dataset that holds the relationship.
 */
export async function relationshipOwnersOf(
  executor: Executor,
  type: RelType,
  from: Label,
  to: Label,
  pairs: ReadonlyArray<{ from: string; to: string }>,
): Promise<Map<string, string>> {
  const owners = new Map<string, string>();
  for (let start = 0; start < pairs.length; start += ID_BATCH) {
    const rows = await executor.read(
      `UNWIND $pairs AS pair MATCH (:${from} {id: pair.from})-[r:${type}]->(:${to} {id: pair.to}) RETURN pair.from + '\u0000' + pair.to AS key, r.source AS source`,
      { pairs: pairs.slice(start, start + ID_BATCH) },
    );
    for (const row of rows) owners.set(String(row.key), String(row.source));
  }
  return owners;
}

/**
 * Organizations held by datasets other than `dataset`, each with the country of a region
 * another dataset places it in ('' when none; the first code in order), for an import to
 * match its partner records to, with the names other datasets' participations state for it.
 * The import's own placements and names are left out, so a re-import sees what the first
 * import saw.
 */
export async function organizationsHeldByOthers(executor: Executor, dataset: string): Promise<OrganizationHeld[]> {
  const rows = await executor.read(
    `MATCH (o:${Label.Organization}) WHERE o.source <> $dataset
     CALL (o) {
       OPTIONAL MATCH (o)-[b:BASED_IN]->(r:${Label.Region}) WHERE b.source <> $dataset
       RETURN min(r.countryCode) AS countryCode
     }
     CALL (o) {
       OPTIONAL MATCH (o)-[p:PARTICIPATES_IN]->() WHERE p.source <> $dataset
       RETURN collect(DISTINCT p.nameAsStated) AS aliases
     }
     RETURN o.id AS id, o.name AS name, coalesce(o.city, '') AS town, coalesce(countryCode, '') AS countryCode, aliases`,
    { dataset },
  );
  return rows.map((row) => ({
    id: String(row.id),
    name: String(row.name),
    town: String(row.town),
    countryCode: String(row.countryCode),
    aliases: (row.aliases as unknown[]).map(String),
  }));
}

export interface OrganizationHeld {
  id: string;
  name: string;
  town: string;
  countryCode: string;
  /** Names the other datasets' participations state for it. */
  aliases: string[];
}

/** Ids of `label` held by datasets other than `dataset`. */
export async function idsHeldByOthers(executor: Executor, label: Label, dataset: string): Promise<Set<string>> {
  const rows = await executor.read(`MATCH (n:${label}) WHERE n.source <> $dataset RETURN n.id AS id`, { dataset });
  return new Set(rows.map((row) => String(row.id)));
}

export interface ChangeCounts {
  created: number;
  updated: number;
  unchanged: number;
  /** Held by one of the imported datasets in the graph, absent from the files: an import removes it (a node another dataset still links to excepted). */
  removed: number;
}

export interface ImportDiff {
  nodes: Partial<Record<Label, ChangeCounts>>;
  relationships: Partial<Record<RelType, ChangeCounts>>;
}

const zero = (): ChangeCounts => ({ created: 0, updated: 0, unchanged: 0, removed: 0 });

/**
 * Per relationship file the input has and endpoint label pair: the element ids of the
 * relationships of its datasets the graph holds and the input does not. The graph's keys
 * are streamed and checked against the input's as they come; only the absent are kept.
 * Only types `present` says held data are read.
 */
export async function absentRelationships(
  executor: Executor,
  keys: InputKeys,
  presentFiles: ReadonlySet<string>,
  present: (type: RelType) => boolean,
): Promise<Array<{ type: RelType; from: Label; to: Label; elements: string[] }>> {
  const found = [];
  if (keys.datasets.length === 0) return [];
  for (const spec of RELATIONSHIP_FILES) {
    if (!present(spec.type) || !presentFiles.has(spec.file)) continue;
    for (const { from, to } of spec.endpoints) {
      const kept = keys.pairs.get(pairGroup(spec.type, from, to));
      const elements: string[] = [];
      await executor.stream(datasetRelationshipsCypher(spec.type, from, to), { datasets: keys.datasets }, (row) => {
        if (!kept?.has(pairKey(String(row.from), String(row.to)))) elements.push(String(row.element));
      });
      if (elements.length > 0) found.push({ type: spec.type, from, to, elements });
    }
  }
  return found;
}

/**
 * Per node file the input has (datasets.csv aside, and only labels `present` says held
 * data): the nodes of its datasets the graph holds and the input does not, as the element
 * ids of those nothing links to (`elements`) and a count of the others (`kept`).
 */
export async function absentNodes(
  executor: Executor,
  keys: InputKeys,
  presentFiles: ReadonlySet<string>,
  present: (label: Label) => boolean,
): Promise<Array<{ label: Label; file: string; elements: string[]; kept: number }>> {
  const found = [];
  if (keys.datasets.length === 0) return [];
  for (const spec of NODE_FILES) {
    if (spec.label === Label.Dataset || !present(spec.label) || !presentFiles.has(spec.file)) continue;
    const inInput = keys.nodeIds.get(spec.label);
    const elements: string[] = [];
    let kept = 0;
    await executor.stream(datasetNodesCypher(spec.label), { datasets: keys.datasets }, (row) => {
      if (inInput?.has(String(row.id))) return;
      if (Number(row.degree) === 0) elements.push(String(row.element));
      else kept += 1;
    });
    if (elements.length > 0 || kept > 0) found.push({ label: spec.label, file: spec.file, elements, kept });
  }
  return found;
}

/** The files the input has: only those are its to remove from (a missing optional file states nothing). */
export function presentFilesOf(validation: SeedValidation): Set<string> {
  return new Set(SEED_FILES.map((spec) => spec.file).filter((file) => !validation.missing.includes(file)));
}

/**
 * Compares each row with what the graph holds under the same id (or endpoints), reading
 * the input again a batch at a time: created when nothing is there, unchanged when every
 * declared property is equal, else updated. `removed` counts what the graph holds of the
 * imported datasets, in the files the input has, that the input no longer contains (what
 * the import's sweep reads).
 */
export async function diffAgainstGraph(executor: Executor, validation: SeedValidation): Promise<ImportDiff> {
  const diff: ImportDiff = { nodes: {}, relationships: {} };
  const steps: WriteStep[] = planImport(validation);
  for (const spec of SEED_FILES) {
    const declared = spec.columns.map((column) => column.property).filter((name) => name !== 'from' && name !== 'to');
    for await (const { step, records } of fileBatches(validation, steps, spec, ID_BATCH)) {
      const counts = step.kind === 'node' ? (diff.nodes[step.label] ??= zero()) : (diff.relationships[step.type] ??= zero());
      const stored = new Map<string, Record<string, PlainValue>>();
      const rows =
        step.kind === 'node'
          ? await executor.read(`UNWIND $ids AS id MATCH (n:${step.label} {id: id}) RETURN n.id AS key, properties(n) AS props`, {
              ids: records.map((record) => (record as { id: string }).id),
            })
          : await executor.read(
              `UNWIND $pairs AS pair MATCH (a:${step.from} {id: pair.from})-[r:${step.type}]->(b:${step.to} {id: pair.to}) RETURN pair.from + '\u0000' + pair.to AS key, properties(r) AS props`,
              { pairs: records.map((record) => ({ from: (record as { from: string }).from, to: (record as { to: string }).to })) },
            );
      for (const row of rows) stored.set(String(row.key), row.props as Record<string, PlainValue>);
      for (const record of records) {
        const before = stored.get('id' in record ? record.id : pairKey(record.from, record.to));
        if (!before) counts.created += 1;
        else if (declared.every((name) => sameValue(record.properties[name], before[name]))) counts.unchanged += 1;
        else counts.updated += 1;
      }
    }
  }
  const presentFiles = presentFilesOf(validation);
  const everything = () => true;
  for (const { type, elements } of await absentRelationships(executor, validation.keys, presentFiles, everything)) {
    (diff.relationships[type] ??= zero()).removed += elements.length;
  }
  for (const { label, elements, kept } of await absentNodes(executor, validation.keys, presentFiles, everything)) {
    (diff.nodes[label] ??= zero()).removed += elements.length + kept;
  }
  return diff;
}

/** A parsed cell against a stored value: dates are compared as `YYYY-MM-DD`, absent as absent. */
function sameValue(cell: unknown, stored: PlainValue | undefined): boolean {
  if (cell === undefined) return stored === undefined || stored === null;
  if (stored === undefined || stored === null) return false;
  if (typeof cell === 'number' || typeof stored === 'number') return Number(cell) === Number(stored);
  return String(cell) === String(stored);
}
