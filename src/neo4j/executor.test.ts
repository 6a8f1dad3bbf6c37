import { Neo4jError } from 'neo4j-driver';
import { createContext } from '../context';
import { ConflictError, DatabaseUnavailableError, QueryTimeoutError } from '../errors';
import { useTestHelper } from '../testing/test-helper';
import { Executor, mapDriverError } from './executor';

const helper = useTestHelper();

// Counting ten billion rows takes Neo4j minutes even on an idle machine, far longer than any
// timeout used here (a hundred million rows could finish within the 5 s default).
const SLOW_STATEMENT = 'UNWIND range(1, 100000) AS x UNWIND range(1, 100000) AS y RETURN count(*) AS n';

async function failureOf(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error('expected the statement to fail');
}

describe('Executor transaction timeout', () => {
  it('stops a statement that runs past its timeout with QUERY_TIMEOUT, and the driver stays usable', async () => {
    const executor = new Executor(helper.driver, helper.database, { timeoutMs: 300 });
    const started = Date.now();

    const error = await failureOf(executor.read(SLOW_STATEMENT));

    expect(error).toBeInstanceOf(QueryTimeoutError);
    expect((error as QueryTimeoutError).extensions).toEqual({ code: 'QUERY_TIMEOUT', timeoutMs: 300 });
    // Neo4j checks timeouts on a timer (db.transaction.monitor.check.interval, 2 s by default).
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(await executor.read('RETURN 1 AS one')).toEqual([{ one: 1 }]);
  });

  it('applies the timeout to write transactions too', async () => {
    const executor = new Executor(helper.driver, helper.database, { timeoutMs: 300 });

    expect(await failureOf(executor.write(SLOW_STATEMENT))).toBeInstanceOf(QueryTimeoutError);
  });

  it('gives every request the default timeout of 5,000 ms', async () => {
    const { executor } = createContext({ driver: helper.driver, database: helper.database, maxPageSize: 100 });

    const error = await failureOf(executor.read(SLOW_STATEMENT));

    expect(error).toBeInstanceOf(QueryTimeoutError);
    expect((error as QueryTimeoutError).extensions.timeoutMs).toBe(5_000);
  });

  it.each([0, -1, 2.5, Number.NaN])('refuses a timeout of %s ms', (timeoutMs) => {
    expect(() => new Executor(helper.driver, helper.database, { timeoutMs })).toThrow(/timeoutMs must be a positive whole number/);
  });
});

describe('mapDriverError', () => {
  const driverError = (code: string) => new Neo4jError('message from Neo4j', code, 'gqlStatus', 'description');

  it.each([
    'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
    'Neo.ClientError.Transaction.TransactionTimedOut',
  ])('maps %s to QueryTimeoutError', (code) => {
    const mapped = mapDriverError(driverError(code), 1_234);

    expect(mapped).toBeInstanceOf(QueryTimeoutError);
    expect((mapped as QueryTimeoutError).message).toBe('The query did not finish within 1234 ms and was stopped; ask for fewer or smaller pages');
  });

  it('still maps the errors it mapped before', () => {
    expect(mapDriverError(driverError('ServiceUnavailable'))).toBeInstanceOf(DatabaseUnavailableError);
    expect(mapDriverError(driverError('Neo.ClientError.Schema.ConstraintValidationFailed'))).toBeInstanceOf(ConflictError);
    const other = driverError('Neo.ClientError.Statement.SyntaxError');
    expect(mapDriverError(other)).toBe(other);
  });
});
