/**
 * Bootstrap: config → (local Neo4j) → driver → migrations → seed → schema → server.
 * SIGTERM/SIGINT → stop taking requests, drain, close the driver, stop the Neo4j we started.
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';
import { createDriver } from './neo4j/driver';
import { Executor } from './neo4j/executor';
import { resolveNeo4j } from './neo4j/connect';
import { stopLocalNeo4j } from './neo4j/local/local-server';
import { migrate } from './neo4j/migrations';
import { createSchema } from './schema';
import { loadSeedIfWanted } from './seed/on-start';
import { createServer, GRAPHQL_PATH } from './server';

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
  const { uri, startedLocally } = await resolveNeo4j(config, (message) => logger.info(message));
  const driver = createDriver({
    uri,
    username: config.neo4j.username,
    password: config.neo4j.password,
    connectTimeoutMs: config.neo4j.connectTimeoutMs,
  });
  await driver.verifyConnectivity({ database: config.neo4j.database });

  const executor = new Executor(driver, config.neo4j.database);
  await migrate(executor);
  await loadSeedIfWanted(executor, config.seedOnStart, logger);

  const server = createServer({
    schema: await createSchema(),
    driver,
    database: config.neo4j.database,
    maxPageSize: config.maxPageSize,
    logger,
    queryLimits: config.queryLimits,
    queryTimeoutMs: config.queryTimeoutMs,
    httpTimeouts: config.http.timeouts,
    schemaExposure: config.schemaExposure,
  });
  await server.start();
  await new Promise<void>((resolve) => server.httpServer.listen(config.http.port, config.http.host, resolve));
  const url = `http://${config.http.host === '0.0.0.0' ? 'localhost' : config.http.host}:${config.http.port}${GRAPHQL_PATH}`;
  logger.info({ url, neo4j: uri }, 'coopgraph API ready: open the playground at this url');
  if (config.openPlayground) openInBrowser(url);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: draining requests in flight');
    try {
      await server.stop();
      await driver.close();
      if (startedLocally) await stopLocalNeo4j({ port: config.neo4j.localPort });
      logger.info('stopped');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`coopgraph failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
