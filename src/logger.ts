/** Responsible for the process logger: structured JSON lines on stdout. */
import pino from 'pino';

/** Creates the process logger at the configured level. */
export function createLogger(level: string) {
  return pino({ level, base: { service: 'coopgraph' }, timestamp: pino.stdTimeFunctions.isoTime });
}
export type Logger = ReturnType<typeof createLogger>;
