/**
 * Responsible for the Cypher of the seed load. Labels and relationship types come from
 * the graph-schema constants only; row values travel as parameters.
 */
import type { Label, RelType } from '../neo4j/graph-schema';

/**
 * Upserts a batch of nodes. `SET n = row.props` replaces every property (props carry
 * `id` too), so a re-run leaves each node exactly as its seed row describes it.
 * Parameters: `$rows: [{id, props}]`. Returns `written`.
 */
export function mergeNodesCypher(label: Label): string {
  return [
    'UNWIND $rows AS row',
    `MERGE (n:${label} {id: row.id})`,
    'SET n = row.props',
    'RETURN count(n) AS written',
  ].join('\n');
}

/**
 * Upserts a batch of relationships between existing nodes, replacing their properties.
 * One relationship per (from, to, type): MERGE matches on the pattern, not on properties.
 * Parameters: `$rows: [{from, to, props}]`. Returns `written`; fewer than the rows
 * means an endpoint was missing.
 */
export function mergeRelationshipsCypher(type: RelType, from: Label, to: Label): string {
  return [
    'UNWIND $rows AS row',
    `MATCH (a:${from} {id: row.from})`,
    `MATCH (b:${to} {id: row.to})`,
    `MERGE (a)-[r:${type}]->(b)`,
    'SET r = row.props',
    'RETURN count(r) AS written',
  ].join('\n');
}
