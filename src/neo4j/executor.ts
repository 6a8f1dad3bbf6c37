/**
 * Responsible for every round trip to Neo4j: short sessions on the named database,
 * auto-commit single reads, managed (retryable) transactions for the rest, plain values out, driver errors mapped to typed
 * errors in one place, and a count of the statements run (for logs and tests).
 */
import neo4j, { type Driver, type ManagedTransaction, Neo4jError, type QueryResult } from 'neo4j-driver';
import { withDeadline } from '../deadline';
import { ConflictError, DatabaseUnavailableError, QueryTimeoutError } from '../errors';
import { toPlain, type PlainValue } from './mapping';

/** One row of a result, with driver types already converted to plain values. */
export type Row = Record<string, PlainValue>;
export type Parameters = Record<string, unknown>;

/** Runs statements inside one transaction; used for multi-statement work such as the seed load. */
export interface TransactionRunner {
  run(cypher: string, parameters?: Parameters): Promise<Row[]>;
}

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);
// Neo4j 5 reports a client-set timeout as `...TransactionTimedOutClientConfiguration` and the server's
// own `db.transaction.timeout` as `...TransactionTimedOut`; both mean the statement ran too long.
const TIMED_OUT_CODE_PREFIX = 'Neo.ClientError.Transaction.TransactionTimedOut';
// The driver's pool raises this (code 'N/A') when no connection frees up within connectionAcquisitionTimeout.
const POOL_EXHAUSTED_MESSAGE = 'Connection acquisition timed out';
/**
 * Neo4j enforces the transaction timeout itself, checking on a timer (2 s by default). A
 * hung server (stopped process, full GC, network black hole) enforces nothing, so a read
 * also has a client-side deadline this much later than its timeout.
 */
export const CLIENT_DEADLINE_GRACE_MS = 3_000;

export interface ExecutorOptions {
  /**
   * Transaction timeout in milliseconds for every transaction this executor runs. Absent means
   * Neo4j's own `db.transaction.timeout` (unlimited by default), which long imports may want.
   */
  timeoutMs?: number;
}

export class Executor {
  private statements = 0;
  private readonly transactionConfig: { timeout?: number };

  constructor(
    private readonly driver: Driver,
    private readonly database: string,
    private readonly options: ExecutorOptions = {},
  ) {
    if (options.timeoutMs !== undefined && !(Number.isInteger(options.timeoutMs) && options.timeoutMs > 0)) {
      throw new RangeError(`Executor timeoutMs must be a positive whole number of milliseconds, got ${options.timeoutMs}`);
    }
    this.transactionConfig = options.timeoutMs === undefined ? {} : { timeout: options.timeoutMs };
  }

  /** Number of Cypher statements this executor has sent. */
  get statementCount(): number {
    return this.statements;
  }

  /**
   * Runs one read statement as an auto-commit transaction: one round trip (RUN and PULL
   * pipelined) where a managed transaction needs BEGIN, RUN and PULL, then COMMIT, and each
   * Bolt write costs CPU on a busy machine. A single read has nothing to retry into
   * consistency, and failing at once (not after the driver's 30 s of retries) is what a
   * client waiting on an outage wants.
   */
  async read(cypher: string, parameters: Parameters = {}): Promise<Row[]> {
    return this.withSession(neo4j.session.READ, async (session) => {
      this.statements += 1;
      const answer = session.run(cypher, parameters, this.transactionConfig);
      if (this.options.timeoutMs === undefined) return plainRows(await answer);
      const deadlineMs = this.options.timeoutMs + CLIENT_DEADLINE_GRACE_MS;
      return plainRows(await withDeadline(answer, deadlineMs, () => new NoAnswerError(`no answer from Neo4j within ${deadlineMs} ms`)));
    });
  }

  /**
   * Runs one read statement as `read` does, handing each row to `onRow` as it arrives
   * instead of collecting them: the driver pulls records in batches as they are consumed,
   * so a result of a million keys never sits in memory at once. Returns the rows seen.
   */
  async stream(cypher: string, parameters: Parameters, onRow: (row: Row) => void): Promise<number> {
    return this.withSession(neo4j.session.READ, async (session) => {
      this.statements += 1;
      let rows = 0;
      for await (const record of session.run(cypher, parameters, this.transactionConfig)) {
        onRow(toPlain(record.toObject()) as Row);
        rows += 1;
      }
      return rows;
    });
  }

  /** Runs one write statement in a managed write transaction. */
  async write(cypher: string, parameters: Parameters = {}): Promise<Row[]> {
    return this.writeTransaction((tx) => tx.run(cypher, parameters));
  }

  /** Runs `work` in one managed read transaction; `work` may be retried, so it must be side-effect free. */
  async readTransaction<T>(work: (tx: TransactionRunner) => Promise<T>): Promise<T> {
    return this.withSession(neo4j.session.READ, (session) => session.executeRead((tx) => work(this.runner(tx)), this.transactionConfig));
  }

  /** Runs `work` in one managed write transaction: all of it commits or none of it does. */
  async writeTransaction<T>(work: (tx: TransactionRunner) => Promise<T>): Promise<T> {
    return this.withSession(neo4j.session.WRITE, (session) => session.executeWrite((tx) => work(this.runner(tx)), this.transactionConfig));
  }

  private runner(tx: ManagedTransaction): TransactionRunner {
    return {
      run: async (cypher, parameters = {}) => {
        this.statements += 1;
        return plainRows(await tx.run(cypher, parameters));
      },
    };
  }

  private async withSession<T>(
    mode: typeof neo4j.session.READ | typeof neo4j.session.WRITE,
    work: (session: ReturnType<Driver['session']>) => Promise<T>,
  ): Promise<T> {
    // Naming the database saves the driver a home-database round trip on every session.
    const session = this.driver.session({ database: this.database, defaultAccessMode: mode });
    let hung = false;
    try {
      return await work(session);
    } catch (error) {
      hung = error instanceof NoAnswerError;
      throw hung ? new DatabaseUnavailableError() : mapDriverError(error, this.options.timeoutMs);
    } finally {
      // Closing waits for the server; a hung one would hold the request again, so let it go.
      if (hung) void session.close().catch(() => undefined);
      else await session.close();
    }
  }
}

/** The database sent nothing back before a read's client-side deadline. */
class NoAnswerError extends Error {}

function plainRows(result: QueryResult): Row[] {
  return result.records.map((record) => toPlain(record.toObject()) as Row);
}

/** Maps Neo4j driver errors to the typed errors clients understand; other errors pass unchanged. */
export function mapDriverError(error: unknown, timeoutMs?: number): unknown {
  if (!(error instanceof Neo4jError)) return error;
  if (UNAVAILABLE_CODES.has(error.code)) return new DatabaseUnavailableError();
  // Every pooled connection is busy past the acquisition timeout: Neo4j is not answering.
  if (error.message.startsWith(POOL_EXHAUSTED_MESSAGE)) return new DatabaseUnavailableError();
  if (error.code.startsWith(TIMED_OUT_CODE_PREFIX)) return new QueryTimeoutError(timeoutMs);
  if (error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') return new ConflictError(error.message);
  return error;
}
