/**
 * Responsible for one benchmark run: start the bench Neo4j, generate and load the graph,
 * start coopgraph and the peer, find each side's cursors, check that the three sides
 * give the same answers, then measure latency, throughput, statements, database hits
 * and memory. Returns the figures; writing and printing them is report.ts's job.
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { graphql } from 'graphql';
import { int, type Driver } from 'neo4j-driver';
import { createContext } from '../context';
import { createLogger } from '../logger';
import { createDriver } from '../neo4j/driver';
import { Executor } from '../neo4j/executor';
import { startLocalNeo4j, stopLocalNeo4j } from '../neo4j/local/local-server';
import { fromRoot } from '../paths';
import { createSchema } from '../schema';
import { createApolloServer } from '../server';
import * as floor from './floor';
import { generateGraph, type GeneratedGraph } from './generate';
import { loadGraph, type LoadFigures } from './load';
import { alternatingLatency, httpThroughput, loopThroughput, type Percentiles, type Throughput } from './measure';
import { type GraphQLRequest, type Operation, type Setup, type Side, OPERATIONS, SIDES } from './operations';
import { createPeerSchema } from './peer';
import { type ProfiledStatement, profiledRun, profilingDriver } from './profiled-driver';
import { memoryOf, postGraphQL, runFloor, startServer, stopServer, type ServerProcess } from './sides';

export interface BenchOptions {
  scale: number;
  /** Sequential requests per side and operation (after the warm-up). */
  requests: number;
  warmup: number;
  /** Seconds of each throughput run; 0 skips throughput. */
  throughputSeconds: number;
  connections: number;
  neo4jDir: string;
  neo4jPort: number;
  apiPort: number;
  peerPort: number;
  resultsDir: string;
  /** Reuse the graph already in the bench database (it must be the same scale). */
  skipLoad: boolean;
  /** Keys of the operations to measure (all of them when absent), for iterating on a few. */
  only?: readonly string[];
  /** Longest time spent walking pages to find a side's last-page cursor. */
  walkLimitMs: number;
  log: (line: string) => void;
}

/** One side's figures for one operation. */
export interface SideFigures {
  /** Why the side could not answer; its timings are then absent. */
  error?: string;
  /** Set when the side answered differently from the floor. */
  mismatch?: string;
  latency?: Percentiles;
  throughput?: Throughput;
  statements?: number;
  dbHits?: number;
}

export interface OperationFigures {
  key: string;
  title: string;
  sides: Record<Side, SideFigures>;
}

export interface BenchResult {
  scale: number;
  startedAt: string;
  durationMs: number;
  machine: { cores: number; memoryGiB: number; cpu: string; node: string; java: string; neo4j: string };
  options: Pick<BenchOptions, 'requests' | 'warmup' | 'throughputSeconds' | 'connections'>;
  graph: GeneratedGraph;
  load: LoadFigures | null;
  setup: Setup;
  operations: OperationFigures[];
  /** True when --only left some operations out. */
  partial: boolean;
  memory: Record<'coopgraph' | 'peer', { rssBytes: number; peakRssBytes: number } | null>;
  /** Every answer mismatch and side error, for the loud summary. */
  problems: string[];
}

const PAGE_WALK = 100;
const MIN_PROGRAMMES = 3;
const REGION_ID = 'DE';
const PAGE5_SKIP = 80;

/** First line of `java -version` (it prints to stderr). */
function javaVersionLine(): string {
  try {
    return execFileSync('sh', ['-c', 'java -version 2>&1'], { encoding: 'utf8' }).split('\n')[0].trim();
  } catch {
    return 'unknown';
  }
}

