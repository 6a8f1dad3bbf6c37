/**
 * Responsible for driving a running API through database faults under steady load, for the
 * fault tests: a few clients send GraphQL requests in a loop and a probe polls /ready while a
 * script of phases (stop, restart, hang, thaw, …) runs; every answer is recorded with the phase
 * it started in, and a summary gives the figures the closing note reports.
 */
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import type { Driver } from 'neo4j-driver';
import { createSchema } from '../schema';
import { createServer } from '../server';

export interface Outcome {
  phase: string;
  startedAt: number;
  ms: number;
  status: number;
  codes: string[];
}

export interface Phase {
  name: string;
  /** What happens to the database when the phase starts. */
  enter: () => Promise<void> | void;
  /** How long the phase lasts after `enter` returned. */
  holdMs: number;
}

export interface FaultRun {
  outcomes: Outcome[];
  readiness: Array<{ at: number; status: number }>;
  /** When each phase started (just before its `enter` ran). */
  marks: Map<string, number>;
  /** Outcomes of requests started in `phase`. */
  of(phase: string): Outcome[];
  /** Every request that did not get HTTP 200. */
  failed(): Outcome[];
  /**
   * Requests of `phase` that finished before `next` began: those still open when a fault
   * began are judged with the fault's requests.
   */
  settledBefore(phase: string, next: string): Outcome[];
  /** Milliseconds from the start of `phase` to the first successful answer started in it. */
  firstSuccessAfter(phase: string): number | undefined;
  /** Milliseconds from the start of `phase` to the first /ready sample with `status`. */
  readyAfter(phase: string, status: number): number | undefined;
  slowest(phase: string): number;
  summary(): string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts the real server on `driver`, runs `phases` under load from `clients` loops, stops the server. */
export async function runFaultScript(
  driver: Driver,
  database: string,
  options: { clients: number; queryTimeoutMs: number; phases: Phase[] },
): Promise<FaultRun> {
  const server = createServer({
    schema: await createSchema(),
    driver,
    database,
    maxPageSize: 100,
    logger: pino({ level: 'silent' }),
    queryTimeoutMs: options.queryTimeoutMs,
  });
  await server.start();
  await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`;
  const request = () =>
    fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ programmes { totalCount } }' }),
      signal: AbortSignal.timeout(60_000),
    });
  // One answered request first: on a machine busy with the rest of the suite, a new server's
  // first request (plans, connections) once took longer than the whole healthy phase.
  const warmUntil = Date.now() + 30_000;
  while ((await request()).status !== 200) {
    if (Date.now() > warmUntil) throw new Error('the server under test answered no request with 200 within 30 s, before any fault');
    await sleep(200);
  }

  let phase = 'start';
  let running = true;
  const outcomes: Outcome[] = [];
  const readiness: Array<{ at: number; status: number }> = [];
  const marks = new Map<string, number>();
  const client = async () => {
    while (running) {
      const started = Date.now();
      const during = phase;
      const response = await request();
      const body = (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
      outcomes.push({ phase: during, startedAt: started, ms: Date.now() - started, status: response.status, codes: (body.errors ?? []).map((error) => error.extensions?.code ?? 'none') });
      if (response.status !== 200) await sleep(50);
    }
  };
  const probe = async () => {
    while (running) {
      const response = await fetch(`${base}/ready`, { signal: AbortSignal.timeout(60_000) });
      readiness.push({ at: Date.now(), status: response.status });
      await sleep(200);
    }
  };
  const load = [...Array.from({ length: options.clients }, client), probe()];
  try {
    for (const step of options.phases) {
      // The phase starts before the fault does, so no request of the fault counts as before it.
      phase = step.name;
      marks.set(step.name, Date.now());
      await step.enter();
      await sleep(step.holdMs);
    }
  } finally {
    running = false;
    await Promise.allSettled(load);
    await server.stop(1_000);
  }

  const of = (name: string) => outcomes.filter((outcome) => outcome.phase === name);
  const since = (name: string) => marks.get(name) ?? Number.POSITIVE_INFINITY;
  const run: FaultRun = {
    outcomes,
    readiness,
    marks,
    of,
    failed: () => outcomes.filter((outcome) => outcome.status !== 200),
    settledBefore: (name, next) => of(name).filter((outcome) => outcome.startedAt + outcome.ms < since(next)),
    firstSuccessAfter: (name) => {
      const first = outcomes.find((outcome) => outcome.startedAt >= since(name) && outcome.status === 200);
      return first ? first.startedAt + first.ms - since(name) : undefined;
    },
    readyAfter: (name, status) => {
      const sample = readiness.find((entry) => entry.at >= since(name) && entry.status === status);
      return sample ? sample.at - since(name) : undefined;
    },
    slowest: (name) => Math.max(0, ...of(name).map((outcome) => outcome.ms)),
    summary: () => {
      const failed = run.failed();
      const kinds = [...new Set(failed.map((outcome) => `${outcome.status} ${outcome.codes.join('+')}`))].join(', ') || 'none';
      const lines = [`${outcomes.length} requests from ${options.clients} clients, ${failed.length} failed; failures: ${kinds}`];
      for (const step of options.phases) {
        lines.push(
          `  ${step.name}: ${of(step.name).length} requests, slowest ${run.slowest(step.name)} ms, first success after ${run.firstSuccessAfter(step.name) ?? 'none'} ms; ` +
            `/ready red after ${run.readyAfter(step.name, 503) ?? '-'} ms, green after ${run.readyAfter(step.name, 200) ?? '-'} ms`,
        );
      }
      return `${lines.join('\n')}\n`;
    },
  };
  return run;
}
