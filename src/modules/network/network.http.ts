/**
 * Responsible for `/network`: a network file over HTTP. `GET /network?nodes=…&programme=…`
 * draws it from filters; `POST /network?nodes=…` takes a GraphQL request as its JSON body,
 * runs it through the same Apollo server as /graphql (so its limits apply) and draws the
 * network over the Project objects of the result (selected with `__typename` and `id`).
 * Every refusal is JSON in the shape of a GraphQL error: 400 for the request, 503 when
 * Neo4j is unavailable.
 */
import type { ApolloServer } from '@apollo/server';
import express from 'express';
import { GraphQLError, parse } from 'graphql';
import type { Context } from '../../context';
import { CoopgraphError, ErrorCode, isUnexpectedError, RETRY_AFTER_SECONDS } from '../../errors';
import type { Logger } from '../../logger';
import { CONTENT_TYPES, edgesCsv, nodesCsv, toGraphml } from './network.format';
import { type NetworkOption, parseNetworkOptions, type ParsedNetworkOptions } from './network.options';
import { projectIdsIn, selectsTypename } from './project-ids';
import { DEFAULT_NETWORK_CONCURRENCY, type NetworkLimits } from './network.type';

export const NETWORK_PATH = '/network';

/** Query parameters `/network` reads (the CLI's options in camelCase; the bounds cannot be raised). */
const PARAMETERS: readonly NetworkOption[] = ['nodes', 'format', 'table', 'programme', 'region', 'theme', 'dataset', 'minWeight', 'level'];

export interface NetworkRouterDependencies {
  apollo: ApolloServer<Context>;
  /** The per-request context /graphql would build for this request (request id, executor, loaders). */
  contextFor: (request: express.Request) => Context;
  logger: Logger;
  bodyLimitBytes: number;
  /** DEFAULT_NETWORK_LIMITS when absent; a client cannot raise them. */
  limits?: NetworkLimits;
  /** Answers drawn at once; DEFAULT_NETWORK_CONCURRENCY when absent. */
  maxConcurrent?: number;
}

type ErrorBody = { message: string; extensions: Record<string, unknown> };

class NetworkRefusal extends Error {
  constructor(
    readonly status: number,
    readonly errors: readonly ErrorBody[],
  ) {
    super(errors.map((error) => error.message).join('; '));
  }
}

const badRequest = (message: string, argument: string) => new NetworkRefusal(400, [{ message, extensions: { code: ErrorCode.BAD_USER_INPUT, argument } }]);

/** The query string as network options; unknown, repeated or bad parameters are refused together. */
function optionsOf(query: express.Request['query'], limits: NetworkLimits | undefined): ParsedNetworkOptions {
  const problems: ErrorBody[] = [];
  const values: Partial<Record<NetworkOption, string>> = {};
  for (const [name, value] of Object.entries(query)) {
    const option = PARAMETERS.find((candidate) => candidate === name);
    if (!option) problems.push({ message: `Unknown parameter ${name.slice(0, 80)}; /network reads ${PARAMETERS.join(', ')}`, extensions: { code: ErrorCode.BAD_USER_INPUT, argument: name.slice(0, 80) } });
    else if (typeof value !== 'string') problems.push({ message: `Parameter ${name} must be given once`, extensions: { code: ErrorCode.BAD_USER_INPUT, argument: name } });
    else values[option] = value;
  }
  const parsed = parseNetworkOptions(values, (option) => option, { limits });
  for (const problem of parsed.problems) {
    problems.push({ message: problem.message, extensions: { code: ErrorCode.BAD_USER_INPUT, ...(problem.option ? { argument: problem.option } : {}) } });
  }
  if (problems.length > 0 || !parsed.options) throw new NetworkRefusal(400, problems);
  return parsed.options;
}

/** The GraphQL request a POST body holds: `query`, optional `variables` and `operationName`. */
function graphqlRequestOf(body: unknown): { query: string; variables?: Record<string, unknown>; operationName?: string } {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw badRequest('The body must be a JSON GraphQL request: {"query": "…", "variables": {…}}', 'body');
  const { query, variables, operationName } = body as Record<string, unknown>;
  if (typeof query !== 'string') throw badRequest('The body has no "query" string', 'query');
  if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) throw badRequest('"variables" must be an object', 'variables');
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') throw badRequest('"operationName" must be a string', 'operationName');
  return { query, variables: (variables ?? undefined) as Record<string, unknown> | undefined, operationName: operationName ?? undefined };
}

