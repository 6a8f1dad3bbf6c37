/**
 * Responsible for reading the environment once at start-up. Every problem is
 * reported together so a misconfigured deployment fails loudly on the first try.
 */
import { z } from 'zod';
import { DEFAULT_QUERY_LIMITS, DEFAULT_QUERY_TIMEOUT_MS, type QueryLimits } from './limits/query-limits';
import { DEFAULT_CONNECT_TIMEOUT_MS } from './neo4j/driver';
import { DEFAULT_NETWORK_CONCURRENCY, DEFAULT_NETWORK_LIMITS, type NetworkLimits } from './modules/network/network.type';

const LOCAL_NEO4J_DEFAULT_PORT = 7687;

const portNumber = z.coerce
  .number({ message: 'must be a number' })
  .int('must be a whole number')
  .min(1, 'must be between 1 and 65535')
  .max(65535, 'must be between 1 and 65535');

/** A positive whole number with a default, for the query limits and the timeout. */
function positiveWhole(defaultValue: number) {
  return z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').default(defaultValue);
}

/** Node's HTTP server timeouts: a slow or stalled client cannot hold a socket for long. */
export interface HttpTimeouts {
  /** Time to receive the request's headers (Node: `headersTimeout`). */
  headersTimeoutMs: number;
  /** Time to receive the whole request, body included (Node: `requestTimeout`). */
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open (Node: `keepAliveTimeout`). */
  keepAliveTimeoutMs: number;
}

export const DEFAULT_HTTP_TIMEOUTS: HttpTimeouts = { headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000 };

/** How long a shutdown waits for responses in flight (SHUTDOWN_GRACE_MS). */
export const DEFAULT_SHUTDOWN_GRACE_MS = 30_000;

const environmentSchema = z.object({
  PORT: portNumber.default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  NEO4J_URI: z
    .string()
    .regex(
      /^(bolt|bolt\+s|bolt\+ssc|neo4j|neo4j\+s|neo4j\+ssc):\/\/[^\s]+$/,
      'must be a bolt://, bolt+s://, neo4j:// or neo4j+s:// URI',
    )
    .optional(),
  NEO4J_USERNAME: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().default('password'),
  NEO4J_DATABASE: z.string().min(1).default('neo4j'),
  NEO4J_LOCAL_PORT: portNumber.default(LOCAL_NEO4J_DEFAULT_PORT),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MAX_PAGE_SIZE: z.coerce.number().int().min(1).max(1000).default(100),
  SEED_ON_START: z.enum(['if-empty', 'always', 'never']).default('if-empty'),
  QUERY_MAX_TOKENS: positiveWhole(DEFAULT_QUERY_LIMITS.maxTokens),
  QUERY_MAX_DEPTH: positiveWhole(DEFAULT_QUERY_LIMITS.maxDepth),
  QUERY_MAX_ALIASES: positiveWhole(DEFAULT_QUERY_LIMITS.maxAliases),
  QUERY_MAX_DIRECTIVES: positiveWhole(DEFAULT_QUERY_LIMITS.maxDirectives),
  QUERY_MAX_COST: positiveWhole(DEFAULT_QUERY_LIMITS.maxCost),
  QUERY_TIMEOUT_MS: positiveWhole(DEFAULT_QUERY_TIMEOUT_MS),
  NEO4J_CONNECT_TIMEOUT_MS: positiveWhole(DEFAULT_CONNECT_TIMEOUT_MS),
  NEO4J_STARTUP_WAIT_MS: positiveWhole(60_000),
  SHUTDOWN_GRACE_MS: positiveWhole(DEFAULT_SHUTDOWN_GRACE_MS),
  HTTP_HEADERS_TIMEOUT_MS: positiveWhole(DEFAULT_HTTP_TIMEOUTS.headersTimeoutMs),
  HTTP_REQUEST_TIMEOUT_MS: positiveWhole(DEFAULT_HTTP_TIMEOUTS.requestTimeoutMs),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: positiveWhole(DEFAULT_HTTP_TIMEOUTS.keepAliveTimeoutMs),
  NETWORK_MAX_NODES: positiveWhole(DEFAULT_NETWORK_LIMITS.maxNodes),
  NETWORK_MAX_EDGES: positiveWhole(DEFAULT_NETWORK_LIMITS.maxEdges),
  NETWORK_MAX_PROJECTS: positiveWhole(DEFAULT_NETWORK_LIMITS.maxProjects),
  NETWORK_MAX_CONCURRENT: positiveWhole(DEFAULT_NETWORK_CONCURRENCY),
  GRAPHQL_INTROSPECTION: z.enum(['true', 'false']).default('true'),
  GRAPHQL_SUGGESTIONS: z.enum(['true', 'false']).default('true'),
  OPEN_PLAYGROUND: z.enum(['true', 'false']).optional(),
  CI: z.string().optional(),
});

