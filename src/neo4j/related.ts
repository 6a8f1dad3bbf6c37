/**
 * Responsible for the batched Cypher shape every relationship loader shares:
 * one `UNWIND $ids` statement per batch, results returned one group per key, in key order.
 */
import type { Executor, Row } from './executor';
import type { Label, RelType } from './graph-schema';
import type { PlainValue } from './mapping';

/** A relationship walked from a node of `from` to nodes of `to`. */
export interface RelationshipPath {
  from: Label;
  type: RelType;
  to: Label;
  /** `out` follows (from)-[type]->(to); `in` follows (from)<-[type]-(to). */
  direction: 'out' | 'in';
  /** Property of the target nodes that orders each group; ties break on id. */
  orderBy?: string;
}

/** One related node with the properties of the relationship that led to it. */
export interface RelatedRow {
  node: Record<string, PlainValue>;
  relationship: Record<string, PlainValue>;
}

/** Builds the batched statement for a relationship path from constants only. */
export function relatedNodesCypher(path: RelationshipPath): string {
  const arrow = path.direction === 'out' ? `-[r:${path.type}]->` : `<-[r:${path.type}]-`;
  const order = path.orderBy ? `target.${path.orderBy}, target.id` : 'target.id';
  return [
    'UNWIND $ids AS id',
    `MATCH (source:${path.from} {id: id})${arrow}(target:${path.to})`,
    `WITH id, target, r ORDER BY ${order}`,
    'RETURN id, collect({node: properties(target), relationship: properties(r)}) AS related',
  ].join('\n');
}

/** Builds the batched statement that fetches nodes of one label by id. */
export function nodesByIdCypher(label: Label): string {
  return ['UNWIND $ids AS id', `MATCH (node:${label} {id: id})`, 'RETURN id, properties(node) AS node'].join('\n');
}

/** Runs a batched statement and returns exactly one entry per id, in the order of `ids`. */
export async function loadGrouped<T>(
  executor: Executor,
  cypher: string,
  ids: readonly string[],
  pick: (row: Row) => T,
  missing: T,
): Promise<T[]> {
  const rows = await executor.read(cypher, { ids: [...new Set(ids)] });
  const byId = new Map(rows.map((row) => [String(row.id), pick(row)]));
  return ids.map((id) => byId.get(id) ?? missing);
}
