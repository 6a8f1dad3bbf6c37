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
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { Driver } from 'neo4j-driver';
import { createContext, type Context } from './context';
import { formatError, isUnexpectedError } from './errors';
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

/** Builds the Apollo server (not started) for the schema. */
export function createApolloServer(schema: GraphQLSchema, logger: Logger, httpServer?: http.Server) {
  return new ApolloServer<Context>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    // index.ts owns SIGTERM/SIGINT (drain, close the driver, stop a local Neo4j). Apollo's own
    // handlers would race it: a second concurrent stop() never returns, so shutdown would hang.
    stopOnTerminationSignals: false,
    // Introspection stays on: analysts explore the schema in the playground.
    introspection: true,
    plugins: [
      requestLoggingPlugin(logger),
      ApolloServerPluginLandingPageDisabled(),
      ...(httpServer ? [ApolloServerPluginDrainHttpServer({ httpServer })] : []),
    ],
  });
}

/** Builds the whole HTTP server; call `start()` before listening and `stop()` to drain. */
export function createServer(dependencies: ServerDependencies) {
  const { schema, driver, database, maxPageSize, logger } = dependencies;
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const apollo = createApolloServer(schema, logger, httpServer);

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
        express.json({ limit: '1mb' }),
        expressMiddleware(apollo, {
          context: async ({ req }) => {
            const header = req.headers['x-request-id'];
            const requestId = typeof header === 'string' && /^[\w.-]{1,100}$/.test(header) ? header : randomUUID();
            return createContext({ driver, database, maxPageSize }, requestId);
          },
        }),
      );
    },
    /** Stops taking requests, lets those in flight finish, then stops Apollo. */
    async stop(): Promise<void> {
      await apollo.stop();
    },
  };
}
