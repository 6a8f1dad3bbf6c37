/**
 * Responsible for assembling the HTTP server from its dependencies: Apollo Server with
 * logging and error masking, the health endpoints, the network export (`/network`, through
 * the same Apollo server) and the offline playground. Tests build it without listening (and
 * may call `apollo.executeOperation`).
 */
import http from 'node:http';
import net from 'node:net';
import { randomUUID } from 'node:crypto';
import express from 'express';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { Driver } from 'neo4j-driver';
import { DEFAULT_HTTP_TIMEOUTS, DEFAULT_SHUTDOWN_GRACE_MS, type HttpTimeouts, type SchemaExposure } from './config';
import { withDeadline } from './deadline';
import { createContext, type Context } from './context';
import { echo, ErrorCode, formatError, isUnexpectedError, QueryTooComplexError, RETRY_AFTER_SECONDS } from './errors';
import { DEFAULT_QUERY_LIMITS, queryLimitOptions, type QueryLimits } from './limits/query-limits';
import type { Logger } from './logger';
import { Executor } from './neo4j/executor';
import { missingMigrations } from './neo4j/migrations';
import { NETWORK_PATH, networkRouter } from './modules/network/network.http';
import type { NetworkLimits } from './modules/network/network.type';
import { playgroundRouter } from './playground/playground';
import type { StartupGate } from './startup';

export const GRAPHQL_PATH = '/graphql';

// A load balancer's probe gives up after a few seconds, so /ready answers within this bound
// even when Neo4j does not (its check runs without a statement timeout).
const READINESS_TIMEOUT_MS = 3_000;

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
  /** Node's HTTP server timeouts; DEFAULT_HTTP_TIMEOUTS when absent. */
  httpTimeouts?: HttpTimeouts;
  /** Introspection and suggestions; both on when absent. */
  schemaExposure?: SchemaExposure;
  /** Closed while start-up waits for Neo4j, migrates and seeds; absent means ready at once. */
  startup?: StartupGate;
  /** Bounds of a `/network` answer; DEFAULT_NETWORK_LIMITS when absent. */
  networkLimits?: NetworkLimits;
  /** `/network` answers drawn at once; DEFAULT_NETWORK_CONCURRENCY when absent. */
  networkMaxConcurrent?: number;
}

// A query under the token limit is a few kilobytes; the cap only has to stop bodies that are not queries.
const MAX_BODY_BYTES = 1024 * 1024;

/** The error express.json raises for a body it refuses (see the body-parser README). */
interface BodyParserError {
  /** e.g. `entity.parse.failed`; absent on errors passed through from zlib (a bogus gzip body). */
  type?: string;
  status: number;
  limit?: number;
  /** The declared Content-Length; absent for a chunked body, where `received` says how far reading got. */
  length?: number;
  received?: number;
}

