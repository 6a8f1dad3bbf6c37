/**
 * Responsible for talking to the three sides during a benchmark: GraphQL over HTTP
 * (coopgraph and the peer, each a child process), Cypher over Bolt (the floor), and
 * the child processes themselves (start, wait until healthy, read RSS, stop).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import readline from 'node:readline';
import type { Driver } from 'neo4j-driver';
import { Executor, type Row } from '../neo4j/executor';
import { fromRoot } from '../paths';
import type { CypherRequest, GraphQLRequest } from './operations';

/** A GraphQL answer: `data` and, when something failed, the messages of `errors`. */
export interface GraphQLAnswer {
  data: unknown;
  errors?: string[];
}

// The API sides' client: node:http over kept-alive sockets. Node 20's fetch (undici) spent
// ~1 ms more of this 2-core machine per request than node:http, time that belongs to neither API.
const keptAlive = new http.Agent({ keepAlive: true });

/** POSTs `body` as JSON and reads the whole answer. */
function post(url: string, body: string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: 'POST', agent: keptAlive, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** POSTs one GraphQL request; HTTP failures and GraphQL errors both come back as `errors`. */
export async function postGraphQL(url: string, request: GraphQLRequest, requestId?: string): Promise<GraphQLAnswer> {
  const response = await post(url, JSON.stringify(request), requestId ? { 'x-request-id': requestId } : {});
  const text = response.text;
  let body: { data?: unknown; errors?: Array<{ message: string }> };
  try {
    body = JSON.parse(text);
  } catch {
    return { data: null, errors: [`HTTP ${response.status}: ${text.slice(0, 300)}`] };
  }
  const errors = body.errors?.map((error) => error.message);
  return { data: body.data ?? null, ...(errors?.length ? { errors } : {}) };
}

/** Runs the floor's statement; every floor statement returns exactly one row. */
export async function runFloor(driver: Driver, request: CypherRequest): Promise<Row> {
  const rows = await new Executor(driver, 'neo4j').read(request.cypher, request.parameters);
  if (rows.length !== 1) throw new Error(`floor statement returned ${rows.length} rows, expected 1`);
  return rows[0];
}

/** A server child process and what it logged. */
export interface ServerProcess {
  name: string;
  child: ChildProcess;
  url: string;
  /** Cypher statements per request id, from coopgraph's `graphql request` log lines. */
  statementsByRequest: Map<string, number>;
  /** The last lines of output, for the error message when it dies. */
  tail: string[];
}

/** Starts `node <script>` from the project root with `env` added, and waits until `/health` answers. */
export async function startServer(name: string, script: string, port: number, env: Record<string, string>): Promise<ServerProcess> {
  const entry = fromRoot(script);
  if (!fs.existsSync(entry)) throw new Error(`${name}: ${entry} is missing; run \`npm run build\` first`);
  const child = spawn(process.execPath, [entry], {
    cwd: fromRoot(),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const server: ServerProcess = {
    name,
    child,
    url: `http://127.0.0.1:${port}/graphql`,
    statementsByRequest: new Map(),
    tail: [],
  };
  const remember = (line: string) => {
    server.tail.push(line);
    if (server.tail.length > 20) server.tail.shift();
  };
  readline.createInterface({ input: child.stdout! }).on('line', (line) => {
    remember(line);
    if (!line.startsWith('{')) return;
    try {
      const entry = JSON.parse(line) as { msg?: string; requestId?: string; cypherStatements?: number };
      if (entry.msg === 'graphql request' && entry.requestId) {
        server.statementsByRequest.set(entry.requestId, Number(entry.cypherStatements));
      }
    } catch {
      // Not a log line of ours; kept in the tail only.
    }
  });
  readline.createInterface({ input: child.stderr! }).on('line', remember);

  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`${name} exited with code ${child.exitCode} before answering:\n  ${server.tail.join('\n  ')}`);
    }
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health`);
      if (response.ok) return server;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`${name} did not answer /health on port ${port} within 120 s:\n  ${server.tail.join('\n  ')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Resident and peak resident memory of a process, from /proc (Linux). */
export function memoryOf(pid: number | undefined): { rssBytes: number; peakRssBytes: number } | null {
  if (pid === undefined) return null;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return { rssBytes: kib('VmRSS'), peakRssBytes: kib('VmHWM') };
  } catch {
    return null;
  }
}

/** Stops a server child with SIGTERM (SIGKILL after 10 s). */
export async function stopServer(server: ServerProcess): Promise<void> {
  const { child } = server;
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
