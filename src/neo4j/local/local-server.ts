// Responsible for running Neo4j 5.26 Community on this machine for development and tests, without
// Docker: builds the embedded-Neo4j launcher in ./launcher with Maven (once), then starts, reuses,
// stops and resets one JVM per runtime folder.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { fromRoot } from '../../paths';

/** Loopback only: the launcher disables authentication, which is safe only when nothing else can connect. */
const BOLT_HOST = '127.0.0.1';
const DEFAULT_PORT = 7687;
/** Start-up takes 5-30 s; the margin is for a 2-core machine also running builds and tests. */
const DEFAULT_START_TIMEOUT_MS = 180_000;
const STOP_GRACE_MS = 30_000;
const KILL_WAIT_MS = 10_000;
const POLL_INTERVAL_MS = 250;
const LOG_TAIL_LINES = 30;

/** The app's driver always sends these; with auth disabled Neo4j accepts and ignores them. */
const APP_CREDENTIALS = neo4j.auth.basic('neo4j', 'password');
const DEFAULT_DATABASE = 'neo4j';
const MAIN_CLASS = 'coopgraph.LocalNeo4j';
/** Printed by LocalNeo4j.java only after its Bolt connector is bound. */
const READY_MARKER = 'coopgraph-local-neo4j READY';
/** Off-heap, on top of the heap below; 512m holds a development graph entirely in memory. */
const PAGE_CACHE = '512m';

/**
 * Sized for a 2-core, 24 GiB machine shared with Node and the test runner. The remaining flags
 * are the ones Neo4j's own start script passes; without the --add-opens the page cache falls back
 * to a slower buffer mode and says so in debug.log.
 */
const JVM_OPTIONS = [
  '-Xms512m',
  '-Xmx2g',
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
  '-XX:+ExitOnOutOfMemoryError',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Dlog4j2.disable.jmx=true',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
];

export interface LocalNeo4jOptions {
  /** Runtime folder holding data/, neo4j.pid and neo4j.log; defaults to NEO4J_LOCAL_DIR, then src/neo4j/local/run. */
  dir?: string;
  /** Bolt port; defaults to NEO4J_LOCAL_PORT, then 7687. */
  port?: number;
  /** How long to wait for Bolt after spawning the JVM (the Maven build is not counted). */
  timeoutMs?: number;
  /** Receives progress lines for slow work; defaults to stderr so stdout stays machine-readable. */
  onProgress?: (line: string) => void;
  /**
   * A process whose exit stops a Neo4j this call starts (the launcher checks every second), so a
   * crashed API leaves no JVM behind. Absent: it runs until stopped (`npm run db:start`).
   * A Neo4j that is already running is reused as it is.
   */
  ownerPid?: number;
}

export interface LocalNeo4jInstance {
  uri: string;
  port: number;
  pid: number;
  /** True when an already running launcher was found and left alone. */
  reused: boolean;
  /** Server agent as reported over Bolt, e.g. "Neo4j/5.26.30". */
  version: string;
  dataDir: string;
  logFile: string;
}

export interface LocalNeo4jStopResult {
  stopped: boolean;
  pid: number | null;
  /** True when the JVM ignored SIGTERM for the grace period and was killed. */
  forced: boolean;
}

export interface LocalNeo4jStatus {
  running: boolean;
  /** Whether Bolt accepted a connection and answered a query just now. */
  answering: boolean;
  pid: number | null;
  uri: string;
  port: number;
  version: string | null;
  dataDir: string;
  logFile: string;
}

/** Failure of the local server machinery, with a message written for the person at the terminal. */
export class LocalNeo4jError extends Error {
  override readonly name = 'LocalNeo4jError';
}

interface Settings {
  runDir: string;
  dataDir: string;
  pidFile: string;
  logFile: string;
  port: number;
  uri: string;
  timeoutMs: number;
  progress: (line: string) => void;
  ownerPid?: number;
}

interface Launcher {
  dir: string;
  pom: string;
  target: string;
  stamp: string;
  lock: string;
  mavenLog: string;
}

