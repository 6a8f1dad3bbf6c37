// Responsible for the `start | stop | reset | status` commands of the local Neo4j
// (node dist/src/neo4j/local/cli.js <command>); the work itself lives in local-server.ts.
import {
  LocalNeo4jError,
  localNeo4jStatus,
  resetLocalNeo4j,
  startLocalNeo4j,
  stopLocalNeo4j,
  type LocalNeo4jInstance,
} from './local-server';

const COMMANDS = ['start', 'stop', 'reset', 'status'] as const;
type Command = (typeof COMMANDS)[number];

const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;
/** Same convention as `pg_ctl status` and LSB init scripts: 3 means "not running". */
const EXIT_NOT_RUNNING = 3;

const USAGE = `Usage: node dist/src/neo4j/local/cli.js <${COMMANDS.join(' | ')}>

  start   build the launcher if needed (first time: downloads Neo4j from Maven Central), start Neo4j
  stop    stop Neo4j cleanly
  reset   delete all data; restarts Neo4j if it was running
  status  exit 0 when Neo4j is running and answering, 3 when it is not running

Environment: NEO4J_LOCAL_PORT (default 7687), NEO4J_LOCAL_DIR (default src/neo4j/local/run)`;

function isCommand(value: string | undefined): value is Command {
  return (COMMANDS as readonly string[]).includes(value ?? '');
}

function describe(instance: LocalNeo4jInstance): string {
  const version = instance.version.replace(/^Neo4j\//, '');
  const how = instance.reused ? 'already running' : 'started';
  return `Neo4j ${version} listening on ${instance.uri} (data: ${instance.dataDir}, pid ${instance.pid}, ${how})`;
}

async function run(command: Command): Promise<number> {
  switch (command) {
    case 'start': {
      console.log(describe(await startLocalNeo4j()));
      return EXIT_OK;
    }
    case 'stop': {
      const result = await stopLocalNeo4j();
      if (!result.stopped) {
        console.log('Neo4j was not running');
      } else {
        console.log(`Neo4j stopped (pid ${result.pid}${result.forced ? ', killed after ignoring SIGTERM' : ''})`);
      }
      return EXIT_OK;
    }
    case 'reset': {
      const restarted = await resetLocalNeo4j();
      console.log(restarted ? `Graph emptied. ${describe(restarted)}` : 'Graph emptied (Neo4j is not running).');
      return EXIT_OK;
    }
    case 'status': {
      const status = await localNeo4jStatus();
      if (!status.running) {
        console.log(`Neo4j is not running (would listen on ${status.uri}, data: ${status.dataDir})`);
        return EXIT_NOT_RUNNING;
      }
      if (!status.answering) {
        console.log(`Neo4j (pid ${status.pid}) is running but not answering on ${status.uri}; see ${status.logFile}`);
        return EXIT_FAILED;
      }
      const version = (status.version ?? 'Neo4j').replace(/^Neo4j\//, '');
      console.log(`Neo4j ${version} listening on ${status.uri} (data: ${status.dataDir}, pid ${status.pid})`);
      return EXIT_OK;
    }
    default: {
      const unreachable: never = command;
      throw new Error(`Unhandled command: ${String(unreachable)}`);
    }
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...extra] = argv;
  if (!isCommand(command) || extra.length > 0) {
    console.error(USAGE);
    return EXIT_USAGE;
  }
  try {
    return await run(command);
  } catch (error) {
    // Our own errors are written for the terminal; anything else keeps its stack for a bug report.
    console.error(error instanceof LocalNeo4jError ? `local Neo4j: ${error.message}` : error);
    return EXIT_FAILED;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
