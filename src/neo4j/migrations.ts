/**
 * Responsible for the database schema: uniqueness constraints on every node key and
 * the indexes the queries use. Every statement is idempotent (`IF NOT EXISTS`), so the
 * migration runs on every start and before every test run.
 */
import type { Executor } from './executor';
import { SEARCH_TEXT_PROPERTY, sortKeyIndexStatements, textIndexName } from './derived';
import { Label } from './graph-schema';

interface SchemaStatement {
  name: string;
  cypher: string;
}

const uniqueIdConstraints: SchemaStatement[] = Object.values(Label).map((label) => ({
  name: `${label.toLowerCase()}_id_unique`,
  cypher: `CREATE CONSTRAINT ${label.toLowerCase()}_id_unique IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`,
}));

// Range indexes for the filters the list queries use; sort keys have their own (derived.ts).
const indexes: SchemaStatement[] = [
  { name: 'region_level', cypher: 'CREATE INDEX region_level IF NOT EXISTS FOR (n:Region) ON (n.level)' },
  { name: 'region_country_code', cypher: 'CREATE INDEX region_country_code IF NOT EXISTS FOR (n:Region) ON (n.countryCode)' },
  { name: 'cluster_kind', cypher: 'CREATE INDEX cluster_kind IF NOT EXISTS FOR (n:Cluster) ON (n.kind)' },
  { name: 'project_source', cypher: 'CREATE INDEX project_source IF NOT EXISTS FOR (n:Project) ON (n.source)' },
];

// Full-text (Lucene) indexes over each label's stored search text (derived.ts): word-prefix
// search that scales, unlike CONTAINS on every node.
const textIndexes: SchemaStatement[] = Object.values(Label).map((label) => ({
  name: textIndexName(label),
  cypher: `CREATE FULLTEXT INDEX ${textIndexName(label)} IF NOT EXISTS FOR (n:${label}) ON EACH [n.${SEARCH_TEXT_PROPERTY}]`,
}));

/** Every schema statement, in the order they are applied. */
export const schemaStatements: readonly SchemaStatement[] = [
  ...uniqueIdConstraints,
  ...indexes,
  ...sortKeyIndexStatements(),
  ...textIndexes,
];

/** Applies all constraints and indexes and waits until the indexes are online. */
export async function migrate(executor: Executor): Promise<void> {
  // Schema statements cannot share a transaction with each other, hence one call each.
  for (const statement of schemaStatements) {
    await executor.write(statement.cypher);
  }
  await executor.write('CALL db.awaitIndexes(300)');
}

/** Names of schema statements whose constraint or index is missing from the database. */
export async function missingMigrations(executor: Executor): Promise<string[]> {
  const rows = await executor.read('SHOW INDEXES YIELD name, state RETURN name, state');
  const online = new Set(rows.filter((row) => row.state === 'ONLINE').map((row) => String(row.name)));
  return schemaStatements.filter((statement) => !online.has(statement.name)).map((statement) => statement.name);
}
