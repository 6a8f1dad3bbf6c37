/** Responsible for finding projects by the identifiers other sources give them. */
import type { Executor } from '../../neo4j/executor';
import type { PlainValue } from '../../neo4j/mapping';
import { toProject } from '../project/project.mapper';
import type { Project } from '../project/project.type';
import { projectsByExternalIdKeys } from './external-id.cypher';

export class ExternalIdRepository {
  constructor(private readonly executor: Executor) {}

  /** The project each external-id key names, or null, in key order (a DataLoader batch function). */
  async projectsByKeys(keys: readonly string[]): Promise<Array<Project | null>> {
    const rows = await this.executor.read(projectsByExternalIdKeys, { keys: [...new Set(keys)] });
    // The import lets an external id name one project only (IDENTIFIED_BY is onePerTo).
    const byKey = new Map(rows.map((row) => [String(row.key), toProject(row.project as Record<string, PlainValue>)]));
    return keys.map((key) => byKey.get(key) ?? null);
  }
}