interface LauncherProcess {
  pid: number;
  port: number | null;
}

/** Starts the local Neo4j, or reuses the one already running from the same runtime folder. */
export async function startLocalNeo4j(opts: LocalNeo4jOptions = {}): Promise<LocalNeo4jInstance> {
  const settings = resolveSettings(opts);
  return withRunLock(settings, () => start(settings));
}

/** Stops the local Neo4j cleanly (SIGTERM, then SIGKILL after 30 s); a no-op when it is not running. */
export async function stopLocalNeo4j(opts: LocalNeo4jOptions = {}): Promise<LocalNeo4jStopResult> {
  const settings = resolveSettings(opts);
  return withRunLock(settings, () => stop(settings));
}

/** Empties the local graph by deleting its data folder, restarting Neo4j if it was running. */
export async function resetLocalNeo4j(opts: LocalNeo4jOptions = {}): Promise<LocalNeo4jInstance | null> {
  const settings = resolveSettings(opts);
  return withRunLock(settings, async () => {
    const running = findRunningLauncher(settings);
    if (running) {
      await stop(settings);
    }
    fs.rmSync(settings.dataDir, { recursive: true, force: true });
    settings.progress(`Deleted ${settings.dataDir}`);
    if (!running) {
      return null;
    }
    // Come back where clients were already connecting, even if that was not the default port.
    const port = opts.port ?? running.port ?? settings.port;
    return start({ ...settings, port, uri: localBoltUri(port) });
  });
}

/** Reports whether the local Neo4j is running and answering on Bolt, without changing anything. */
export async function localNeo4jStatus(opts: LocalNeo4jOptions = {}): Promise<LocalNeo4jStatus> {
  const settings = resolveSettings(opts);
  const running = findRunningLauncher(settings);
  const port = running?.port ?? settings.port;
  const uri = localBoltUri(port);
  let version: string | null = null;
  if (running) {
    version = await probeBolt(uri).catch(() => null);
  }
  return {
    running: running !== null,
    answering: version !== null,
    pid: running?.pid ?? null,
    uri,
    port,
    version,
    dataDir: settings.dataDir,
    logFile: settings.logFile,
  };
}

function resolveSettings(opts: LocalNeo4jOptions): Settings {
  const problems: string[] = [];

  const rawPort = opts.port ?? (process.env.NEO4J_LOCAL_PORT?.trim() || DEFAULT_PORT);
  const port = Number(rawPort);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    problems.push(`NEO4J_LOCAL_PORT / port must be an integer between 1 and 65535 (got "${rawPort}")`);
  }

  const timeoutMs = opts.timeoutMs ?? DEFAULT_START_TIMEOUT_MS;
  if (!(timeoutMs > 0)) {
    problems.push(`timeoutMs must be positive (got ${timeoutMs})`);
  }
  if (problems.length > 0) {
    throw new LocalNeo4jError(`Invalid local Neo4j settings:\n  - ${problems.join('\n  - ')}`);
  }

  const runDir = path.resolve(
    opts.dir ?? (process.env.NEO4J_LOCAL_DIR?.trim() || fromRoot('src', 'neo4j', 'local', 'run')),
  );
  return {
    runDir,
    dataDir: path.join(runDir, 'data'),
    pidFile: path.join(runDir, 'neo4j.pid'),
    logFile: path.join(runDir, 'neo4j.log'),
    port,
    uri: localBoltUri(port),
    timeoutMs,
    progress: opts.onProgress ?? ((line) => process.stderr.write(`${line}\n`)),
    ownerPid: opts.ownerPid,
  };
}

/** The Bolt URI of the local Neo4j on `port` (loopback only). */
export function localBoltUri(port: number): string {
  return `bolt://${BOLT_HOST}:${port}`;
}

function instance(settings: Settings, pid: number, reused: boolean, version: string): LocalNeo4jInstance {
  return {
    uri: settings.uri,
    port: settings.port,
    pid,
    reused,
    version,
    dataDir: settings.dataDir,
    logFile: settings.logFile,
  };
}

