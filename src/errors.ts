/**
 * Responsible for the closed set of error codes clients can see, the typed errors
 * that carry them, and the formatter that masks everything unexpected.
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';

/** Every `extensions.code` a client of coopgraph can receive. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  QUERY_TIMEOUT: 'QUERY_TIMEOUT',
  GRAPHQL_PARSE_FAILED: 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  BAD_REQUEST: 'BAD_REQUEST',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  OPERATION_RESOLUTION_FAILURE: 'OPERATION_RESOLUTION_FAILURE',
  PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
  PERSISTED_QUERY_NOT_SUPPORTED: 'PERSISTED_QUERY_NOT_SUPPORTED',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const knownCodes = new Set<string>(Object.values(ErrorCode));

/** Base class of the errors we raise on purpose; their messages are safe to show. */
/** Longest piece of client input an error message repeats. */
export const MAX_ECHO_LENGTH = 80;

/**
 * Client input as an error message repeats it: cut to MAX_ECHO_LENGTH characters and marked
 * with `…`, so a 10 KB id or cursor does not come back (and land in logs) whole.
 */
export function echo(input: string): string {
  return input.length > MAX_ECHO_LENGTH ? `${input.slice(0, MAX_ECHO_LENGTH)}…` : input;
}

export abstract class CoopgraphError extends GraphQLError {
  abstract readonly code: ErrorCode;
}

/** An argument or input value is wrong; `argument` names which one. */
export class BadUserInputError extends CoopgraphError {
  readonly code = ErrorCode.BAD_USER_INPUT;
  constructor(message: string, argument?: string) {
    super(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, ...(argument ? { argument } : {}) } });
  }
}

/** A node asked for by id does not exist. */
export class NotFoundError extends CoopgraphError {
  readonly code = ErrorCode.NOT_FOUND;
  constructor(type: string, id: string) {
    super(`No ${type} with id "${echo(id)}"`, { extensions: { code: ErrorCode.NOT_FOUND, type, id: echo(id) } });
  }
}

/** A write would break a uniqueness constraint. */
export class ConflictError extends CoopgraphError {
  readonly code = ErrorCode.CONFLICT;
  constructor(message: string) {
    super(message, { extensions: { code: ErrorCode.CONFLICT } });
  }
}

/** Seconds a client is asked to wait (`Retry-After`) when the database is unavailable. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * Neo4j cannot be reached or does not answer; retrying later may succeed. The response is
 * HTTP 503 with `Retry-After`, so monitors and load balancers that watch status codes see it.
 */
export class DatabaseUnavailableError extends CoopgraphError {
  readonly code = ErrorCode.DATABASE_UNAVAILABLE;
  constructor() {
    super('The graph database is unavailable; try again shortly', {
      // Apollo turns `http` into the response status and headers and removes it from what the client sees.
      extensions: {
        code: ErrorCode.DATABASE_UNAVAILABLE,
        http: { status: 503, headers: new Map([['retry-after', String(RETRY_AFTER_SECONDS)]]) },
      },
    });
  }
}

/**
 * The query limits a request can exceed (see src/limits/query-limits.ts); `bodyBytes` is the HTTP
 * body size; `network*` bound a network export (src/modules/network/network.limits.ts).
 */
export type QueryLimitName = 'tokens' | 'depth' | 'aliases' | 'directives' | 'cost' | 'bodyBytes' | 'networkProjects' | 'networkNodes' | 'networkEdges';

const QUERY_LIMIT_LABELS: Record<QueryLimitName, string> = {
  tokens: 'Query token count',
  depth: 'Query depth',
  aliases: 'Query alias count',
  directives: 'Query directive count',
  cost: 'Query cost',
  bodyBytes: 'Request body size in bytes',
  networkProjects: 'Network project count',
  networkNodes: 'Network node count',
  networkEdges: 'Network edge count',
};

/**
 * A request exceeds one of the query limits; raised before any statement runs. `measured` is null
 * only when the measurement itself was cut short; `detail` says how it was measured when that matters.
 */
export class QueryTooComplexError extends CoopgraphError {
  readonly code = ErrorCode.QUERY_TOO_COMPLEX;
  constructor(
    readonly limit: QueryLimitName,
    readonly maximum: number,
    readonly measured: number | null,
    detail?: string,
    httpStatus = 400,
  ) {
    const label = QUERY_LIMIT_LABELS[limit];
    const head = measured === null ? `${label} exceeds the limit of ${maximum}` : `${label} ${measured} exceeds the limit of ${maximum}`;
    super(detail ? `${head} (${detail})` : head, {
      // Apollo turns `http` into the response status and removes it from what the client sees.
      extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, limit, maximum, measured, http: { status: httpStatus } },
    });
  }
}

/** An operation type the schema has no root for (mutation, subscription): a client mistake, HTTP 400. */
export class UnsupportedOperationError extends CoopgraphError {
  readonly code = ErrorCode.BAD_REQUEST;
  constructor(operationType: string) {
    super(`This API answers queries only; ${operationType} operations are not supported`, {
      extensions: { code: ErrorCode.BAD_REQUEST, http: { status: 400 } },
    });
  }
}

/** A statement ran longer than the transaction timeout and Neo4j stopped it. */
export class QueryTimeoutError extends CoopgraphError {
  readonly code = ErrorCode.QUERY_TIMEOUT;
  constructor(readonly timeoutMs: number | undefined) {
    const within = timeoutMs === undefined ? 'within the database transaction timeout' : `within ${timeoutMs} ms`;
    super(`The query did not finish ${within} and was stopped; ask for fewer or smaller pages`, {
      extensions: { code: ErrorCode.QUERY_TIMEOUT, ...(timeoutMs === undefined ? {} : { timeoutMs }) },
    });
  }
}

/** True when an error is one the server should log as unexpected (and mask for clients). */
export function isUnexpectedError(error: unknown): boolean {
  const original = unwrapResolverError(error);
  if (original instanceof CoopgraphError) return false;
  if (original instanceof GraphQLError) {
    const code = original.extensions?.code;
    if (typeof code === 'string') return !knownCodes.has(code) || code === ErrorCode.INTERNAL_SERVER_ERROR;
    // Without a code, an error about the request itself (parse, validation, variables) has no path;
    // one raised while executing a field (a resolver, a library, serialising the result) is ours.
    return error instanceof GraphQLError && error.path !== undefined;
  }
  return true;
}

/**
 * Apollo `formatError`: passes known errors through without stack traces and masks
 * everything else as INTERNAL_SERVER_ERROR. Never throws.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : undefined;
  const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
  if (isUnexpectedError(error) || code === undefined || !knownCodes.has(code)) {
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  }
  return { ...formatted, extensions };
}
