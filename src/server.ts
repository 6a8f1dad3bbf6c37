/**
 * Responsible for assembling the HTTP server from its dependencies: Apollo Server with
 * logging and error masking, the health endpoints and the offline playground. Tests
 * build it without listening (and may call `apollo.executeOperation`).
 */
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import express from 'express';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { Driver } from 'neo4j-driver';
import { createContext, type Context } from './context';
import { ErrorCode, formatError, isUnexpectedError, QueryTooComplexError } from './errors';
import { DEFAULT_QUERY_LIMITS, queryLimitOptions, type QueryLimits } from './limits/query-limits';
import type { Logger } from './logger';
import { Executor } from './neo4j/executor';
import { missingMigrations } from './neo4j/migrations';
import { playgroundRouter } from './playground/playground';

export const GRAPHQL_PATH = '/graphql';

// The driver retries failed reads for up to 30 s; a load balancer's probe gives up far sooner.
const READINESS_TIMEOUT_MS = 3_000;

function withTimeout<T>(work: Promise<T>, milliseconds: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${milliseconds} ms`)), milliseconds);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export interface ServerDependencies {
  schema: GraphQLSchema;
  driver: Driver;
  database: string;
  maxPageSize: number;
  logger: Logger;
  /** Limits checked before a request runs; DEFAULT_QUERY_LIMITS when absent. */
  queryLimits?: QueryLimits;
  /** Transaction timeout of each request's statements; 5,000 ms when absent. */
  queryTimeoutMs?: number;
}

// A query under the token limit is a few kilobytes; the cap only has to stop bodies that are not queries.
const MAX_BODY_BYTES = 1024 * 1024;

/** The error express.json raises for a body it refuses (see the body-parser README). */
interface BodyParserError {
  type: string;
  status: number;
  limit?: number;
  /** The declared Content-Length; absent for a chunked body, where `received` says how far reading got. */
  length?: number;
  received?: number;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return typeof error === 'object' && error !== null && typeof (error as BodyParserError).type === 'string' && typeof (error as BodyParserError).status === 'number';
}

/**
 * Answers a body express.json refused with a GraphQL-shaped JSON error instead of express's HTML
 * page: QUERY_TOO_COMPLEX (limit `bodyBytes`) when it is too large, BAD_REQUEST when it is not JSON.
 */
function bodyErrorHandler(logger: Logger): express.ErrorRequestHandler {
  return (error, _request, response, next) => {
    // A 5xx from the body parser is our fault, not the client's: leave it to express (and the logs).
    if (!isBodyParserError(error) || error.status >= 500) {
      next(error);
      return;
    }
    let body: { message: string; extensions: Record<string, unknown> };
    if (error.type === 'entity.too.large') {
      const measured = error.length ?? error.received ?? null;
      const refused = new QueryTooComplexError('bodyBytes', error.limit ?? MAX_BODY_BYTES, measured, error.length === undefined ? 'reading stopped there' : undefined);
      const { http: _http, ...extensions } = refused.extensions;
      body = { message: refused.message, extensions };
    } else {
      body = { message: `The request body could not be read as JSON (${error.type})`, extensions: { code: ErrorCode.BAD_REQUEST } };
    }
    logger.warn({ status: error.status, type: error.type, length: error.length }, 'request body refused');
    response.status(error.status).json({ errors: [body] });
  };
}

/** Logs one line per request (id, operation, duration, Cypher statements) and every unexpected error. */
function requestLoggingPlugin(logger: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      return {
        async didEncounterErrors({ errors, operationName }) {
          for (const error of errors) {
            if (isUnexpectedError(error)) {
              logger.error({ requestId: contextValue.requestId, operationName, err: error.originalError ?? error }, 'unexpected error');
            }
          }
        },
        async willSendResponse({ operationName, response, errors }) {
          const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
          response.http.headers.set('x-request-id', contextValue.requestId);
          response.http.headers.set('cache-control', 'no-store');
          logger.info(
            {
              requestId: contextValue.requestId,
              operationName: operationName ?? null,
              durationMs: Math.round(durationMs * 10) / 10,
              cypherStatements: contextValue.executor.statementCount,
              errors: errors?.length ?? 0,
            },
            'graphql request',
          );
        },
      };
    },
  };
}

/** Builds the Apollo server (not started) for the schema, refusing requests over `limits`. */
export function createApolloServer(schema: GraphQLSchema, logger: Logger, httpServer?: http.Server, limits: QueryLimits = DEFAULT_QUERY_LIMITS) {
  const limitOptions = queryLimitOptions(limits);
  return new ApolloServer<Context>({
    schema,
    formatError,
    parseOptions: limitOptions.parseOptions,
    validationRules: limitOptions.validationRules,
    includeStacktraceInErrorResponses: false,
    // index.ts owns SIGTERM/SIGINT (drain, close the driver, stop a local Neo4j). Apollo's own
    // handlers would race it: a second concurrent stop() never returns, so shutdown would hang.
    stopOnTerminationSignals: false,
    // Introspection stays on: analysts explore the schema in the playground.
    introspection: true,
    plugins: [
      ...limitOptions.plugins,
      requestLoggingPlugin(logger),
      ApolloServerPluginLandingPageDisabled(),
      // Apollo installs cache control by default; its per-field hook wraps every resolver of
      // every response, and the schema sets no cache hints for it to compute. The one header
      // it would have sent (`no-store`: answers change with every import) is set below.
      ApolloServerPluginCacheControlDisabled(),
      ...(httpServer ? [ApolloServerPluginDrainHttpServer({ httpServer })] : []),
    ],
  });
}

/** Builds the whole HTTP server; call `start()` before listening and `stop()` to drain. */
export function createServer(dependencies: ServerDependencies) {
  const { schema, driver, database, maxPageSize, logger, queryTimeoutMs } = dependencies;
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const apollo = createApolloServer(schema, logger, httpServer, dependencies.queryLimits);

  app.get('/health', (_request, response) => {
    response.json({ status: 'ok' });
  });

  app.get('/ready', async (_request, response) => {
    try {
      const missing = await withTimeout(missingMigrations(new Executor(driver, database)), READINESS_TIMEOUT_MS);
      if (missing.length > 0) {
        response.status(503).json({ status: 'not ready', reason: 'migrations not applied', missing });
        return;
      }
      response.json({ status: 'ready' });
    } catch (error) {
      logger.warn({ err: error }, 'readiness check failed');
      response.status(503).json({ status: 'not ready', reason: 'Neo4j is not reachable' });
    }
  });

  app.use(playgroundRouter(GRAPHQL_PATH));

  return {
    app,
    httpServer,
    apollo,
    /** Starts Apollo and mounts the GraphQL endpoint. */
    async start(): Promise<void> {
      await apollo.start();
      app.use(
        GRAPHQL_PATH,
        express.json({ limit: MAX_BODY_BYTES }),
        expressMiddleware(apollo, {
          context: async ({ req }) => {
            const header = req.headers['x-request-id'];
            const requestId = typeof header === 'string' && /^[\w.-]{1,100}$/.test(header) ? header : randomUUID();
            return createContext({ driver, database, maxPageSize, queryTimeoutMs }, requestId);
          },
        }),
        bodyErrorHandler(logger),
      );
    },
    /** Stops taking requests, lets those in flight finish, then stops Apollo. */
    async stop(): Promise<void> {
      await apollo.stop();
    },
  };
}
