/**
 * Responsible for every round trip to Neo4j: short sessions on the named database,
 * managed (retryable) transactions, plain values out, driver errors mapped to typed
 * errors in one place, and a count of the statements run (for logs and tests).
 */
import neo4j, { type Driver, type ManagedTransaction, Neo4jError } from 'neo4j-driver';
import { ConflictError, DatabaseUnavailableError } from '../errors';
import { toPlain, type PlainValue } from './mapping';

/** One row of a result, with driver types already converted to plain values. */
export type Row = Record<string, PlainValue>;
export type Parameters = Record<string, unknown>;

/** Runs statements inside one transaction; used for multi-statement work such as the seed load. */
export interface TransactionRunner {
  run(cypher: string, parameters?: Parameters): Promise<Row[]>;
}

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

export class Executor {
  private statements = 0;

  constructor(
    private readonly driver: Driver,
    private readonly database: string,
  ) {}

  /** Number of Cypher statements this executor has sent. */
  get statementCount(): number {
    return this.statements;
  }

  /** Runs one read statement in a managed read transaction. */
  async read(cypher: string, parameters: Parameters = {}): Promise<Row[]> {
    return this.readTransaction((tx) => tx.run(cypher, parameters));
  }

  /** Runs one write statement in a managed write transaction. */
  async write(cypher: string, parameters: Parameters = {}): Promise<Row[]> {
    return this.writeTransaction((tx) => tx.run(cypher, parameters));
  }

  /** Runs `work` in one managed read transaction; `work` may be retried, so it must be side-effect free. */
  async readTransaction<T>(work: (tx: TransactionRunner) => Promise<T>): Promise<T> {
    return this.withSession(neo4j.session.READ, (session) => session.executeRead((tx) => work(this.runner(tx))));
  }

  /** Runs `work` in one managed write transaction: all of it commits or none of it does. */
  async writeTransaction<T>(work: (tx: TransactionRunner) => Promise<T>): Promise<T> {
    return this.withSession(neo4j.session.WRITE, (session) => session.executeWrite((tx) => work(this.runner(tx))));
  }

  private runner(tx: ManagedTransaction): TransactionRunner {
    return {
      run: async (cypher, parameters = {}) => {
        this.statements += 1;
        const result = await tx.run(cypher, parameters);
        return result.records.map((record) => toPlain(record.toObject()) as Row);
      },
    };
  }

  private async withSession<T>(
    mode: typeof neo4j.session.READ | typeof neo4j.session.WRITE,
    work: (session: ReturnType<Driver['session']>) => Promise<T>,
  ): Promise<T> {
    // Naming the database saves the driver a home-database round trip on every session.
    const session = this.driver.session({ database: this.database, defaultAccessMode: mode });
    try {
      return await work(session);
    } catch (error) {
      throw mapDriverError(error);
    } finally {
      await session.close();
    }
  }
}

/** Maps Neo4j driver errors to the typed errors clients understand; other errors pass unchanged. */
export function mapDriverError(error: unknown): unknown {
  if (!(error instanceof Neo4jError)) return error;
  if (UNAVAILABLE_CODES.has(error.code)) return new DatabaseUnavailableError();
  if (error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') return new ConflictError(error.message);
  return error;
}
