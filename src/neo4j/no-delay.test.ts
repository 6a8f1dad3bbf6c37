import net from 'node:net';
import type { Driver } from 'neo4j-driver';
import { testConnection } from '../testing/test-database';
import { createDriver } from './driver';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

describe('TCP_NODELAY on driver sockets', () => {
  let driver: Driver | undefined;

  afterEach(async () => {
    jest.restoreAllMocks();
    await driver?.close();
    driver = undefined;
  });

  // The real guard: it fails as soon as a driver upgrade opens sockets some other way.
  it('sets no-delay on every socket the driver opens', async () => {
    const connect = jest.spyOn(net, 'connect');
    const setNoDelay = jest.spyOn(net.Socket.prototype, 'setNoDelay');
    driver = createDriver(testConnection());

    // Concurrent sessions make the pool open several connections.
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        const session = driver!.session({ database: testConnection().database });
        try {
          await session.run('RETURN 1 AS one');
        } finally {
          await session.close();
        }
      }),
    );

    const opened = connect.mock.results.map((result) => result.value as net.Socket);
    const noDelay = new Set(setNoDelay.mock.contexts.filter((_, call) => setNoDelay.mock.calls[call][0] === true));
    expect(opened.length).toBeGreaterThanOrEqual(2);
    for (const socket of opened) expect(noDelay.has(socket)).toBe(true);
  });

  // A symptom check only (timings are noisy here): with Nagle on, the 1,500-byte statement took
  // ~40 ms longer than the 1,300-byte one; with no-delay both take a few milliseconds.
  it('does not delay a statement over 1,400 bytes', async () => {
    driver = createDriver(testConnection());
    const session = driver.session({ database: testConnection().database });
    const timings: Record<number, number[]> = { 1300: [], 1500: [] };
    try {
      for (let run = 0; run < 31; run += 1) {
        for (const size of [1300, 1500]) {
          const started = process.hrtime.bigint();
          await session.run('RETURN size($text) AS n', { text: 'x'.repeat(size) });
          timings[size].push(Number(process.hrtime.bigint() - started) / 1e6);
        }
      }
    } finally {
      await session.close();
    }

    expect(median(timings[1500])).toBeLessThan(median(timings[1300]) + 20);
  });
});
