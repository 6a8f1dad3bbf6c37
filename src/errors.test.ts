import { ApolloServer } from '@apollo/server';
import {
  GraphQLError,
  GraphQLInt,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  locatedError,
  type GraphQLFormattedError,
} from 'graphql';
import { Neo4jError } from 'neo4j-driver';
import {
  BadUserInputError,
  ConflictError,
  DatabaseUnavailableError,
  ErrorCode,
  formatError,
  isUnexpectedError,
  NotFoundError,
  QueryTimeoutError,
  QueryTooComplexError,
} from './errors';

const MASKED = { message: 'Internal server error', code: 'INTERNAL_SERVER_ERROR' };

/** What Apollo hands formatError for an error a resolver threw at `path`, stack trace included. */
function asApolloWouldFormat(thrown: unknown, path: string[] = ['field']): [GraphQLFormattedError, unknown] {
  const error = locatedError(thrown, undefined, path);
  const formatted = error.toJSON();
  return [
    {
      ...formatted,
      extensions: { ...formatted.extensions, code: formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR', stacktrace: ['Error: …', '    at …'] },
    },
    error,
  ];
}

describe('formatError, called as Apollo calls it', () => {
  it.each([
    ['NotFoundError', new NotFoundError('Programme', 'no-such-programme'), 'NOT_FOUND'],
    ['BadUserInputError', new BadUserInputError('Argument "first" must be small', 'first'), 'BAD_USER_INPUT'],
    ['ConflictError', new ConflictError('A project with id "x" already exists'), 'CONFLICT'],
    ['DatabaseUnavailableError', new DatabaseUnavailableError(), 'DATABASE_UNAVAILABLE'],
    ['QueryTooComplexError', new QueryTooComplexError('depth', 12, 20), 'QUERY_TOO_COMPLEX'],
    ['QueryTimeoutError', new QueryTimeoutError(5_000), 'QUERY_TIMEOUT'],
  ])('passes a %s through with its code and message, without a stack trace', (_name, thrown, code) => {
    const [formatted, error] = asApolloWouldFormat(thrown, ['programme']);

    const result = formatError(formatted, error);

    expect(result.message).toBe(thrown.message);
    expect(result.extensions?.code).toBe(code);
    expect(result.extensions).not.toHaveProperty('stacktrace');
    expect(result.path).toEqual(['programme']);
    expect(isUnexpectedError(error)).toBe(false);
  });

  it('keeps the details a typed error carries for the client', () => {
    const [notFound, notFoundError] = asApolloWouldFormat(new NotFoundError('Programme', 'p-1'));
    expect(formatError(notFound, notFoundError).extensions).toEqual({ code: 'NOT_FOUND', type: 'Programme', id: 'p-1' });

    const [badInput, badInputError] = asApolloWouldFormat(new BadUserInputError('bad', 'after'));
    expect(formatError(badInput, badInputError).extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'after' });
  });

  it.each([
    ['an Error', new Error('connect ECONNREFUSED 10.1.2.3:7687 as neo4j/hunter2')],
    ['a TypeError', new TypeError("Cannot read properties of undefined (reading 'hunter2')")],
    ['a Neo4j driver error', new Neo4jError('Database does not exist. Database name: hunter2', 'Neo.ClientError.Database.DatabaseNotFound', 'gql', 'desc')],
    ['a GraphQLError with a code outside our set', new GraphQLError('hunter2 is forbidden', { extensions: { code: 'FORBIDDEN' } })],
    ['a GraphQLError that already says INTERNAL_SERVER_ERROR', new GraphQLError('hunter2 leaked', { extensions: { code: 'INTERNAL_SERVER_ERROR' } })],
    ['a GraphQLError without a code raised by a resolver', new GraphQLError('hunter2 leaked from a library')],
    ['a thrown string', 'hunter2'],
  ])('masks %s as an internal error', (_name, thrown) => {
    const [formatted, error] = asApolloWouldFormat(thrown, ['projects', '0', 'title']);

    const result = formatError(formatted, error);

    expect(result).toEqual({ message: MASKED.message, path: ['projects', '0', 'title'], extensions: { code: MASKED.code } });
    expect(JSON.stringify(result)).not.toContain('hunter2');
    expect(isUnexpectedError(error)).toBe(true);
  });

  it('does not treat graphql-js request errors (no code, no path) as unexpected', () => {
    expect(isUnexpectedError(new GraphQLError('Cannot query field "nope" on type "Query".'))).toBe(false);
    expect(isUnexpectedError(new GraphQLError('Syntax Error: Expected Name, found <EOF>.'))).toBe(false);
  });

  it('masks an error Apollo formatted without any code', () => {
    const error = new Error('secret detail');
    const result = formatError({ message: 'secret detail' }, error);

    expect(result.message).toBe(MASKED.message);
    expect(result.extensions).toEqual({ code: MASKED.code });
  });

  it.each([
    ['no extensions', { message: 'm' }, undefined],
    ['a null original error', { message: 'm', extensions: { code: 'NOT_FOUND' } }, null],
    ['a non-string code', { message: 'm', extensions: { code: 42 } }, new Error('x')],
    ['an object that is not an error', { message: 'm', extensions: { code: 'BAD_USER_INPUT' } }, { message: 'fake' }],
    ['extensions that are null', { message: 'm', extensions: null }, 'boom'],
    ['a GraphQLError whose extensions are empty', { message: 'm', path: [] }, new GraphQLError('x', { path: [] })],
  ])('never throws, given %s', (_name, formatted, error) => {
    let result: GraphQLFormattedError | undefined;
    expect(() => {
      result = formatError(formatted as unknown as GraphQLFormattedError, error);
    }).not.toThrow();
    expect(typeof result?.message).toBe('string');
    expect(Object.values(ErrorCode)).toContain(result?.extensions?.code);
  });
});

