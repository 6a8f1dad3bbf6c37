/**
 * Responsible for what an import needs to know of the graph it writes into: the datasets
 * and node ids the files may refer to, which of the files' nodes another dataset already
 * owns, and, for a dry run, what each row would create, update or leave unchanged, and
 * what of the imported datasets the files no longer contain.
 */
import { Label, type RelType } from '../neo4j/graph-schema';
import type { Executor } from '../neo4j/executor';
import type { PlainValue } from '../neo4j/mapping';
import type { WriteStep } from './import-plan';
import { NODE_FILES, RELATIONSHIP_FILES, type SourceUrlPolicy } from './seed-files';
import type { ValidateOptions } from './validate';

// Ids travel in batches of this many, so no statement's parameters grow with the graph.
const ID_BATCH = 5_000;

/** The datasets and node ids of the graph, for validating files that refer to them. */
export async function graphReferences(executor: Executor): Promise<Required<ValidateOptions>> {
  const datasets = await executor.read(`MATCH (d:${Label.Dataset}) RETURN d.id AS id, d.sourceUrls AS policy`);
  const existingIds = new Map<Label, Set<string>>();
  for (const spec of NODE_FILES) {
    const rows = await executor.read(`MATCH (n:${spec.label}) RETURN n.id AS id`);
    existingIds.set(spec.label, new Set(rows.map((row) => String(row.id))));
  }
  return {
    existingDatasets: new Map(datasets.map((row) => [String(row.id), String(row.policy) as SourceUrlPolicy])),
    existingIds,
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
 * Compares each step's rows with what the graph holds under the same id (or endpoints):
 * created when nothing is there, unchanged when every declared property is equal, else
 * updated. `removed` counts what the graph holds of the imported datasets that the files
 * no longer contain.
 */
export async function diffAgainstGraph(executor: Executor, steps: readonly WriteStep[]): Promise<ImportDiff> {
  const diff: ImportDiff = { nodes: {}, relationships: {} };
  const datasets = new Set<string>();
  const nodeIds = new Map<Label, Set<string>>();
  const pairs = new Map<RelType, Set<string>>();
  for (const step of steps) {
    const declared = step.spec.columns.map((column) => column.property).filter((name) => name !== 'from' && name !== 'to');
    const counts = step.kind === 'node' ? (diff.nodes[step.label] ??= zero()) : (diff.relationships[step.type] ??= zero());
    for (let start = 0; start < step.records.length; start += ID_BATCH) {
      const batch = step.records.slice(start, start + ID_BATCH);
      const stored = new Map<string, Record<string, PlainValue>>();
      if (step.kind === 'node') {
        const rows = await executor.read(`UNWIND $ids AS id MATCH (n:${step.label} {id: id}) RETURN n.id AS key, properties(n) AS props`, {
          ids: batch.map((record) => (record as { id: string }).id),
        });
        for (const row of rows) stored.set(String(row.key), row.props as Record<string, PlainValue>);
      } else {
        const rows = await executor.read(
          `UNWIND $pairs AS pair MATCH (a:${step.from} {id: pair.from})-[r:${step.type}]->(b:${step.to} {id: pair.to}) RETURN pair.from + '\u0000' + pair.to AS key, properties(r) AS props`,
          { pairs: batch.map((record) => ({ from: (record as { from: string }).from, to: (record as { to: string }).to })) },
        );
        for (const row of rows) stored.set(String(row.key), row.props as Record<string, PlainValue>);
      }
      for (const record of batch) {
        const key = 'id' in record ? record.id : `${record.from}\u0000${record.to}`;
        if (step.kind === 'node') (nodeIds.get(step.label) ?? nodeIds.set(step.label, new Set()).get(step.label))?.add(key);
        else (pairs.get(step.type) ?? pairs.set(step.type, new Set()).get(step.type))?.add(key);
        const source = record.properties.source;
        if (typeof source === 'string') datasets.add(source);
        const before = stored.get(key);
        if (!before) counts.created += 1;
        else if (declared.every((name) => sameValue(record.properties[name], before[name]))) counts.unchanged += 1;
        else counts.updated += 1;
      }
    }
  }
  if (datasets.size > 0) await countAbsent(executor, diff, [...datasets], nodeIds, pairs);
  return diff;
}

async function countAbsent(
  executor: Executor,
  diff: ImportDiff,
  datasets: readonly string[],
  nodeIds: ReadonlyMap<Label, ReadonlySet<string>>,
  pairs: ReadonlyMap<RelType, ReadonlySet<string>>,
): Promise<void> {
  for (const spec of NODE_FILES) {
    const rows = await executor.read(`MATCH (n:${spec.label}) WHERE n.source IN $datasets RETURN n.id AS id`, { datasets });
    const kept = nodeIds.get(spec.label);
    const absent = rows.filter((row) => !kept?.has(String(row.id))).length;
    if (absent > 0) (diff.nodes[spec.label] ??= zero()).removed = absent;
  }
  for (const spec of RELATIONSHIP_FILES) {
    const rows = await executor.read(`MATCH (a)-[r:${spec.type}]->(b) WHERE r.source IN $datasets RETURN a.id + '\u0000' + b.id AS key`, { datasets });
    const kept = pairs.get(spec.type);
    const absent = rows.filter((row) => !kept?.has(String(row.key))).length;
    if (absent > 0) (diff.relationships[spec.type] ??= zero()).removed = absent;
  }
}

/** A parsed cell against a stored value: dates are compared as `YYYY-MM-DD`, absent as absent. */
function sameValue(cell: unknown, stored: PlainValue | undefined): boolean {
  if (cell === undefined) return stored === undefined || stored === null;
  if (stored === undefined || stored === null) return false;
  if (typeof cell === 'number' || typeof stored === 'number') return Number(cell) === Number(stored);
  return String(cell) === String(stored);
}
