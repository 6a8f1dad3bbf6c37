/**
 * Responsible for injecting database faults in tests without touching the shared test Neo4j:
 * a TCP relay between a driver and Neo4j that can go down (connections refused, open ones
 * reset, as when Neo4j stops) or freeze (sockets stay open and nothing moves, as when the Neo4j
 * process is stopped with SIGSTOP; what was sent is delivered on thaw, as after SIGCONT).
 */
import net from 'node:net';

export type RelayState = 'up' | 'down' | 'frozen';

interface Pipe {
  client: net.Socket;
  upstream: net.Socket;
  /** Bytes held while frozen, in order, with the socket they are for. */
  held: Array<[net.Socket, Buffer]>;
}

export class FaultRelay {
  private server: net.Server | null = null;
  private readonly pipes = new Set<Pipe>();
  private current: RelayState = 'down';
  port = 0;

  private constructor(private readonly target: URL) {}

  /** Starts relaying from a free loopback port to the Bolt URI `target`. */
  static async start(target: string): Promise<FaultRelay> {
    const relay = new FaultRelay(new URL(target));
    await relay.up();
    return relay;
  }

  get uri(): string {
    return `bolt://127.0.0.1:${this.port}`;
  }

  get state(): RelayState {
    return this.current;
  }

  /** Listens (again, on the same port) and relays; held bytes are delivered first. */
  async up(): Promise<void> {
    if (this.current === 'frozen') {
      this.current = 'up';
      for (const pipe of this.pipes) for (const [socket, chunk] of pipe.held.splice(0)) socket.write(chunk);
      return;
    }
    if (this.server) return;
    const server = net.createServer((client) => this.relay(client));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as net.AddressInfo).port;
    this.server = server;
    this.current = 'up';
  }

  /** Refuses new connections and resets the open ones. */
  async down(): Promise<void> {
    this.current = 'down';
    const server = this.server;
    this.server = null;
    for (const pipe of this.pipes) {
      pipe.client.destroy();
      pipe.upstream.destroy();
    }
    this.pipes.clear();
    if (server) await new Promise((resolve) => server.close(resolve));
  }

  /** Keeps every socket open (new ones are accepted too) but moves nothing until `up()`. */
  freeze(): void {
    if (this.current === 'up') this.current = 'frozen';
  }

  async close(): Promise<void> {
    await this.down();
  }

  private relay(client: net.Socket): void {
    const upstream = net.connect(Number(this.target.port), this.target.hostname);
    const pipe: Pipe = { client, upstream, held: [] };
    this.pipes.add(pipe);
    const forward = (to: net.Socket) => (chunk: Buffer) => {
      if (this.current === 'frozen') pipe.held.push([to, chunk]);
      else to.write(chunk);
    };
    client.on('data', forward(upstream));
    upstream.on('data', forward(client));
    const end = () => {
      client.destroy();
      upstream.destroy();
      this.pipes.delete(pipe);
    };
    for (const socket of [client, upstream]) {
      socket.on('error', end);
      socket.on('close', end);
    }
  }
}