/** Finds, per side, the cursor a client would hold before the last page and before page 5 of h. */
async function findSetup(
  options: BenchOptions,
  driver: Driver,
  graph: GeneratedGraph,
  urls: Record<'coopgraph' | 'peer', string>,
): Promise<Setup> {
  const busiest = await runFloor(driver, { cypher: floor.busiestOrganization, parameters: {} });
  const depth = await runFloor(driver, { cypher: floor.regionDepth, parameters: { regionId: REGION_ID } });
  const setup: Setup = {
    regionId: REGION_ID,
    regionDepth: Number(depth.depth),
    textWord: graph.textWord,
    organizationId: String(busiest.id),
    organizationParticipations: Number(busiest.participations),
    minProgrammes: MIN_PROGRAMMES,
    cursors: { coopgraph: {}, peer: {}, floor: {} },
    notes: [],
  };
  const last = await runFloor(driver, { cypher: floor.lastPageCursor, parameters: { first: int(floor.PAGE) } });
  setup.cursors.floor.lastPage = String(last.after);
  const page5 = await runFloor(driver, {
    cypher: floor.participationCursor,
    parameters: { organizationId: setup.organizationId, skip: int(PAGE5_SKIP) },
  });
  setup.cursors.floor.participationsPage5 = page5.after === null ? undefined : String(page5.after);

  const walks: Record<'coopgraph' | 'peer', { list: string; query: string; extra: Record<string, unknown> }> = {
    coopgraph: {
      list: 'projects',
      query: `query($after: String) { projects(first: ${PAGE_WALK}, after: $after) { totalCount edges { cursor } pageInfo { endCursor hasNextPage } } }`,
      extra: {},
    },
    peer: {
      list: 'projectsConnection',
      query: `query($after: String, $sort: [ProjectSort!]) { projectsConnection(first: ${PAGE_WALK}, after: $after, sort: $sort) { totalCount edges { cursor } pageInfo { endCursor hasNextPage } } }`,
      extra: { sort: [{ sortTitle: 'ASC' }] },
    },
  };
  for (const side of ['coopgraph', 'peer'] as const) {
    try {
      setup.cursors[side].lastPage = await walkToLastPage(urls[side], walks[side], options.walkLimitMs);
    } catch (error) {
      const reason = (error as Error).message;
      const constructed = side === 'peer' ? await offsetCursorBeforeLastPage(urls.peer, walks.peer) : undefined;
      if (constructed) {
        setup.cursors.peer.lastPage = constructed;
        setup.notes.push(`peer: walking its pages failed (${reason.slice(0, 200)}); its last-page cursor was built from its own offset format instead`);
      } else {
        options.log(`  ${side}: no last-page cursor: ${reason}`);
        setup.notes.push(`${side}: no last-page cursor: ${reason.slice(0, 300)}`);
      }
    }
  }
  const page5Walks: Record<'coopgraph' | 'peer', GraphQLRequest & { pick: (data: Json) => unknown }> = {
    coopgraph: {
      query: `query($id: ID!, $after: String) { organization(id: $id) { participations(first: 20, after: $after) { pageInfo { endCursor } } } }`,
      variables: { id: setup.organizationId },
      pick: (data) => data?.organization?.participations?.pageInfo?.endCursor,
    },
    peer: {
      query: `query($id: ID!, $after: String) { organizations(where: { id: { eq: $id } }) { projectsConnection(first: 20, after: $after, sort: [{ node: { sortTitle: ASC } }]) { pageInfo { endCursor } } } }`,
      variables: { id: setup.organizationId },
      pick: (data) => data?.organizations?.[0]?.projectsConnection?.pageInfo?.endCursor,
    },
  };
  for (const side of ['coopgraph', 'peer'] as const) {
    let after: string | undefined;
    try {
      for (let pageNumber = 0; pageNumber < PAGE5_SKIP / floor.PAGE; pageNumber += 1) {
        const answer = await postGraphQL(urls[side], { query: page5Walks[side].query, variables: { ...page5Walks[side].variables, after } });
        if (answer.errors) throw new Error(answer.errors.join('; '));
        const next = page5Walks[side].pick(answer.data);
        if (typeof next !== 'string') throw new Error('no endCursor in the answer');
        after = next;
      }
      setup.cursors[side].participationsPage5 = after;
    } catch (error) {
      options.log(`  ${side}: no page-5 cursor for ${setup.organizationId}: ${(error as Error).message}`);
    }
  }
  return setup;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** Walks every page of 100 as a client would and returns the cursor before the last 20 items. */
async function walkToLastPage(
  url: string,
  walk: { list: string; query: string; extra: Record<string, unknown> },
  limitMs: number,
): Promise<string> {
  const started = performance.now();
  const cursors: string[] = [];
  let after: string | undefined;
  let total = 0;
  for (;;) {
    const answer = await postGraphQL(url, { query: walk.query, variables: { ...walk.extra, after } });
    if (answer.errors) throw new Error(answer.errors.join('; '));
    const list = (answer.data as Json)?.[walk.list];
    total = list.totalCount;
    cursors.push(...list.edges.map((edge: Json) => String(edge.cursor)));
    if (!list.pageInfo.hasNextPage) break;
    after = list.pageInfo.endCursor;
    if (performance.now() - started > limitMs) {
      throw new Error(`walking ${cursors.length} of ${total} items took over ${Math.round(limitMs / 1000)} s; giving up`);
    }
  }
  if (cursors.length !== total) throw new Error(`walked ${cursors.length} items but totalCount is ${total}`);
  return cursors[total - floor.PAGE - 1];
}

/**
 * @neo4j/graphql cursors are offsets ("arrayconnection:<n>", base64); when walking fails,
 * the cursor a walk would have reached is built from the first page's cursor format.
 */
async function offsetCursorBeforeLastPage(
  url: string,
  walk: { list: string; query: string; extra: Record<string, unknown> },
): Promise<string | undefined> {
  const answer = await postGraphQL(url, { query: walk.query, variables: walk.extra });
  const list = (answer.data as Json)?.[walk.list];
  const cursor = list?.pageInfo?.endCursor;
  if (typeof cursor !== 'string' || !/^arrayconnection:\d+$/.test(Buffer.from(cursor, 'base64').toString())) return undefined;
  return Buffer.from(`arrayconnection:${list.totalCount - floor.PAGE - 1}`).toString('base64');
}

/** A short description of where two normalised answers first differ. */
export function describeDifference(expected: unknown, actual: unknown, where = 'answer'): string | null {
  if (JSON.stringify(expected) === JSON.stringify(actual)) return null;
  if (Array.isArray(expected) && Array.isArray(actual)) {
    for (let index = 0; index < Math.max(expected.length, actual.length); index += 1) {
      const difference = describeDifference(expected[index], actual[index], `${where}[${index}]`);
      if (difference) return expected.length === actual.length ? difference : `${difference} (lengths ${actual.length} vs ${expected.length})`;
    }
  }
  if (expected && actual && typeof expected === 'object' && typeof actual === 'object' && !Array.isArray(expected)) {
    for (const key of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
      const difference = describeDifference((expected as Json)[key], (actual as Json)[key], `${where}.${key}`);
      if (difference) return difference;
    }
  }
  const show = (value: unknown) => (JSON.stringify(value) ?? 'undefined').slice(0, 160);
  return `${where}: got ${show(actual)}, floor has ${show(expected)}`;
}

interface Callers {
  coopgraph: (operation: Operation, requestId?: string) => Promise<unknown>;
  peer: (operation: Operation) => Promise<unknown>;
  floor: (operation: Operation) => Promise<unknown>;
}

/** In-process runs of coopgraph and the peer over a profiling driver: statements and db hits per operation. */
async function profileOperations(driver: Driver, setup: Setup, operations: readonly Operation[]) {
  const sink: ProfiledStatement[] = [];
  const profiled = profilingDriver(driver, sink);
  const apollo = createApolloServer(await createSchema(), createLogger('silent'));
  await apollo.start();
  const peerSchema = await createPeerSchema(profiled);
  const results = new Map<string, Record<Side, { statements: number; dbHits: number } | { error: string }>>();
  try {
    for (const operation of operations) {
      const measure = async (run: () => Promise<void>) => {
        sink.length = 0;
        try {
          await run();
          return { statements: sink.length, dbHits: sink.reduce((sum, statement) => sum + statement.dbHits, 0) };
        } catch (error) {
          return { error: (error as Error).message };
        }
      };
      const coopgraph = await measure(async () => {
        const request = operation.coopgraph(setup);
        const contextValue = createContext({ driver: profiled, database: 'neo4j', maxPageSize: 100 });
        const response = await apollo.executeOperation(request, { contextValue });
        if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
        const errors = response.body.singleResult.errors;
        if (errors?.length) throw new Error(errors.map((error) => error.message).join('; '));
      });
      const peer = await measure(async () => {
        const request = operation.peer(setup);
        const result = await graphql({ schema: peerSchema, source: request.query, variableValues: request.variables, contextValue: {} });
        if (result.errors?.length) throw new Error(result.errors.map((error) => error.message).join('; '));
      });
      const floorFigures = await measure(async () => {
        const request = operation.floor(setup);
        const session = driver.session({ database: 'neo4j', defaultAccessMode: 'READ' });
        try {
          await session.executeRead((tx) => profiledRun(tx, request.cypher, request.parameters, sink));
        } finally {
          await session.close();
        }
      });
      results.set(operation.key, { coopgraph, peer, floor: floorFigures });
    }
  } finally {
    await apollo.stop();
  }
  return results;
}

/** Runs the whole benchmark and returns its figures. */
export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const { log } = options;
  log(`Bench at ${options.scale} projects: starting the bench Neo4j (${options.neo4jDir}, port ${options.neo4jPort})`);
  const neo4j = await startLocalNeo4j({ dir: options.neo4jDir, port: options.neo4jPort, onProgress: (line) => log(`  ${line}`) });
  const driver = createDriver({ uri: neo4j.uri, username: 'neo4j', password: 'password' });
  const servers: ServerProcess[] = [];
  try {
    const graph = generateGraph(options.scale, path.join(options.resultsDir, `data-${options.scale}`));
    log(`Graph in ${graph.folder}: ${Object.entries(graph.rows).filter(([, n]) => n > 0).map(([file, n]) => `${path.basename(file, '.csv')} ${n}`).join(', ')}`);
    let load: LoadFigures | null = null;
    if (options.skipLoad) {
      const [row] = await new Executor(driver, 'neo4j').read('MATCH (p:Project) RETURN count(p) AS projects');
      if (Number(row.projects) !== options.scale) {
        throw new Error(`--skip-load: the bench database holds ${row.projects} projects, not ${options.scale}; run without --skip-load`);
      }
      log('Reusing the graph already loaded (--skip-load)');
    } else {
      log('Emptying the bench database, migrating, loading…');
      let lastPhase = '';
      load = await loadGraph(new Executor(driver, 'neo4j'), graph.folder, (progress) => {
        const phase = `${progress.phase} ${progress.file ?? ''}`.trim();
        if (phase !== lastPhase) log(`  ${phase} (${progress.rowsDone}/${progress.rowsTotal})`);
        lastPhase = phase;
      });
      log(`Loaded ${load.rows} rows in ${(load.durationMs / 1000).toFixed(1)} s with ${load.loader}, peak RSS ${(load.peakRssBytes / 2 ** 20).toFixed(0)} MiB`);
    }

    log(`Starting coopgraph (port ${options.apiPort}) and the peer @neo4j/graphql (port ${options.peerPort})`);
    const [coopgraph, peer] = await Promise.all([
      startServer('coopgraph', path.join('dist', 'src', 'index.js'), options.apiPort, {
        NEO4J_URI: neo4j.uri,
        SEED_ON_START: 'never',
        PORT: String(options.apiPort),
        HOST: '127.0.0.1',
        OPEN_PLAYGROUND: 'false',
        LOG_LEVEL: 'info',
      }),
      startServer('peer', path.join('dist', 'src', 'bench', 'peer-server.js'), options.peerPort, {
        NEO4J_URI: neo4j.uri,
        PEER_PORT: String(options.peerPort),
      }),
    ]);
    servers.push(coopgraph, peer);

    log('Setup: cursors, the busiest organization, the region depth');
    const setup = await findSetup(options, driver, graph, { coopgraph: coopgraph.url, peer: peer.url });
    log(`  ${setup.organizationId} has ${setup.organizationParticipations} participations; ${setup.regionId} has ${setup.regionDepth} levels below it`);

    const callers: Callers = {
      coopgraph: async (operation, requestId) => {
        const answer = await postGraphQL(coopgraph.url, operation.coopgraph(setup), requestId);
        if (answer.errors) throw new Error(answer.errors.join('; '));
        return answer.data;
      },
      peer: async (operation) => {
        const answer = await postGraphQL(peer.url, operation.peer(setup));
        if (answer.errors) throw new Error(answer.errors.join('; '));
        return answer.data;
      },
      floor: (operation) => runFloor(driver, operation.floor(setup)),
    };

    const problems: string[] = [];
    const figures: OperationFigures[] = [];
    log('Checking answers, then timing each operation (sides alternate request by request)');
    const operations = options.only ? OPERATIONS.filter((operation) => options.only!.includes(operation.key)) : OPERATIONS;
    for (const operation of operations) {
      const sides = Object.fromEntries(SIDES.map((side) => [side, {} as SideFigures])) as Record<Side, SideFigures>;
      const answers = new Map<Side, unknown>();
      for (const side of SIDES) {
        try {
          answers.set(side, operation.normalise[side](await callers[side](operation, `bench-check-${operation.key}`)));
        } catch (error) {
          sides[side].error = (error as Error).message.slice(0, 300);
          problems.push(`${operation.key} ${side}: ERROR ${sides[side].error}`);
        }
      }
      if (answers.has('floor')) {
        for (const side of ['coopgraph', 'peer'] as const) {
          if (!answers.has(side)) continue;
          const difference = describeDifference(answers.get('floor'), answers.get(side));
          if (difference) {
            sides[side].mismatch = difference;
            problems.push(`${operation.key} ${side}: MISMATCH ${difference}`);
          }
        }
      }
      const timed = SIDES.filter((side) => !sides[side].error);
      const latencies = await alternatingLatency(
        new Map(timed.map((side) => [side, (round: number) => callers[side](operation, `bench-${operation.key}-${round}`)])),
        options.requests,
        options.warmup,
      );
      for (const side of timed) sides[side].latency = latencies.get(side);
      const coopgraphCounts = [...coopgraph.statementsByRequest]
        .filter(([id]) => id.startsWith(`bench-${operation.key}-`))
        .map(([, count]) => count);
      if (coopgraphCounts.length > 0) sides.coopgraph.statements = Math.max(...coopgraphCounts);
      if (!sides.floor.error) sides.floor.statements = 1;
      const show = (side: Side) => (sides[side].latency ? `${sides[side].latency!.p50.toFixed(1)} ms` : 'error');
      log(`  ${operation.key} ${operation.title}: p50 coopgraph ${show('coopgraph')}, peer ${show('peer')}, floor ${show('floor')}`);
      figures.push({ key: operation.key, title: operation.title, sides });
    }

    if (options.throughputSeconds > 0) {
      log(`Throughput: ${options.connections} connections, ${options.throughputSeconds} s per side and operation`);
      for (const figure of figures) {
        const operation = OPERATIONS.find((candidate) => candidate.key === figure.key)!;
        for (const side of SIDES) {
          if (figure.sides[side].error) continue;
          figure.sides[side].throughput =
            side === 'floor'
              ? await loopThroughput(() => callers.floor(operation), options.connections, options.throughputSeconds)
              : await httpThroughput(
                  (side === 'coopgraph' ? coopgraph : peer).url,
                  JSON.stringify(side === 'coopgraph' ? operation.coopgraph(setup) : operation.peer(setup)),
                  options.connections,
                  options.throughputSeconds,
                );
        }
        const rate = (side: Side) => figure.sides[side].throughput?.requestsPerSecond.toFixed(0) ?? '-';
        log(`  ${figure.key}: req/s coopgraph ${rate('coopgraph')}, peer ${rate('peer')}, floor ${rate('floor')}`);
      }
    }
    const memory = { coopgraph: memoryOf(coopgraph.child.pid), peer: memoryOf(peer.child.pid) };

    log('Profiling (PROFILE of every statement each side sends, in-process)');
    const profiles = await profileOperations(driver, setup, operations);
    for (const figure of figures) {
      for (const side of SIDES) {
        const profile = profiles.get(figure.key)?.[side];
        if (!profile || 'error' in profile) continue;
        figure.sides[side].dbHits = profile.dbHits;
        // coopgraph's count comes from its own log lines; the profiled run checks the peer's.
        if (side === 'peer') figure.sides[side].statements = profile.statements;
        if (side === 'coopgraph' && figure.sides.coopgraph.statements === undefined) figure.sides.coopgraph.statements = profile.statements;
      }
    }

    const cpu = os.cpus()[0]?.model ?? 'unknown';
    return {
      scale: options.scale,
      startedAt,
      durationMs: performance.now() - started,
      machine: {
        cores: os.cpus().length,
        memoryGiB: Math.round(os.totalmem() / 2 ** 30),
        cpu,
        node: process.version,
        java: javaVersionLine(),
        neo4j: neo4j.version,
      },
      options: {
        requests: options.requests,
        warmup: options.warmup,
        throughputSeconds: options.throughputSeconds,
        connections: options.connections,
      },
      graph,
      load,
      setup,
      operations: figures,
      partial: operations.length < OPERATIONS.length,
      memory,
      problems,
    };
  } finally {
    for (const server of servers) await stopServer(server);
    await driver.close();
    if (!neo4j.reused) {
      log('Stopping the bench Neo4j (this run started it)');
      await stopLocalNeo4j({ dir: options.neo4jDir, port: options.neo4jPort, onProgress: () => undefined });
    }
  }
}

/** Defaults for a run at `scale`; the folders are git-ignored. */
export function defaultOptions(scale: number, log: (line: string) => void): BenchOptions {
  return {
    scale,
    requests: 100,
    warmup: 10,
    throughputSeconds: 5,
    connections: 10,
    neo4jDir: fromRoot('src', 'neo4j', 'local', 'run-bench'),
    neo4jPort: 7693,
    apiPort: 4100,
    peerPort: 4101,
    resultsDir: fromRoot('bench-results'),
    skipLoad: false,
    walkLimitMs: 180_000,
    log,
  };
}