/** Runs the GraphQL request as /graphql would and returns the Project ids of its result. */
async function projectIdsSelectedBy(apollo: ApolloServer<Context>, body: unknown, context: Context): Promise<string[]> {
  const request = graphqlRequestOf(body);
  const response = await apollo.executeOperation(request, { contextValue: context });
  if (response.body.kind !== 'single') throw badRequest('Incremental delivery (@defer, @stream) is not supported here', 'query');
  const { data, errors } = response.body.singleResult;
  if (errors && errors.length > 0) {
    const unavailable = errors.some((error) => error.extensions?.code === ErrorCode.DATABASE_UNAVAILABLE);
    // A network over part of a result would look complete: any error refuses the whole request.
    throw new NetworkRefusal(unavailable ? 503 : 400, errors as ErrorBody[]);
  }
  const ids = projectIdsIn(data);
  if (ids.length === 0 && !selectsTypename(parse(request.query))) {
    throw badRequest('The query selects no __typename: select `__typename id` on the projects the network is drawn from (e.g. projects { nodes { __typename id } })', 'query');
  }
  return ids;
}

/** A refusal as the JSON body and status clients get; unexpected errors are logged and masked. */
function refusalOf(error: unknown, logger: Logger, requestId: string): NetworkRefusal {
  if (error instanceof NetworkRefusal) return error;
  if (error instanceof CoopgraphError && !isUnexpectedError(error)) {
    const { http: _http, ...extensions } = error.extensions as Record<string, unknown>;
    return new NetworkRefusal(error.code === ErrorCode.DATABASE_UNAVAILABLE ? 503 : 400, [{ message: error.message, extensions: { ...extensions, code: error.code } }]);
  }
  logger.error({ requestId, err: error instanceof GraphQLError ? (error.originalError ?? error) : error }, 'unexpected error in a network request');
  return new NetworkRefusal(500, [{ message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }]);
}

/** The `/network` routes; mount under NETWORK_PATH. */
export function networkRouter({ apollo, contextFor, logger, bodyLimitBytes, limits, maxConcurrent = DEFAULT_NETWORK_CONCURRENCY }: NetworkRouterDependencies): express.Router {
  const router = express.Router();
  let drawing = 0;

  const answer = (select?: (request: express.Request, context: Context) => Promise<string[]>) => async (request: express.Request, response: express.Response) => {
    const started = process.hrtime.bigint();
    const context = contextFor(request);
    response.set('x-request-id', context.requestId).set('cache-control', 'no-store');
    if (drawing >= maxConcurrent) {
      response
        .status(429)
        .set('retry-after', '1')
        .json({ errors: [{ message: `${maxConcurrent} network answers are being drawn; retry in a moment`, extensions: { code: ErrorCode.TOO_MANY_REQUESTS, limit: 'networkConcurrent', maximum: maxConcurrent } }] });
      return;
    }
    drawing += 1;
    try {
      const options = optionsOf(request.query, limits);
      const projectIds = select ? await select(request, context) : undefined;
      const network = await context.repositories.network.network({ ...options.request, scope: { ...options.request.scope, ...(projectIds ? { projectIds } : {}) } });
      const body = options.format === 'graphml' ? toGraphml(network) : options.table === 'nodes' ? nodesCsv(network) : edgesCsv(network);
      const file = `coopgraph-${network.nodes}${options.format === 'csv' ? `-${options.table}.csv` : '.graphml'}`;
      response
        .status(200)
        .set('content-type', CONTENT_TYPES[options.format])
        .set('content-disposition', `attachment; filename="${file}"`)
        .set('x-network-projects', String(network.projectCount))
        .set('x-network-nodes', String(network.nodeList.length))
        .set('x-network-edges', String(network.edgeList.length))
        .send(body);
      logger.info(
        {
          requestId: context.requestId,
          nodes: network.nodes,
          format: options.format,
          projects: network.projectCount,
          nodeCount: network.nodeList.length,
          edgeCount: network.edgeList.length,
          durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
          cypherStatements: context.executor.statementCount,
        },
        'network request',
      );
    } catch (error) {
      const refusal = refusalOf(error, logger, context.requestId);
      if (refusal.status === 503) response.set('retry-after', String(RETRY_AFTER_SECONDS));
      response.status(refusal.status).json({ errors: refusal.errors });
    } finally {
      drawing -= 1;
    }
  };

  router.get('/', answer());
  router.post('/', express.json({ limit: bodyLimitBytes }), answer((request, context) => projectIdsSelectedBy(apollo, request.body, context)));
  router.all('/', (request, response) => {
    response.status(405).set('allow', 'GET, POST').json({ errors: [{ message: `${request.method.slice(0, 20)} is not supported on ${NETWORK_PATH}; use GET or POST`, extensions: { code: ErrorCode.BAD_REQUEST } }] });
  });
  return router;
}
