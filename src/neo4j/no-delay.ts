/**
 * Responsible for setting TCP_NODELAY on every socket neo4j-driver opens in Node.
 *
 * Why: neo4j-driver 5.28's Node channel only calls `socket.setKeepAlive(true)`, so Nagle's
 * algorithm stays on. The driver's chunker writes to the socket in 1,400-byte buffers; a
 * request larger than that takes two writes, Nagle holds the second until the first is
 * acknowledged, and Neo4j delays that ACK because the request is incomplete: about 40 ms on
 * every such statement, before Neo4j does any work. Our list statements and loader batches
 * are that large. The driver has no option for it
 * (Neo4j's Python and Rust drivers set TCP_NODELAY themselves), so we add it here.
 *
 * How: the driver's NodeChannel constructor creates the socket and immediately hands it to
 * `_setupConnectionTimeout(config, socket)`, plain and encrypted alike. We wrap that method
 * to call `socket.setNoDelay(true)` first (Node applies it as soon as the socket connects).
 * The method is private, so the install checks it is there and fails loudly if an upgrade
 * removed it; no-delay.test.ts checks every driver socket really gets no-delay.
 */
import path from 'node:path';
import type { Socket } from 'node:net';

// Marks a patched prototype, so installing twice never wraps twice.
const PATCHED: unique symbol = Symbol.for('coopgraph.neo4j.noDelay');

interface NodeChannelPrototype {
  _setupConnectionTimeout(config: unknown, socket: Socket): unknown;
  [PATCHED]?: true;
}

// The channel module neo4j-driver itself loads: resolved from neo4j-driver's own folder, so a
// nested copy of neo4j-driver-bolt-connection is the one patched.
function driverNodeChannelPrototype(): NodeChannelPrototype {
  const driverFolder = path.dirname(require.resolve('neo4j-driver/package.json'));
  const channelFile = require.resolve('neo4j-driver-bolt-connection/lib/channel/node/node-channel.js', { paths: [driverFolder] });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const channelModule = require(channelFile) as { default?: { prototype?: NodeChannelPrototype } };
  const prototype = channelModule.default?.prototype;
  if (!prototype || typeof prototype._setupConnectionTimeout !== 'function') {
    throw new Error(
      `neo4j-driver's NodeChannel (${channelFile}) no longer has _setupConnectionTimeout(config, socket): ` +
        'update src/neo4j/no-delay.ts, or drop it if the driver now sets TCP_NODELAY itself',
    );
  }
  return prototype;
}

/** Makes every socket neo4j-driver opens from now on use TCP_NODELAY; safe to call more than once. */
export function installNoDelay(): void {
  const prototype = driverNodeChannelPrototype();
  if (prototype[PATCHED]) return;
  const setupConnectionTimeout = prototype._setupConnectionTimeout;
  prototype._setupConnectionTimeout = function setNoDelayThenSetupTimeout(this: unknown, config: unknown, socket: Socket) {
    socket.setNoDelay(true);
    return setupConnectionTimeout.call(this, config, socket);
  };
  prototype[PATCHED] = true;
}
