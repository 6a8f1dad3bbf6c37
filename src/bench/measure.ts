/**
 * Responsible for the benchmark's timings: percentiles of sequential requests with the
 * sides alternating request by request, and throughput at a fixed concurrency
 * (autocannon for HTTP sides, the same number of concurrent loops for the floor).
 */
import autocannon from 'autocannon';

/** Latency percentiles in milliseconds. */
export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  samples: number;
}

/** Nearest-rank percentile of already sorted values. */
export function percentile(sortedValues: readonly number[], fraction: number): number {
  if (sortedValues.length === 0) return NaN;
  const rank = Math.ceil(fraction * sortedValues.length);
  return sortedValues[Math.min(sortedValues.length, Math.max(1, rank)) - 1];
}

function summarise(values: number[]): Percentiles {
  const sortedValues = [...values].sort((a, b) => a - b);
  return {
    p50: percentile(sortedValues, 0.5),
    p95: percentile(sortedValues, 0.95),
    p99: percentile(sortedValues, 0.99),
    samples: values.length,
  };
}

/**
 * Runs `warmup` then `count` rounds; each round calls every side once, starting with a
 * different side each round, so load and noise fall on all sides alike.
 */
export async function alternatingLatency<S extends string>(
  calls: ReadonlyMap<S, (round: number) => Promise<unknown>>,
  count: number,
  warmup: number,
): Promise<Map<S, Percentiles>> {
  const sides = [...calls.keys()];
  const timings = new Map<S, number[]>(sides.map((side) => [side, []]));
  for (let round = -warmup; round < count; round += 1) {
    for (let offset = 0; offset < sides.length; offset += 1) {
      const side = sides[(Math.abs(round) + offset) % sides.length];
      const started = performance.now();
      await calls.get(side)!(round);
      if (round >= 0) timings.get(side)!.push(performance.now() - started);
    }
  }
  return new Map(sides.map((side) => [side, summarise(timings.get(side)!)]));
}

/** Requests per second and failures of one throughput run. */
export interface Throughput {
  requestsPerSecond: number;
  failures: number;
}

/** POSTs `body` to `url` from `connections` connections for `seconds` (autocannon). */
export async function httpThroughput(url: string, body: string, connections: number, seconds: number): Promise<Throughput> {
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections,
    duration: seconds,
  });
  return { requestsPerSecond: result.requests.average, failures: result.errors + result.timeouts + result.non2xx };
}

/** Calls `call` from `concurrency` concurrent loops for `seconds`, counting completed calls. */
export async function loopThroughput(call: () => Promise<unknown>, concurrency: number, seconds: number): Promise<Throughput> {
  const until = performance.now() + seconds * 1000;
  let done = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        try {
          await call();
          done += 1;
        } catch {
          failures += 1;
        }
      }
    }),
  );
  return { requestsPerSecond: done / ((performance.now() - started) / 1000), failures };
}