async function start(settings: Settings): Promise<LocalNeo4jInstance> {
  const launcher = locateLauncher();

  const existing = findRunningLauncher(settings);
  if (existing) {
    if (existing.port !== null && existing.port !== settings.port) {
      throw new LocalNeo4jError(
        `A local Neo4j (pid ${existing.pid}) is already running from ${settings.runDir} on port ${existing.port}, ` +
          `not ${settings.port}. Stop it first, or use NEO4J_LOCAL_PORT=${existing.port}.`,
      );
    }
    const version = await waitForBolt(settings, () => !inspectProcess(existing.pid).alive, false);
    return instance(settings, existing.pid, true, version);
  }

  requireTools(isLauncherBuilt(launcher) ? ['java'] : ['java', 'mvn']);
  await assertPortFree(settings);
  await ensureLauncherBuilt(launcher, settings.progress);

  const pid = spawnLauncher(settings, launcher);
  try {
    settings.progress(`Starting Neo4j (pid ${pid}); log: ${settings.logFile}`);
    const version = await waitForBolt(settings, () => !inspectProcess(pid).alive, true);
    return instance(settings, pid, false, version);
  } catch (error) {
    // A launcher that never became reachable is of no use to anyone; don't leave it holding the store.
    if (inspectProcess(pid).alive) {
      await terminate(pid);
    }
    removeFile(settings.pidFile);
    throw error;
  }
}

async function stop(settings: Settings): Promise<LocalNeo4jStopResult> {
  const running = findRunningLauncher(settings);
  if (!running) {
    removeFile(settings.pidFile);
    return { stopped: false, pid: null, forced: false };
  }
  settings.progress(`Stopping Neo4j (pid ${running.pid})…`);
  const forced = await terminate(running.pid);
  removeFile(settings.pidFile);
  return { stopped: true, pid: running.pid, forced };
}

/**
 * The app, a test run and the CLI may act on one runtime folder at once; unserialised, two of
 * them would each spawn a JVM and the loser would overwrite the winner's pid file.
 */
async function withRunLock<T>(settings: Settings, work: () => Promise<T>): Promise<T> {
  fs.mkdirSync(settings.runDir, { recursive: true });
  return withLock(
    path.join(settings.runDir, 'neo4j.lock'),
    `Waiting for another process working on the local Neo4j in ${settings.runDir}…`,
    settings.progress,
    work,
  );
}

/** Cross-process mutex: a file created exclusively, holding the owner's pid so a dead owner's lock can be broken. */
async function withLock<T>(
  lockFile: string,
  waitingMessage: string,
  progress: (line: string) => void,
  work: () => Promise<T>,
): Promise<T> {
  let announced = false;
  while (!tryLock(lockFile)) {
    if (!announced) {
      progress(waitingMessage);
      announced = true;
    }
    await sleep(POLL_INTERVAL_MS * 2);
  }
  try {
    return await work();
  } finally {
    removeFile(lockFile);
  }
}

function tryLock(lockFile: string): boolean {
  try {
    fs.writeFileSync(lockFile, `${process.pid}\n`, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw error;
    }
  }
  const owner = Number(readFile(lockFile)?.trim());
  // An owner that died (Ctrl+C during the Maven download) must not block every later start.
  if (!Number.isInteger(owner) || owner <= 0 || !inspectProcess(owner).alive) {
    removeFile(lockFile);
  }
  return false;
}

/** Found by walking up, because this file runs both from src/ (ts-jest) and from dist/src/ (tsc). */
function locateLauncher(): Launcher {
  const dir = fromRoot('src', 'neo4j', 'local', 'launcher');
  const target = path.join(dir, 'target');
  return {
    dir,
    pom: path.join(dir, 'pom.xml'),
    target,
    stamp: path.join(target, '.build-stamp'),
    lock: path.join(target, '.build-lock'),
    mavenLog: path.join(target, 'maven-build.log'),
  };
}

/**
 * Covers everything that changes the launcher's classpath or bytecode; Maven is skipped while the
 * stamp matches. The pom is hashed on its own because only a pom change can leave stale jars behind.
 */
