import path from 'node:path';
import neo4j from 'neo4j-driver';
import type { Parameters, Row, TransactionRunner } from '../neo4j/executor';
import { Label, RelType } from '../neo4j/graph-schema';
import { fromRoot } from '../paths';
import { BATCH_SIZE, type SeedWriter, loadSeed } from './load';
import { SeedValidationError } from './validate';

const SEED_DIR = fromRoot('seed');

interface Statement {
  cypher: string;
  rows: Array<{ id?: string; from?: string; to?: string; props: Record<string, unknown> }>;
}

/** Records the statements of each transaction and answers as Neo4j would when every row matches. */
class RecordingWriter implements SeedWriter {
  readonly transactions: Statement[][] = [];

  async writeTransaction<T>(work: (tx: TransactionRunner) => Promise<T>): Promise<T> {
    const statements: Statement[] = [];
    this.transactions.push(statements);
    return work({
      run: async (cypher: string, parameters: Parameters = {}): Promise<Row[]> => {
        const rows = parameters.rows as Statement['rows'];
        statements.push({ cypher, rows });
        return [{ written: rows.length }];
      },
    });
  }
}

describe('loadSeed', () => {
  it('writes every file in one transaction, in batches of at most BATCH_SIZE rows', async () => {
    const writer = new RecordingWriter();
    const counts = await loadSeed(writer, SEED_DIR);

    expect(writer.transactions).toHaveLength(1);
    const [statements] = writer.transactions;
    expect(statements.every((statement) => statement.rows.length > 0 && statement.rows.length <= BATCH_SIZE)).toBe(true);
    // Regions outnumber one batch, so they must arrive in several.
    const regionBatches = statements.filter((statement) => statement.cypher.includes('MERGE (n:Region {id: row.id})'));
    expect(regionBatches.length).toBe(Math.ceil((counts.nodes.Region ?? 0) / BATCH_SIZE));
    expect(counts.nodes.Project).toBe(82);
    expect(counts.relationships.PARTICIPATES_IN).toBe(257);

    // Nodes first, then relationships: every MATCH finds its endpoints.
    const firstRelationship = statements.findIndex((statement) => statement.cypher.includes('MATCH (a:'));
    expect(statements.slice(firstRelationship).every((statement) => statement.cypher.includes('MATCH (a:'))).toBe(true);
  });

  it('sends dates as Neo4j dates, numbers as numbers and leaves empty cells out', async () => {
    const writer = new RecordingWriter();
    await loadSeed(writer, SEED_DIR);
    const projectRows = writer.transactions[0]
      .filter((statement) => statement.cypher.includes(`MERGE (n:${Label.Project} `))
      .flatMap((statement) => statement.rows);
    const brtl = projectRows.find((row) => row.id === 'KO1029');
    expect(neo4j.isDate(brtl?.props.startDate as object)).toBe(true);
    expect(String(brtl?.props.startDate)).toBe('2018-11-01');
    expect(brtl?.props).not.toHaveProperty('totalBudgetEur');
    const acbr = projectRows.find((row) => row.id === 'KO1001');
    expect(acbr?.props.totalBudgetEur).toBe(1398799);
    expect(acbr?.props.id).toBe('KO1001');
  });

  it('groups relationship rows by endpoint labels so each statement names both labels', async () => {
    const writer = new RecordingWriter();
    await loadSeed(writer, SEED_DIR);
    const presented = writer.transactions[0].filter((statement) => statement.cypher.includes(`[r:${RelType.PRESENTED_AT}]`));
    expect(presented.map((statement) => statement.cypher.split('\n')[1]).sort()).toEqual([
      'MATCH (a:Cluster {id: row.from})',
      'MATCH (a:Project {id: row.from})',
    ]);
  });

  it('writes nothing when a file does not validate', async () => {
    const writer = new RecordingWriter();
    await expect(loadSeed(writer, path.join(SEED_DIR, 'no-such-folder'))).rejects.toBeInstanceOf(SeedValidationError);
    expect(writer.transactions).toHaveLength(0);
  });

  it('aborts when Neo4j writes fewer rows than it was sent', async () => {
    const writer: SeedWriter = {
      writeTransaction: (work) => work({ run: async () => [{ written: 0 }] }),
    };
    await expect(loadSeed(writer, SEED_DIR)).rejects.toThrow(/wrote 0 of \d+ rows; aborting the transaction/);
  });
});