describe('formatError inside a real Apollo server', () => {
  const leaky = new Error('password=hunter2');
  const query = new GraphQLObjectType({
    name: 'Query',
    fields: {
      missing: {
        type: GraphQLString,
        args: { id: { type: new GraphQLNonNull(GraphQLString) } },
        resolve: (_root, { id }: { id: string }) => {
          throw new NotFoundError('Thing', id);
        },
      },
      broken: { type: GraphQLString, resolve: () => Promise.reject(leaky) },
      badOutput: { type: GraphQLInt, resolve: () => 'hunter2' },
      tooComplex: {
        type: GraphQLInt,
        resolve: () => {
          throw new QueryTooComplexError('depth', 12, 20);
        },
      },
      timedOut: {
        type: GraphQLInt,
        resolve: () => {
          throw new QueryTimeoutError(5_000);
        },
      },
      limited: {
        type: GraphQLInt,
        args: { first: { type: GraphQLInt } },
        resolve: (_root, { first }: { first?: number }) => first ?? 0,
      },
    },
  });
  const apollo = new ApolloServer({ schema: new GraphQLSchema({ query }), formatError, includeStacktraceInErrorResponses: true });

  beforeAll(() => apollo.start());
  afterAll(() => apollo.stop());

  async function errorsOf(source: string, variables?: Record<string, unknown>) {
    const response = await apollo.executeOperation({ query: source, variables });
    if (response.body.kind !== 'single') throw new Error('Unexpected incremental response');
    return response.body.singleResult.errors ?? [];
  }

  it('passes a typed resolver error with its code and no stack trace', async () => {
    const [error, ...rest] = await errorsOf('{ missing(id: "t-9") }');

    expect(rest).toEqual([]);
    expect(error).toMatchObject({ message: 'No Thing with id "t-9"', path: ['missing'], extensions: { code: 'NOT_FOUND' } });
    expect(error!.extensions).not.toHaveProperty('stacktrace');
  });

  it('passes a limit refusal with the limit, its value and the measurement, and no HTTP internals', async () => {
    const [error] = await errorsOf('{ tooComplex }');

    expect(error).toMatchObject({
      message: 'Query depth 20 exceeds the limit of 12',
      extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'depth', maximum: 12, measured: 20 },
    });
    expect(Object.keys(error!.extensions!).sort()).toEqual(['code', 'limit', 'maximum', 'measured']);
  });

  it('passes a timed-out statement as QUERY_TIMEOUT with the timeout', async () => {
    const [error] = await errorsOf('{ timedOut }');

    expect(error).toMatchObject({
      message: 'The query did not finish within 5000 ms and was stopped; ask for fewer or smaller pages',
      extensions: { code: 'QUERY_TIMEOUT', timeoutMs: 5000 },
    });
  });

  it('masks an unexpected resolver error, even with stack traces switched on', async () => {
    const [error] = await errorsOf('{ broken }');

    expect(error).toEqual({ message: MASKED.message, path: ['broken'], locations: [{ line: 1, column: 3 }], extensions: { code: MASKED.code } });
  });

  it('masks a response that does not serialise (a server bug, not the client’s)', async () => {
    const [error] = await errorsOf('{ badOutput }');

    expect(error).toMatchObject({ message: MASKED.message, extensions: { code: MASKED.code } });
    expect(JSON.stringify(error)).not.toContain('hunter2');
  });

  it('keeps validation errors, which tell the client what is wrong with its query', async () => {
    const [error] = await errorsOf('{ nosuchfield }');

    expect(error!.message).toContain('nosuchfield');
    expect(error!.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });

  it('keeps a missing required argument as a validation error', async () => {
    const [error] = await errorsOf('{ missing }');

    expect(error!.message).toContain('"id"');
    expect(error!.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });

  it('keeps parse errors', async () => {
    const [error] = await errorsOf('{ missing(');

    expect(error!.message).toMatch(/Syntax Error/);
    expect(error!.extensions).toEqual({ code: 'GRAPHQL_PARSE_FAILED' });
  });

  it('keeps variable coercion errors as BAD_USER_INPUT', async () => {
    const [error] = await errorsOf('query ($first: Int) { limited(first: $first) }', { first: 'many' });

    expect(error!.message).toContain('$first');
    expect(error!.extensions).toEqual({ code: 'BAD_USER_INPUT' });
  });
});