function launcherStamp(launcher: Launcher): { pom: string; text: string } {
  const digest = (files: string[]) => {
    const hash = createHash('sha256');
    for (const file of [...files].sort()) {
      hash.update(path.relative(launcher.dir, file)).update('\0').update(fs.readFileSync(file)).update('\0');
    }
    return hash.digest('hex');
  };
  const pom = digest([launcher.pom]);
  const sources = digest(listFiles(path.join(launcher.dir, 'java')));
  return { pom, text: `pom ${pom}\nsources ${sources}\n` };
}

function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory() ? listFiles(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
    );
}

function isLauncherBuilt(launcher: Launcher): boolean {
  return (
    readFile(launcher.stamp) === launcherStamp(launcher).text &&
    fs.existsSync(path.join(launcher.target, 'classes', 'coopgraph', 'LocalNeo4j.class')) &&
    fs.existsSync(path.join(launcher.target, 'lib'))
  );
}

/** Different runtime folders share one launcher build, so the build has its own lock. */
async function ensureLauncherBuilt(launcher: Launcher, progress: (line: string) => void): Promise<void> {
  if (isLauncherBuilt(launcher)) {
    return;
  }
  fs.mkdirSync(launcher.target, { recursive: true });
  await withLock(launcher.lock, 'Waiting for another process to finish building the launcher…', progress, async () => {
    if (!isLauncherBuilt(launcher)) {
      await buildLauncher(launcher, progress);
    }
  });
}

async function buildLauncher(launcher: Launcher, progress: (line: string) => void): Promise<void> {
  const stamp = launcherStamp(launcher);
  const previous = readFile(launcher.stamp) ?? '';
  // Jars of a previous Neo4j version would share the classpath with the new ones; when only the
  // Java source changed, the jars stay, so launchers already running from them are not disturbed.
  const stale = previous.startsWith(`pom ${stamp.pom}\n`) ? ['classes'] : ['classes', 'lib'];
  for (const dir of [...stale, '.build-stamp']) {
    fs.rmSync(path.join(launcher.target, dir), { recursive: true, force: true });
  }

  progress(
    stale.includes('lib')
      ? 'Building the local Neo4j launcher with Maven: it downloads Neo4j 5.26 (about 125 MB of jars) from ' +
          'Maven Central unless ~/.m2 already has them, which may take a few minutes. Later starts skip this step.'
      : 'Recompiling the local Neo4j launcher with Maven (its Java source changed)…',
  );
  progress(`Maven output: ${launcher.mavenLog}`);

  const log = fs.createWriteStream(launcher.mavenLog);
  const started = Date.now();
  let downloads = 0;
  let pending = '';
  const child = spawn('mvn', ['-B', '-Dstyle.color=never', '-f', launcher.pom, 'package'], {
    cwd: launcher.dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const onOutput = (chunk: Buffer) => {
    log.write(chunk);
    pending += chunk.toString('utf8');
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (line.includes('Downloaded from ')) {
        downloads += 1;
      } else if (line.startsWith('[ERROR]')) {
        progress(`  maven: ${line}`);
      }
    }
  };
  child.stdout.on('data', onOutput);
  child.stderr.on('data', onOutput);
  const heartbeat = setInterval(() => {
    const seconds = Math.round((Date.now() - started) / 1000);
    progress(`  …still building (${seconds} s, ${downloads} files downloaded)`);
  }, 15_000);

  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  }).finally(() => clearInterval(heartbeat));
  await new Promise<void>((resolve) => log.end(resolve));

  if (code !== 0) {
    throw new LocalNeo4jError(
      `Maven failed to build the Neo4j launcher (exit code ${code}). Is Maven Central reachable?\n` +
        `Last lines of ${launcher.mavenLog}:\n${tail(launcher.mavenLog)}`,
    );
  }
  fs.writeFileSync(launcher.stamp, stamp.text);
  progress(`Launcher built in ${Math.round((Date.now() - started) / 1000)} s (${downloads} files downloaded).`);
}

