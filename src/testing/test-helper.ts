/**
 * Responsible for integration tests' access to the real Neo4j and the GraphQL server:
 * it owns one driver and one Apollo server, runs operations through Apollo's
 * `executeOperation` (no HTTP), and reports how many Cypher statements each ran.
 */
import 'reflect-metadata';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode, type GraphQLFormattedError } from 'graphql';
import type { Driver } from 'neo4j-driver';
import { createContext } from '../context';
import { createLogger } from '../logger';
import { createDriver } from '../neo4j/driver';
import { Executor } from '../neo4j/executor';
import { createSchema } from '../schema';
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from '../limits/query-limits';
import { createApolloServer } from '../server';
import { byCodeUnits } from './compare';
import { testConnection } from './test-database';

export interface OperationResult<TData> {
  data: TData | null;
  errors: readonly GraphQLFormattedError[] | undefined;
  /** Cypher statements the request sent to Neo4j. */
  statements: number;
}

/**
 * Cost limit for tests that read every node of a type with its relationships in one request
 * (to compare them with the seed, or to count round trips for large results): far above the
 * server default, which would refuse them.
 */
export const WHOLE_GRAPH_COST = 1_000_000;

export class TestHelper {
  readonly driver: Driver;
  readonly database: string;
  private apollo?: Promise<ReturnType<typeof createApolloServer>>;

  /** Connects to the test database; the Apollo server starts on first use. */
  constructor(
    readonly maxPageSize = 100,
    private readonly limits: QueryLimits = DEFAULT_QUERY_LIMITS,
  ) {
    const connection = testConnection();
    this.driver = createDriver(connection);
    this.database = connection.database;
  }

  private server(): Promise<ReturnType<typeof createApolloServer>> {
    this.apollo ??= (async () => {
      const apollo = createApolloServer(await createSchema(), createLogger(process.env.TEST_LOG_LEVEL ?? 'error'), this.limits);
      await apollo.start();
      return apollo;
    })();
    return this.apollo;
  }

  /** An executor on the test database, for direct Cypher checks. */
  executor(): Executor {
    return new Executor(this.driver, this.database);
  }

  /** Runs one GraphQL operation with a fresh per-request context. */
  async execute<TData = Record<string, unknown>, TVariables extends Record<string, unknown> = Record<string, unknown>>(
    query: string | DocumentNode | TypedDocumentNode<TData, TVariables>,
    variables?: TVariables,
  ): Promise<OperationResult<TData>> {
    const contextValue = createContext({ driver: this.driver, database: this.database, maxPageSize: this.maxPageSize });
    const response = await (await this.server()).executeOperation<TData, TVariables>(
      { query: typeof query === 'string' ? query : print(query), variables },
      { contextValue },
    );
    if (response.body.kind !== 'single') throw new Error('Unexpected incremental response');
    return {
      data: (response.body.singleResult.data ?? null) as TData | null,
      errors: response.body.singleResult.errors,
      statements: contextValue.executor.statementCount,
    };
  }

  /** Runs an operation that must succeed and returns its data. */
  async data<TData = Record<string, unknown>, TVariables extends Record<string, unknown> = Record<string, unknown>>(
    query: string | DocumentNode | TypedDocumentNode<TData, TVariables>,
    variables?: TVariables,
  ): Promise<TData> {
    const result = await this.execute(query, variables);
    if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
    return result.data as TData;
  }

  /**
   * Every id a list query returns for `filter`, walking its pages (100 a page) by cursor;
   * totalCount must agree with what the pages held. In code-unit order, duplicates kept so
   * a node repeated across pages fails the comparison.
   */
  async listIds(list: string, filterType: string, filter: Record<string, unknown>): Promise<string[]> {
    type Page = { totalCount: number; nodes: Array<{ id: string }>; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
    const ids: string[] = [];
    let after: string | null = null;
    let totalCount = 0;
    for (;;) {
      const data: Record<string, Page> = await this.data<Record<string, Page>>(
        `query($filter: ${filterType}, $after: String) { ${list}(filter: $filter, first: 100, after: $after) { totalCount nodes { id } pageInfo { endCursor hasNextPage } } }`,
        { filter, after },
      );
      const page: Page = data[list];
      totalCount = page.totalCount;
      ids.push(...page.nodes.map((node) => node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(ids).toHaveLength(totalCount);
    return ids.sort(byCodeUnits);
  }

  /** Stops the server and closes the driver. */
  async close(): Promise<void> {
    if (this.apollo) await (await this.apollo).stop();
    await this.driver.close();
  }
}

/**
 * A TestHelper for the calling test file, closed after its tests. `limits` overrides query
 * limits for files whose queries read whole graphs on purpose (the limits have their own tests).
 */
export function useTestHelper(maxPageSize?: number, limits?: Partial<QueryLimits>): TestHelper {
  const helper = new TestHelper(maxPageSize, { ...DEFAULT_QUERY_LIMITS, ...limits });
  afterAll(() => helper.close());
  return helper;
}
