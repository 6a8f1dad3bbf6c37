/**
 * Responsible for the by-id DataLoaders: every node a request looks up by id, batched
 * into one `UNWIND $ids` statement per label and tick. Relationship loaders are
 * generated from their declarations (relationships/relationship-fields.ts).
 */
import DataLoader from 'dataloader';
import type { Executor } from '../../neo4j/executor';
import type { Label } from '../../neo4j/graph-schema';
import type { PlainValue } from '../../neo4j/mapping';
import { nodesByIdCypher } from '../../neo4j/related';

type Properties = Record<string, PlainValue>;

/** Loads nodes of one label by id; a missing id yields null. */
export function nodeByIdLoader<T>(executor: Executor, label: Label, map: (node: Properties) => T) {
  const cypher = nodesByIdCypher(label);
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = await executor.read(cypher, { ids: [...new Set(ids)] });
    const byId = new Map(rows.map((row) => [String(row.id), map(row.node as Properties)]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