/** Checked together so a fresh machine learns everything it lacks in one go. */
function requireTools(tools: Array<'java' | 'mvn'>): void {
  const missing: string[] = [];
  for (const tool of tools) {
    const probe = spawnSync(tool, tool === 'java' ? ['-version'] : ['-v'], { encoding: 'utf8' });
    if (probe.error || probe.status !== 0) {
      missing.push(tool === 'java' ? 'java (a JDK 17 or 21)' : 'mvn (Apache Maven 3.8+)');
      continue;
    }
    if (tool === 'java') {
      const major = javaMajorVersion(`${probe.stderr}${probe.stdout}`);
      if (major !== null && major < 17) {
        missing.push(`java 17 or newer (found Java ${major})`);
      }
    }
  }
  if (missing.length > 0) {
    throw new LocalNeo4jError(
      `The local Neo4j needs these on the PATH, which are missing: ${missing.join(', ')}.`,
    );
  }
}

function javaMajorVersion(versionOutput: string): number | null {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match) {
    return null;
  }
  const first = Number(match[1]);
  // Java 8 and older report themselves as 1.x.
  return first === 1 && match[2] ? Number(match[2]) : first;
}

function spawnLauncher(settings: Settings, launcher: Launcher): number {
  fs.mkdirSync(settings.dataDir, { recursive: true });
  // One previous log is kept so a crash is still readable after the next start.
  if (fs.existsSync(settings.logFile)) {
    fs.renameSync(settings.logFile, `${settings.logFile}.1`);
  }
  const logFd = fs.openSync(settings.logFile, 'a');
  const classpath = [path.join('target', 'classes'), path.join('target', 'lib', '*')].join(path.delimiter);
  const args = [
    ...JVM_OPTIONS,
    '-cp',
    classpath,
    MAIN_CLASS,
    '--host',
    BOLT_HOST,
    '--port',
    String(settings.port),
    '--data',
    settings.dataDir,
    '--page-cache',
    PAGE_CACHE,
    ...(settings.ownerPid === undefined ? [] : ['--owner-pid', String(settings.ownerPid)]),
  ];
  try {
    // Detached so the database outlives the CLI that started it and Ctrl+C in that terminal.
    const child = spawn('java', args, {
      cwd: launcher.dir,
      detached: true,
      stdio: ['ignore', logFd, logFd],
    });
    if (child.pid === undefined) {
      throw new LocalNeo4jError('Could not spawn java for the Neo4j launcher');
    }
    child.unref();
    fs.writeFileSync(settings.pidFile, `${child.pid}\n`);
    return child.pid;
  } finally {
    fs.closeSync(logFd);
  }
}

/**
 * Another server on the port would answer our Bolt probe while our JVM is still failing to bind,
 * and the start would be reported as a success; so the port is checked before spawning.
 */
async function assertPortFree(settings: Settings): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new LocalNeo4jError(
              `Port ${settings.port} on ${BOLT_HOST} is already in use by another process (not a Neo4j started ` +
                `from ${settings.runDir}). Stop it, or choose another port with NEO4J_LOCAL_PORT.`,
            )
          : error,
      );
    });
    server.listen({ port: settings.port, host: BOLT_HOST, exclusive: true }, () => server.close(() => resolve()));
  });
}

/**
 * Waits until Bolt accepts the app's credentials and runs a query on the default database. For a
 * fresh JVM the ready line in its own log must be there too, proving that the answer came from it.
 */
async function waitForBolt(settings: Settings, hasExited: () => boolean, requireReadyLine: boolean): Promise<string> {
  const deadline = Date.now() + settings.timeoutMs;
  let lastError: unknown = null;
  for (;;) {
    if (hasExited()) {
      throw new LocalNeo4jError(
        `Neo4j exited during start-up (it did not answer on ${settings.uri}).\n` + logHint(settings),
      );
    }
    if (requireReadyLine && !readFile(settings.logFile)?.includes(READY_MARKER)) {
      lastError = new Error('the launcher has not printed its ready line yet');
    } else {
      try {
        return await probeBolt(settings.uri);
      } catch (error) {
        lastError = error;
      }
    }
    if (Date.now() >= deadline) {
      const reason = lastError instanceof Error ? lastError.message : String(lastError);
      throw new LocalNeo4jError(
        `Neo4j did not answer on ${settings.uri} within ${Math.round(settings.timeoutMs / 1000)} s ` +
          `(last error: ${reason}).\n` +
          logHint(settings),
      );
    }
    await sleep(POLL_INTERVAL_MS * 2);
  }
}

