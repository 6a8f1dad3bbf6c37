/**
 * Bootstrap: config → driver → server listening (/health, /ready saying why not yet) →
 * (local Neo4j) → wait for Neo4j with backoff → migrations → seed → GraphQL served.
 * SIGTERM/SIGINT → stop taking requests, drain, close the driver, stop the Neo4j we started.
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';
import { createDriver } from './neo4j/driver';
import { Executor } from './neo4j/executor';
import { resolveNeo4j } from './neo4j/connect';
import { localBoltUri, stopLocalNeo4j } from './neo4j/local/local-server';
import { migrate } from './neo4j/migrations';
import { createSchema } from './schema';
import { loadSeedIfWanted } from './seed/on-start';
import { createServer, GRAPHQL_PATH } from './server';
import { DatabaseNotReachedError, EXIT_DATABASE_NOT_REACHED, StartupGate, waitForNeo4j } from './startup';

/** Exit code of a shutdown that cut responses still in flight after SHUTDOWN_GRACE_MS. */
const EXIT_REQUESTS_CUT = 4;

// Opening a browser is a convenience for people at a desktop; failure to do so is not an error.
function openInBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const child = spawn(command, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => undefined);
  child.unref();
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  // The driver connects lazily, so it can exist before Neo4j does; the local URI is fixed by the port.
  const uri = config.neo4j.uri ?? localBoltUri(config.neo4j.localPort);
  const driver = createDriver({
    uri,
    username: config.neo4j.username,
    password: config.neo4j.password,
    connectTimeoutMs: config.neo4j.connectTimeoutMs,
  });
  const startup = new StartupGate(config.neo4j.uri ? `connecting to Neo4j at ${uri}` : 'starting the local Neo4j');
  const server = createServer({
    schema: await createSchema(),
    driver,
    database: config.neo4j.database,
    maxPageSize: config.maxPageSize,
    logger,
    queryLimits: config.queryLimits,
    queryTimeoutMs: config.queryTimeoutMs,
    networkLimits: config.networkLimits,
    networkMaxConcurrent: config.networkMaxConcurrent,
    httpTimeouts: config.http.timeouts,
    schemaExposure: config.schemaExposure,
    startup,
  });
  await server.start();
  // Listen first: /health answers and /ready says what start-up waits for while Neo4j starts.
  await new Promise<void>((resolve) => server.httpServer.listen(config.http.port, config.http.host, resolve));
  const url = `http://${config.http.host === '0.0.0.0' ? 'localhost' : config.http.host}:${config.http.port}${GRAPHQL_PATH}`;

  let startedLocally = false;
  let stopping = false;
  const shutdown = async (signal: string, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: draining requests in flight');
    try {
      const { cut } = await server.stop(config.shutdownGraceMs);
      await driver.close();
      if (startedLocally) await stopLocalNeo4j({ port: config.neo4j.localPort });
      logger.info({ cut }, 'stopped');
      // A shutdown that had to cut responses says so in its exit code (unless start-up already failed).
      process.exit(exitCode === 0 && cut > 0 ? EXIT_REQUESTS_CUT : exitCode);
    } catch (error) {
      logger.error({ err: error }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  try {
    startedLocally = (await resolveNeo4j(config, (message) => logger.info(message), true)).startedLocally;
    startup.waitingFor(`connecting to Neo4j at ${uri}`);
    await waitForNeo4j(driver, uri, config.neo4j.database, {
      deadlineMs: config.neo4j.startupWaitMs,
      onRetry: (attempt, error, delayMs) => {
        startup.waitingFor(`Neo4j at ${uri} does not answer (attempt ${attempt}: ${error.message}); retrying`);
        logger.warn({ attempt, delayMs, err: { message: error.message } }, 'Neo4j does not answer yet; retrying');
      },
    });
    const executor = new Executor(driver, config.neo4j.database);
    startup.waitingFor('applying migrations');
    await migrate(executor);
    startup.waitingFor('loading the seed graph');
    await loadSeedIfWanted(executor, config.seedOnStart, logger);
  } catch (error) {
    const reached = !(error instanceof DatabaseNotReachedError);
    logger.fatal({ err: { message: (error as Error).message } }, reached ? 'start-up failed' : 'start-up gave up waiting for Neo4j');
    process.stderr.write(`coopgraph failed to start: ${(error as Error).message}\n`);
    await shutdown('start-up failure', reached ? 1 : EXIT_DATABASE_NOT_REACHED);
    return;
  }
  startup.open();
  logger.info({ url, neo4j: uri }, 'coopgraph API ready: open the playground at this url');
  if (config.openPlayground) openInBrowser(url);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`coopgraph failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
