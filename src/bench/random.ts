/**
 * Responsible for the benchmark's deterministic randomness: a seeded PRNG (never
 * Math.random) and the samplers the generator draws from, so one seed gives one graph.
 */

/** A seeded source of uniform numbers in [0, 1) and the draws built on them. */
export class Random {
  private state: number;

  constructor(seed: number) {
    // mulberry32 needs a non-zero 32-bit state; any integer seed maps to one.
    this.state = seed >>> 0 || 0x9e3779b9;
  }

  /** The next uniform number in [0, 1) (mulberry32: fast, 32-bit state, good enough for test data). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A whole number in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** One element of a non-empty list, uniformly. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Random.pick: empty list');
    return items[Math.floor(this.next() * items.length)];
  }

  /** `count` distinct indexes drawn by `draw` (retried on repeats); `count` must be reachable. */
  distinct(count: number, draw: () => number): number[] {
    const chosen = new Set<number>();
    while (chosen.size < count) chosen.add(draw());
    return [...chosen];
  }
}

/**
 * Zipf–Mandelbrot weights over ranks 0..n-1: weight(k) ∝ 1 / (k + 1 + offset)^exponent.
 * The offset flattens the head so the most popular item is heavy but not absurd
 * (about 1.6k of 50k draws at n = 1,000; 11k of 500k at n = 10,000).
 */
export class ZipfSampler {
  private readonly cumulative: Float64Array;

  constructor(n: number, exponent = 1, offset = 5) {
    if (!(n > 0)) throw new Error(`ZipfSampler: n must be positive (got ${n})`);
    this.cumulative = new Float64Array(n);
    let total = 0;
    for (let k = 0; k < n; k += 1) {
      total += 1 / Math.pow(k + 1 + offset, exponent);
      this.cumulative[k] = total;
    }
    for (let k = 0; k < n; k += 1) this.cumulative[k] /= total;
  }

  /** A rank in [0, n), the low ranks most often. */
  draw(random: Random): number {
    const u = random.next();
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.cumulative[middle] < u) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
