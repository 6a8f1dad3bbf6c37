/** Responsible for reading datasets from Neo4j. */
import { int } from 'neo4j-driver';
import type { Executor } from '../../neo4j/executor';
import type { PlainValue } from '../../neo4j/mapping';
import { allDatasets } from './dataset.cypher';
import { toDataset } from './dataset.mapper';
import type { Dataset } from './dataset.type';

/** More datasets than any graph should hold; the list is never paged. */
export const MAX_DATASETS = 1000;

export class DatasetRepository {
  constructor(private readonly executor: Executor) {}

  async all(): Promise<Dataset[]> {
    const rows = await this.executor.read(allDatasets, { limit: int(MAX_DATASETS) });
    return rows.map((row) => toDataset(row.dataset as Record<string, PlainValue>));
  }
}
