/**
 * Responsible for counting what any driver user sends: a wrapper around a neo4j-driver
 * Driver that runs every statement (auto-commit or in a managed transaction) with PROFILE and records its
 * database hits. Both coopgraph and the peer take a Driver, so neither needs a hook.
 */
import type { Driver, ManagedTransaction, QueryResult, Session } from 'neo4j-driver';

/** One statement as run: its text and the database hits PROFILE reported. */
export interface ProfiledStatement {
  cypher: string;
  dbHits: number;
}

interface PlanNode {
  dbHits: number | { toNumber(): number };
  children: PlanNode[];
}

function totalDbHits(plan: PlanNode | false | undefined): number {
  if (!plan) return 0;
  const own = typeof plan.dbHits === 'number' ? plan.dbHits : plan.dbHits.toNumber();
  return own + plan.children.reduce((sum, child) => sum + totalDbHits(child), 0);
}

/** Runs one statement with PROFILE in `tx` and records it; the caller gets the usual result. */
export async function profiledRun(
  tx: Pick<ManagedTransaction, 'run'>,
  cypher: string,
  parameters: Record<string, unknown> | undefined,
  sink: ProfiledStatement[],
): Promise<QueryResult> {
  // Query options (CYPHER runtime=...) must stay first; PROFILE follows them.
  const options = /^\s*(CYPHER\b[^\n]*\n)?/.exec(cypher)?.[0] ?? '';
  const result = await tx.run(`${options}PROFILE ${cypher.slice(options.length)}`, parameters);
  sink.push({ cypher, dbHits: totalDbHits(result.summary.profile as PlanNode | false) });
  return result;
}

function wrapTransaction(tx: ManagedTransaction, sink: ProfiledStatement[]): ManagedTransaction {
  return new Proxy(tx, {
    get(target, property, receiver) {
      if (property === 'run') {
        return (cypher: string, parameters?: Record<string, unknown>) => profiledRun(target, cypher, parameters, sink);
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function wrapSession(session: Session, sink: ProfiledStatement[]): Session {
  return new Proxy(session, {
    get(target, property, receiver) {
      if (property === 'run') {
        // An auto-commit statement (coopgraph's single reads).
        return (cypher: string, parameters?: Record<string, unknown>, config?: object) =>
          profiledRun({ run: (text, values) => target.run(text, values, config) }, cypher, parameters, sink);
      }
      if (property === 'executeRead' || property === 'executeWrite') {
        return <T>(work: (tx: ManagedTransaction) => Promise<T>, config?: object) =>
          target[property]((tx) => work(wrapTransaction(tx, sink)), config);
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** A Driver whose sessions profile every statement into `sink`. */
export function profilingDriver(driver: Driver, sink: ProfiledStatement[]): Driver {
  return new Proxy(driver, {
    get(target, property, receiver) {
      if (property === 'session') {
        return (config?: Parameters<Driver['session']>[0]) => wrapSession(target.session(config), sink);
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