function isClientError(error: unknown): error is BodyParserError {
  const status = (error as BodyParserError | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

type ErrorBody = { message: string; extensions: Record<string, unknown> };

/**
 * Answers a request express or the body parser refused with a GraphQL-shaped JSON error instead
 * of express's HTML page (which carried a stack trace with file paths): PAYLOAD_TOO_LARGE (413, with
 * the limit `bodyBytes`, its maximum and what was measured) for a body too large, UNSUPPORTED_MEDIA_TYPE (415) for a charset or
 * content encoding it cannot decode, BAD_REQUEST for any other unreadable body, and
 * INTERNAL_SERVER_ERROR (500, logged) for anything else. No library message reaches the client.
 */
function jsonErrorHandler(logger: Logger): express.ErrorRequestHandler {
  return (error, _request, response, next) => {
    if (response.headersSent) {
      next(error);
      return;
    }
    let status: number;
    let body: ErrorBody;
    if (isClientError(error)) {
      status = error.status;
      if (error.type === 'entity.too.large') {
        const measured = error.length ?? error.received ?? null;
        // The message and the limit's details are the query limits' own; the code says what HTTP says.
        const refused = new QueryTooComplexError('bodyBytes', error.limit ?? MAX_BODY_BYTES, measured, error.length === undefined ? 'reading stopped there' : undefined);
        const { http: _http, ...extensions } = refused.extensions;
        body = { message: refused.message, extensions: { ...extensions, code: ErrorCode.PAYLOAD_TOO_LARGE } };
      } else if (status === 415) {
        body = { message: `The request body's ${error.type === 'charset.unsupported' ? 'charset' : 'content encoding'} is not supported; send UTF-8 JSON, plain or gzip/deflate`, extensions: { code: ErrorCode.UNSUPPORTED_MEDIA_TYPE } };
      } else {
        body = { message: `The request body could not be read as JSON (${error.type ?? 'body could not be decoded'})`, extensions: { code: ErrorCode.BAD_REQUEST } };
      }
      logger.warn({ status, type: error.type, length: error.length }, 'request body refused');
    } else {
      status = 500;
      body = { message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
      logger.error({ err: error }, 'unexpected error outside GraphQL');
    }
    response.status(status).json({ errors: [body] });
  };
}

/** Any path the server does not serve: a JSON 404 pointing at the API. */
function notFoundHandler(): express.RequestHandler {
  return (request, response) => {
    response.status(404).json({
      errors: [{ message: `Nothing is served at ${echo(request.path)}; the GraphQL API is at ${GRAPHQL_PATH}`, extensions: { code: ErrorCode.NOT_FOUND } }],
    });
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
export function createApolloServer(
  schema: GraphQLSchema,
  logger: Logger,
  limits: QueryLimits = DEFAULT_QUERY_LIMITS,
  exposure: SchemaExposure = { introspection: true, suggestions: true },
) {
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
    // On by default: analysts explore the schema in the playground. GRAPHQL_INTROSPECTION=false
    // and GRAPHQL_SUGGESTIONS=false hide the schema from a public deployment's clients.
    introspection: exposure.introspection,
    hideSchemaDetailsFromClientErrors: !exposure.suggestions,
    plugins: [
      ...limitOptions.plugins,
      requestLoggingPlugin(logger),
      ApolloServerPluginLandingPageDisabled(),
      // Apollo installs cache control by default; its per-field hook wraps every resolver of
      // every response, and the schema sets no cache hints for it to compute. The one header
      // it would have sent (`no-store`: answers change with every import) is set below.
      ApolloServerPluginCacheControlDisabled(),
    ],
  });
}

/** Builds the whole HTTP server; call `start()` before listening and `stop()` to drain. */
export function createServer(dependencies: ServerDependencies) {
  const { schema, driver, database, maxPageSize, logger, queryTimeoutMs } = dependencies;
  const app = express();
  app.disable('x-powered-by');
  // A client that sends its headers or body slowly (or a Content-Length it never fills) is cut off
  // with 408. Node checks those two timeouts on an interval (30 s by default): check every second.
  const timeouts = dependencies.httpTimeouts ?? DEFAULT_HTTP_TIMEOUTS;
  const httpServer = http.createServer(
    {
      headersTimeout: timeouts.headersTimeoutMs,
      requestTimeout: timeouts.requestTimeoutMs,
      keepAliveTimeout: timeouts.keepAliveTimeoutMs,
      connectionsCheckingInterval: 1_000,
    },
    app,
  );
  const apollo = createApolloServer(schema, logger, dependencies.queryLimits, dependencies.schemaExposure);
  // Responses not yet handed to the kernel completely, per connection: what a shutdown waits for.
  // (Node's own idea of an idle connection counts a response as done once end() is called, while
  // megabytes may still wait in its buffer for a slow reader.)
  const openResponses = new Map<net.Socket, number>();
  httpServer.on('connection', (socket: net.Socket) => {
    openResponses.set(socket, 0);
    socket.once('close', () => openResponses.delete(socket));
  });
  app.use((request, response, next) => {
    const { socket } = request;
    openResponses.set(socket, (openResponses.get(socket) ?? 0) + 1);
    // 'close' follows 'finish', which waits until the last byte was written to the socket.
    response.once('close', () => {
      if (openResponses.has(socket)) openResponses.set(socket, openResponses.get(socket)! - 1);
    });
    next();
  });
  const inFlight = () => [...openResponses.values()].reduce((sum, count) => sum + count, 0);
  const closeIdleConnections = () => {
    for (const [socket, count] of openResponses) if (count === 0) socket.destroy();
  };

  app.get('/health', (_request, response) => {
    response.json({ status: 'ok' });
  });

  const { startup } = dependencies;
  app.get('/ready', async (_request, response) => {
    if (startup && !startup.isOpen) {
      response.status(503).json({ status: 'not ready', reason: `starting: ${startup.reason}` });
      return;
    }
    try {
      const missing = await withDeadline(missingMigrations(new Executor(driver, database)), READINESS_TIMEOUT_MS, () => new Error(`no answer within ${READINESS_TIMEOUT_MS} ms`));
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

  const contextFor = (request: express.Request) => {
    const header = request.headers['x-request-id'];
    const requestId = typeof header === 'string' && /^[\w.-]{1,100}$/.test(header) ? header : randomUUID();
    return createContext({ driver, database, maxPageSize, queryTimeoutMs }, requestId);
  };
  // Until start-up has reached Neo4j, migrated and seeded, answer at once rather than half a graph.
  const whenStarted = (_request: express.Request, response: express.Response, next: express.NextFunction) => {
    if (!startup || startup.isOpen) {
      next();
      return;
    }
    response
      .status(503)
      .set('retry-after', String(RETRY_AFTER_SECONDS))
      .json({ errors: [{ message: `coopgraph is starting (${startup.reason}); try again shortly`, extensions: { code: ErrorCode.DATABASE_UNAVAILABLE } }] });
  };

  return {
    app,
    httpServer,
    apollo,
    /** Starts Apollo and mounts the GraphQL and network endpoints. */
    async start(): Promise<void> {
      await apollo.start();
      app.use(GRAPHQL_PATH, whenStarted, express.json({ limit: MAX_BODY_BYTES }), expressMiddleware(apollo, { context: async ({ req }) => contextFor(req) }));
      app.use(NETWORK_PATH, whenStarted, networkRouter({ apollo, contextFor, logger, bodyLimitBytes: MAX_BODY_BYTES, limits: dependencies.networkLimits, maxConcurrent: dependencies.networkMaxConcurrent }));
      // Registered last, so they see every route above (the playground and health endpoints too).
      app.use(notFoundHandler());
      app.use(jsonErrorHandler(logger));
    },
    /**
     * Stops taking connections, waits up to `graceMs` for every response in flight to be
     * written completely, then closes whatever is left and stops Apollo. Resolves with how
     * many requests were cut off (0 when all of them finished).
     */
    async stop(graceMs: number = DEFAULT_SHUTDOWN_GRACE_MS): Promise<{ cut: number }> {
      // net.Server's close, not http.Server's: that one first destroys every connection Node
      // thinks idle, cutting responses still being flushed to slow readers.
      const closed = new Promise<void>((resolve) => net.Server.prototype.close.call(httpServer, () => resolve()));
      // Connections end as soon as they have nothing in flight (keep-alive ones included).
      closeIdleConnections();
      const sweeper = setInterval(closeIdleConnections, 50);
      let timer: NodeJS.Timeout | undefined;
      const drained = await Promise.race([
        closed.then(() => true),
        new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), graceMs))),
      ]);
      clearTimeout(timer);
      clearInterval(sweeper);
      let cut = 0;
      if (!drained) {
        cut = inFlight();
        logger.warn({ cut, graceMs }, 'shutdown grace period over: cutting requests still in flight');
        httpServer.closeAllConnections();
        await closed;
      }
      await apollo.stop();
      return { cut };
    },
  };
}
