/**
 * Responsible for the API's start-up while the database is not there yet: a gate that says
 * whether the graph is ready to serve (and why not, for `/ready`), and the wait for Neo4j
 * with backoff, so the HTTP server can listen and answer `/health` from the first second.
 */
import type { Driver } from 'neo4j-driver';

/** Exit code of `npm start` when Neo4j did not answer within NEO4J_STARTUP_WAIT_MS. */
export const EXIT_DATABASE_NOT_REACHED = 3;

/** Whether the API serves GraphQL yet; until it opens, `reason` says what start-up is doing. */
export class StartupGate {
  private currentReason: string | null;

  constructor(reason: string) {
    this.currentReason = reason;
  }

  get isOpen(): boolean {
    return this.currentReason === null;
  }

  /** What start-up is waiting for; null once open. */
  get reason(): string | null {
    return this.currentReason;
  }

  /** Records the step start-up is on (shown by `/ready` and in GraphQL's 503 answers). */
  waitingFor(reason: string): void {
    if (this.currentReason !== null) this.currentReason = reason;
  }

  open(): void {
    this.currentReason = null;
  }
}

export interface WaitOptions {
  /** Give up after this long (NEO4J_STARTUP_WAIT_MS). */
  deadlineMs: number;
  /** First pause between attempts; doubled after each failure up to `maxDelayMs`. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** Called after each failed attempt, with the pause before the next one. */
  onRetry?: (attempt: number, error: Error, delayMs: number) => void;
}

/** Thrown when Neo4j did not answer before the deadline; `cause` is the last attempt's error. */
export class DatabaseNotReachedError extends Error {
  constructor(uri: string, waitedMs: number, attempts: number, options: { cause: unknown }) {
    const last = options.cause instanceof Error ? options.cause.message : String(options.cause);
    super(`Neo4j at ${uri} did not answer within ${Math.round(waitedMs / 1000)} s (${attempts} attempts; last: ${last})`, options);
    this.name = 'DatabaseNotReachedError';
  }
}

/** Resolves once `driver` reaches `database`; retries with exponential backoff until the deadline. */
export async function waitForNeo4j(driver: Driver, uri: string, database: string, options: WaitOptions): Promise<void> {
  const started = Date.now();
  const maxDelay = options.maxDelayMs ?? 5_000;
  let delay = options.initialDelayMs ?? 250;
  for (let attempt = 1; ; attempt += 1) {
    try {
      await driver.verifyConnectivity({ database });
      return;
    } catch (error) {
      const waited = Date.now() - started;
      if (waited + delay > options.deadlineMs) throw new DatabaseNotReachedError(uri, waited, attempt, { cause: error });
      options.onRetry?.(attempt, error instanceof Error ? error : new Error(String(error)), delay);
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, maxDelay);
    }
  }
}
