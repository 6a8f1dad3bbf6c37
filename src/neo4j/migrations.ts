/**
 * Responsible for the database schema: uniqueness constraints on every node key and
 * the indexes the queries use. Every statement is idempotent (`IF NOT EXISTS`), so the
 * migration runs on every start and before every test run.
 */
import type { Executor } from './executor';
import { Label } from './graph-schema';

interface SchemaStatement {
  name: string;
  cypher: string;
}

const uniqueIdConstraints: SchemaStatement[] = Object.values(Label).map((label) => ({
  name: `${label.toLowerCase()}_id_unique`,
  cypher: `CREATE CONSTRAINT ${label.toLowerCase()}_id_unique IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`,
}));

// Range indexes for the filters and sort keys the list queries use.
const indexes: SchemaStatement[] = [
  { name: 'project_start_date', cypher: 'CREATE INDEX project_start_date IF NOT EXISTS FOR (n:Project) ON (n.startDate)' },
  { name: 'project_end_date', cypher: 'CREATE INDEX project_end_date IF NOT EXISTS FOR (n:Project) ON (n.endDate)' },
  { name: 'project_title', cypher: 'CREATE INDEX project_title IF NOT EXISTS FOR (n:Project) ON (n.title)' },
  { name: 'organization_name', cypher: 'CREATE INDEX organization_name IF NOT EXISTS FOR (n:Organization) ON (n.name)' },
  { name: 'region_level', cypher: 'CREATE INDEX region_level IF NOT EXISTS FOR (n:Region) ON (n.level)' },
  { name: 'cluster_kind', cypher: 'CREATE INDEX cluster_kind IF NOT EXISTS FOR (n:Cluster) ON (n.kind)' },
];

/** Every schema statement, in the order they are applied. */
export const schemaStatements: readonly SchemaStatement[] = [...uniqueIdConstraints, ...indexes];

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
