/**
 * Responsible for serving the benchmark's peer (`@neo4j/graphql` over the bench database)
 * on its own port, in a child process so its latency and memory are its own.
 * Environment: NEO4J_URI (required), PEER_PORT (default 4101).
 */
import http from 'node:http';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { createDriver } from '../neo4j/driver';
import { createPeerSchema } from './peer';

async function main(): Promise<void> {
  const uri = process.env.NEO4J_URI;
  if (!uri) throw new Error('peer-server: NEO4J_URI is required');
  const port = Number(process.env.PEER_PORT ?? 4101);
  // The same driver settings as coopgraph, so neither side gets a different pool or socket.
  const driver = createDriver({ uri, username: 'neo4j', password: 'password' });
  const apollo = new ApolloServer({ schema: await createPeerSchema(driver) });
  await apollo.start();
  const app = express();
  app.get('/health', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(apollo, { context: async () => ({}) }));
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  process.stdout.write(`peer listening on http://127.0.0.1:${port}/graphql\n`);
  process.on('SIGTERM', () => {
    void apollo.stop().then(() => driver.close()).finally(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`peer-server failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
