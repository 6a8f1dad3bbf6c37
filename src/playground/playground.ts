/**
 * Responsible for the GraphiQL playground at GET /graphql, served entirely from the
 * project's own node_modules so it works with no internet access, with the example
 * operations from schema/operations/ opened as tabs.
 */
import fs from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';
import { fromRoot } from '../paths';

const ASSETS_PATH = '/playground-assets';

// Only these files are exposed from node_modules, each under a fixed name.
// React's `exports` map hides its UMD builds from require.resolve, so find them from package.json.
const packageFile = (name: string, file: string) => path.join(path.dirname(require.resolve(`${name}/package.json`)), file);
const assets: Record<string, string> = {
  'react.js': packageFile('react', 'umd/react.production.min.js'),
  'react-dom.js': packageFile('react-dom', 'umd/react-dom.production.min.js'),
  'graphiql.js': require.resolve('graphiql/graphiql.min.js'),
  'graphiql.css': require.resolve('graphiql/graphiql.min.css'),
};

interface Tab {
  query: string;
  variables?: string;
}

/** Reads the example operations (and their `.variables.json` where present) as playground tabs. */
export function exampleTabs(directory = fromRoot('schema', 'operations')): Tab[] {
  if (!fs.existsSync(directory)) return [];
  return fs
    .readdirSync(directory)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const variablesFile = path.join(directory, file.replace(/\.graphql$/, '.variables.json'));
      return {
        query: fs.readFileSync(path.join(directory, file), 'utf8'),
        ...(fs.existsSync(variablesFile) ? { variables: fs.readFileSync(variablesFile, 'utf8') } : {}),
      };
    });
}

function page(endpoint: string, tabs: Tab[]): string {
  // JSON inside a <script> must not be able to close the tag.
  const config = JSON.stringify({ endpoint, tabs }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>coopgraph playground</title>
  <link rel="stylesheet" href="${ASSETS_PATH}/graphiql.css">
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql">Loading the coopgraph playground…</div>
  <script src="${ASSETS_PATH}/react.js"></script>
  <script src="${ASSETS_PATH}/react-dom.js"></script>
  <script src="${ASSETS_PATH}/graphiql.js"></script>
  <script>
    const config = ${config};
    const fetcher = GraphiQL.createFetcher({ url: config.endpoint });
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, { fetcher, defaultTabs: config.tabs, defaultEditorToolsVisibility: true }),
    );
  </script>
</body>
</html>`;
}

/** Router serving the playground page (for browsers asking HTML at `endpoint`) and its assets. */
export function playgroundRouter(endpoint: string): Router {
  const router = express.Router();
  const html = page(endpoint, exampleTabs());
  router.get(endpoint, (request, response, next) => {
    // API clients (GET with a query, or asking for JSON) go on to Apollo.
    if (request.query.query !== undefined || request.accepts(['application/json', 'text/html']) !== 'text/html') {
      next();
      return;
    }
    response.type('html').send(html);
  });
  router.get(`${ASSETS_PATH}/:file`, (request, response) => {
    const file = assets[request.params.file];
    if (!file) {
      response.status(404).send('Not found');
      return;
    }
    response.sendFile(file, { maxAge: '1d' });
  });
  return router;
}
