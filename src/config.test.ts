import { ConfigError, loadConfig } from './config';

// Every expectation here comes from the documented environment contract, not from loadConfig's output.
function configError(environment: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(environment);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(environment)}`);
}

describe('loadConfig', () => {
  it('applies the defaults to an empty environment', () => {
    const config = loadConfig({ CI: 'true' });

    expect(config).toEqual({
      http: { port: 4000, host: '127.0.0.1', timeouts: { headersTimeoutMs: 10000, requestTimeoutMs: 30000, keepAliveTimeoutMs: 5000 } },
      neo4j: { uri: undefined, username: 'neo4j', password: 'password', database: 'neo4j', localPort: 7687, connectTimeoutMs: 3000, startupWaitMs: 60000 },
      logLevel: 'info',
      maxPageSize: 100,
      seedOnStart: 'if-empty',
      openPlayground: false,
      queryLimits: { maxTokens: 2000, maxDepth: 12, maxAliases: 30, maxDirectives: 20, maxCost: 20000 },
      queryTimeoutMs: 5000,
      networkLimits: { maxNodes: 10000, maxEdges: 50000, maxProjects: 5000 },
      networkMaxConcurrent: 2,
      schemaExposure: { introspection: true, suggestions: true },
      shutdownGraceMs: 30000,
    });
  });

  it('reads every variable it knows', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      NEO4J_URI: 'neo4j://graph.internal:7687',
      NEO4J_USERNAME: 'reader',
      NEO4J_PASSWORD: 's3cret',
      NEO4J_DATABASE: 'coop',
      NEO4J_LOCAL_PORT: '7700',
      LOG_LEVEL: 'debug',
      MAX_PAGE_SIZE: '250',
      SEED_ON_START: 'never',
      OPEN_PLAYGROUND: 'true',
      QUERY_MAX_TOKENS: '5000',
      QUERY_MAX_DEPTH: '15',
      QUERY_MAX_ALIASES: '40',
      QUERY_MAX_DIRECTIVES: '25',
      QUERY_MAX_COST: '50000',
      QUERY_TIMEOUT_MS: '30000',
      NEO4J_CONNECT_TIMEOUT_MS: '1500',
      NEO4J_STARTUP_WAIT_MS: '120000',
      HTTP_HEADERS_TIMEOUT_MS: '2000',
      HTTP_REQUEST_TIMEOUT_MS: '4000',
      HTTP_KEEP_ALIVE_TIMEOUT_MS: '1000',
      GRAPHQL_INTROSPECTION: 'false',
      GRAPHQL_SUGGESTIONS: 'false',
      SHUTDOWN_GRACE_MS: '5000',
      NETWORK_MAX_NODES: '2000',
      NETWORK_MAX_EDGES: '8000',
      NETWORK_MAX_PROJECTS: '300',
      NETWORK_MAX_CONCURRENT: '4',
      CI: 'true',
    });

    expect(config).toEqual({
      http: { port: 8080, host: '0.0.0.0', timeouts: { headersTimeoutMs: 2000, requestTimeoutMs: 4000, keepAliveTimeoutMs: 1000 } },
      neo4j: { uri: 'neo4j://graph.internal:7687', username: 'reader', password: 's3cret', database: 'coop', localPort: 7700, connectTimeoutMs: 1500, startupWaitMs: 120000 },
      logLevel: 'debug',
      maxPageSize: 250,
      seedOnStart: 'never',
      openPlayground: true,
      queryLimits: { maxTokens: 5000, maxDepth: 15, maxAliases: 40, maxDirectives: 25, maxCost: 50000 },
      queryTimeoutMs: 30000,
      networkLimits: { maxNodes: 2000, maxEdges: 8000, maxProjects: 300 },
      networkMaxConcurrent: 4,
      schemaExposure: { introspection: false, suggestions: false },
      shutdownGraceMs: 5000,
    });
  });

  it('never opens the playground on CI unless asked to', () => {
    expect(loadConfig({ CI: 'true' }).openPlayground).toBe(false);
    expect(loadConfig({ CI: 'true', OPEN_PLAYGROUND: 'true' }).openPlayground).toBe(true);
    expect(loadConfig({ OPEN_PLAYGROUND: 'false' }).openPlayground).toBe(false);
  });

  it('reports every problem at once, naming each variable', () => {
    const error = configError({ PORT: 'abc', NEO4J_URI: 'http://x', LOG_LEVEL: 'loud' });

    expect(error.problems).toHaveLength(3);
    for (const variable of ['PORT', 'NEO4J_URI', 'LOG_LEVEL']) {
      expect(error.problems.filter((problem) => problem.startsWith(`${variable}:`))).toHaveLength(1);
      expect(error.message).toContain(variable);
    }
    expect(error.problems.find((problem) => problem.startsWith('PORT:'))).toContain('"abc"');
    expect(error.problems.find((problem) => problem.startsWith('NEO4J_URI:'))).toContain('"http://x"');
    expect(error.problems.find((problem) => problem.startsWith('LOG_LEVEL:'))).toContain('"loud"');
  });

  it.each([
    ['PORT', '0'],
    ['PORT', '65536'],
    ['PORT', '80.5'],
    ['NEO4J_LOCAL_PORT', 'seven'],
    ['MAX_PAGE_SIZE', '0'],
    ['MAX_PAGE_SIZE', '1001'],
    ['SEED_ON_START', 'sometimes'],
    ['OPEN_PLAYGROUND', 'yes'],
    ['QUERY_MAX_TOKENS', '0'],
    ['QUERY_MAX_DEPTH', 'deep'],
    ['QUERY_MAX_ALIASES', '-1'],
    ['QUERY_MAX_DIRECTIVES', '2.5'],
    ['QUERY_MAX_COST', 'lots'],
    ['QUERY_TIMEOUT_MS', '0'],
    ['NEO4J_CONNECT_TIMEOUT_MS', '-5'],
    ['HTTP_REQUEST_TIMEOUT_MS', 'soon'],
    ['GRAPHQL_INTROSPECTION', 'no'],
    ['NEO4J_URI', 'localhost:7687'],
    ['NEO4J_URI', 'bolt://'],
    ['NEO4J_URI', 'bolt://host name:7687'],
  ])('rejects %s=%s', (variable, value) => {
    const error = configError({ [variable]: value });

    expect(error.problems).toEqual([expect.stringMatching(new RegExp(`^${variable}: `))]);
  });

  it.each([
    'bolt://localhost:7687',
    'bolt+s://graph.example.org:7687',
    'neo4j://10.0.0.5:7687',
    'neo4j+s://abcd1234.databases.neo4j.io',
    'neo4j+ssc://graph.example.org',
  ])('accepts NEO4J_URI=%s', (uri) => {
    expect(loadConfig({ NEO4J_URI: uri }).neo4j.uri).toBe(uri);
  });

  it('treats empty strings as unset', () => {
    const fromEmpty = loadConfig({
      PORT: '',
      HOST: '',
      NEO4J_URI: '',
      NEO4J_USERNAME: '',
      NEO4J_DATABASE: '',
      NEO4J_LOCAL_PORT: '',
      LOG_LEVEL: '',
      MAX_PAGE_SIZE: '',
      SEED_ON_START: '',
      OPEN_PLAYGROUND: '',
      QUERY_MAX_DEPTH: '',
      QUERY_TIMEOUT_MS: '',
      CI: 'true',
    });

    expect(fromEmpty).toEqual(loadConfig({ CI: 'true' }));
    expect(fromEmpty.neo4j.uri).toBeUndefined();
    expect(fromEmpty.http.port).toBe(4000);
  });

  it('ignores variables it does not know', () => {
    expect(loadConfig({ CI: 'true', PATH: '/usr/bin', HOME: '/root' })).toEqual(loadConfig({ CI: 'true' }));
  });
});