/** What the schema tells clients about itself; both on by default, for the playground. */
export interface SchemaExposure {
  /** Introspection queries answered (the playground's docs and completion need them). */
  introspection: boolean;
  /** "Did you mean …?" suggestions in validation errors, which reveal field and type names. */
  suggestions: boolean;
}

export interface Config {
  http: { port: number; host: string; timeouts: HttpTimeouts };
  neo4j: {
    /** Absent when the project should start and use its own local Neo4j. */
    uri?: string;
    username: string;
    password: string;
    database: string;
    localPort: number;
    /** Connection and pool-acquisition timeout (3,000 ms). */
    connectTimeoutMs: number;
    /** How long start-up keeps retrying an unreachable Neo4j before it exits (60,000 ms). */
    startupWaitMs: number;
  };
  logLevel: z.infer<typeof environmentSchema>['LOG_LEVEL'];
  maxPageSize: number;
  seedOnStart: 'if-empty' | 'always' | 'never';
  /** Refused before any statement runs: 2,000 tokens, depth 12, 30 aliases, 20 directives, cost 20,000. */
  queryLimits: QueryLimits;
  /** Transaction timeout of each request's statements (5,000 ms). */
  queryTimeoutMs: number;
  /** Bounds of a `/network` answer: 10,000 nodes, 50,000 edges, 5,000 GraphQL-selected projects. */
  networkLimits: NetworkLimits;
  /** `/network` answers drawn at once (2); more are refused with 429 until one ends. */
  networkMaxConcurrent: number;
  /** Whether `npm start` opens the playground in a browser once the API listens. */
  openPlayground: boolean;
  schemaExposure: SchemaExposure;
  /** How long SIGTERM/SIGINT wait for responses in flight before cutting them (30,000 ms). */
  shutdownGraceMs: number;
}

/** Thrown when the environment is invalid; `problems` lists every variable at fault. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses and validates the environment into a typed Config, listing all problems at once. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings come from `FOO=` in shells and compose files; treat them as unset.
  const present = Object.fromEntries(
    Object.entries(environment).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const variable = issue.path.join('.');
        const value = present[variable];
        return `${variable}: ${issue.message}${value === undefined ? '' : ` (got "${value}")`}`;
      }),
    );
  }
  const env = parsed.data;
  return {
    http: {
      port: env.PORT,
      host: env.HOST,
      timeouts: {
        headersTimeoutMs: env.HTTP_HEADERS_TIMEOUT_MS,
        requestTimeoutMs: env.HTTP_REQUEST_TIMEOUT_MS,
        keepAliveTimeoutMs: env.HTTP_KEEP_ALIVE_TIMEOUT_MS,
      },
    },
    neo4j: {
      uri: env.NEO4J_URI,
      username: env.NEO4J_USERNAME,
      password: env.NEO4J_PASSWORD,
      database: env.NEO4J_DATABASE,
      localPort: env.NEO4J_LOCAL_PORT,
      connectTimeoutMs: env.NEO4J_CONNECT_TIMEOUT_MS,
      startupWaitMs: env.NEO4J_STARTUP_WAIT_MS,
    },
    logLevel: env.LOG_LEVEL,
    maxPageSize: env.MAX_PAGE_SIZE,
    seedOnStart: env.SEED_ON_START,
    queryLimits: {
      maxTokens: env.QUERY_MAX_TOKENS,
      maxDepth: env.QUERY_MAX_DEPTH,
      maxAliases: env.QUERY_MAX_ALIASES,
      maxDirectives: env.QUERY_MAX_DIRECTIVES,
      maxCost: env.QUERY_MAX_COST,
    },
    queryTimeoutMs: env.QUERY_TIMEOUT_MS,
    networkLimits: { maxNodes: env.NETWORK_MAX_NODES, maxEdges: env.NETWORK_MAX_EDGES, maxProjects: env.NETWORK_MAX_PROJECTS },
    networkMaxConcurrent: env.NETWORK_MAX_CONCURRENT,
    openPlayground: env.OPEN_PLAYGROUND ? env.OPEN_PLAYGROUND === 'true' : !env.CI && Boolean(process.stdout.isTTY),
    schemaExposure: { introspection: env.GRAPHQL_INTROSPECTION === 'true', suggestions: env.GRAPHQL_SUGGESTIONS === 'true' },
    shutdownGraceMs: env.SHUTDOWN_GRACE_MS,
  };
}
