/**
 * Responsible for the two DataLoader shapes every domain uses: nodes by id, and the
 * nodes related to a node. Both batch all keys of one tick into one `UNWIND $ids` query.
 */
import DataLoader from 'dataloader';
import type { Executor } from '../../neo4j/executor';
import type { PlainValue } from '../../neo4j/mapping';
import { loadGrouped, nodesByIdCypher, relatedNodesCypher, type RelatedRow, type RelationshipPath } from '../../neo4j/related';
import type { Label } from '../../neo4j/graph-schema';

type Properties = Record<string, PlainValue>;

/** Loads nodes of one label by id; a missing id yields null. */
export function nodeByIdLoader<T>(executor: Executor, label: Label, map: (node: Properties) => T) {
  const cypher = nodesByIdCypher(label);
  return new DataLoader<string, T | null>((ids) =>
    loadGrouped(executor, cypher, ids, (row) => map(row.node as Properties), null),
  );
}

/** Loads, for each key node, the list of nodes reached over one relationship path. */
export function relatedLoader<T>(
  executor: Executor,
  path: RelationshipPath,
  map: (related: RelatedRow, sourceId: string) => T,
) {
  const cypher = relatedNodesCypher(path);
  return new DataLoader<string, T[]>((ids) =>
    loadGrouped(executor, cypher, ids, (row) => (row.related as unknown as RelatedRow[]).map((related) => map(related, String(row.id))), []),
  );
}