async function probeBolt(uri: string): Promise<string> {
  const driver = neo4j.driver(uri, APP_CREDENTIALS, {
    connectionTimeout: 2_000,
    connectionAcquisitionTimeout: 5_000,
    maxConnectionPoolSize: 1,
  });
  try {
    await driver.verifyConnectivity({ database: DEFAULT_DATABASE });
    await driver.executeQuery('RETURN 1', {}, { database: DEFAULT_DATABASE });
    const info = await driver.getServerInfo({ database: DEFAULT_DATABASE });
    return info.agent ?? 'Neo4j';
  } finally {
    await driver.close();
  }
}

function logHint(settings: Settings): string {
  return (
    `Last lines of ${settings.logFile}:\n${tail(settings.logFile)}\n` +
    `Neo4j's own diagnostics: ${path.join(settings.dataDir, 'logs', 'debug.log')}`
  );
}

/** Returns the launcher recorded in the pid file, clearing the file when it points at anything else. */
function findRunningLauncher(settings: Settings): LauncherProcess | null {
  const pid = Number(readFile(settings.pidFile)?.trim());
  if (!Number.isInteger(pid) || pid <= 0) {
    removeFile(settings.pidFile);
    return null;
  }
  const proc = inspectProcess(pid);
  // Pids are recycled: only a live launcher serving this very data folder counts as ours.
  if (!proc.alive || !proc.args.includes(MAIN_CLASS) || !proc.args.includes(`--data ${settings.dataDir}`)) {
    removeFile(settings.pidFile);
    return null;
  }
  const port = /--port (\d+)/.exec(proc.args);
  return { pid, port: port ? Number(port[1]) : null };
}

/** Zombies count as gone: they hold no ports or files, only an exit status nobody has read yet. */
function inspectProcess(pid: number): { alive: boolean; args: string } {
  const ps = spawnSync('ps', ['-ww', '-o', 'stat=', '-o', 'args=', '-p', String(pid)], { encoding: 'utf8' });
  if (ps.error) {
    throw new LocalNeo4jError(`Cannot inspect process ${pid} with ps: ${ps.error.message}`);
  }
  const line = ps.stdout.trim();
  if (ps.status !== 0 || line === '') {
    return { alive: false, args: '' };
  }
  const [stat = '', ...args] = line.split(/\s+/);
  return { alive: !stat.startsWith('Z'), args: args.join(' ') };
}

/** Returns true when SIGKILL was needed. */
async function terminate(pid: number): Promise<boolean> {
  signal(pid, 'SIGTERM');
  if (await waitForExit(pid, STOP_GRACE_MS)) {
    return false;
  }
  signal(pid, 'SIGKILL');
  if (!(await waitForExit(pid, KILL_WAIT_MS))) {
    throw new LocalNeo4jError(`Neo4j (pid ${pid}) survived SIGKILL; check it with: ps -p ${pid}`);
  }
  return true;
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') {
      throw error;
    }
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (inspectProcess(pid).alive) {
    if (Date.now() >= deadline) {
      return false;
    }
    await sleep(POLL_INTERVAL_MS);
  }
  return true;
}

function tail(file: string, lines = LOG_TAIL_LINES): string {
  const text = readFile(file);
  if (text === null) {
    return '  (no log written)';
  }
  return text
    .trimEnd()
    .split('\n')
    .slice(-lines)
    .map((line) => `  ${line}`)
    .join('\n');
}

function readFile(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return null;
    }
    throw error;
  }
}

function removeFile(file: string): void {
  fs.rmSync(file, { force: true });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
