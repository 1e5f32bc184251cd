import dgram from 'node:dgram';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { listenForCountLines, nextRoundMs, udpHandle } from '@/lib/server/count-listener';

async function freeUdpPort(): Promise<number> {
  const probe = dgram.createSocket('udp4');
  await new Promise<void>((r) => probe.bind(0, '127.0.0.1', () => r()));
  const { port } = probe.address();
  await new Promise<void>((r) => probe.close(() => r()));
  return port;
}

async function send(port: number, lines: string[]): Promise<void> {
  const sender = dgram.createSocket('udp4');
  for (const line of lines) await new Promise<void>((r, j) => sender.send(line, port, '127.0.0.1', (err) => (err ? j(err) : r())));
  sender.close();
}

describe('listenForCountLines', () => {
  it('reads the socket in rounds on this Node (it can pause the socket)', () => {
    const socket = dgram.createSocket('udp4');
    expect(udpHandle(socket)).toBeDefined();
    socket.close();
  });

  it('hands on every line, also those sent between its rounds, and reads the last ones as it closes', async () => {
    const port = await freeUdpPort();
    const got: string[] = [];
    const listener = await listenForCountLines(port, (line, times) => got.push(...Array<string>(times).fill(line)));
    const first = Array.from({ length: 500 }, (_, i) => `linje ${i}`);
    await send(port, first);
    await expect.poll(() => got.length, { timeout: 2000 }).toBe(500);
    // Resting between rounds: lines wait in the kernel and are read in the next round.
    await new Promise((r) => setTimeout(r, 60));
    await send(port, ['etter pause']);
    await expect.poll(() => got.at(-1), { timeout: 2000 }).toBe('etter pause');
    // Sent just before the stop: still read.
    await send(port, ['rett før stopp']);
    await listener.close();
    expect(got).toEqual([...first, 'etter pause', 'rett før stopp']);
  });

  it('misses no line while the app is busy: a render holding the event loop for a second', async () => {
    const port = await freeUdpPort();
    let counted = 0;
    let distinct = 0;
    const listener = await listenForCountLines(port, (_line, times) => {
      counted += times;
      distinct += 1;
    });
    // 20,000 lines over about a second, from another thread, while this one is held: far more
    // than the kernel keeps for a socket nobody reads (some 6,000 of these in 8 MiB).
    const sender = new Worker(
      `const dgram = require('node:dgram');
       const { workerData, parentPort } = require('node:worker_threads');
       const socket = dgram.createSocket('udp4');
       let sent = 0;
       const burst = () => {
         for (let i = 0; i < 400; i++) socket.send('side ' + (sent++ % 4), workerData.port, '127.0.0.1');
         if (sent < 20000) setTimeout(burst, 20);
         else setTimeout(() => { socket.close(); parentPort.postMessage('sent'); }, 100);
       };
       burst();`,
      { eval: true, workerData: { port } },
    );
    const sent = new Promise((r) => sender.once('message', r));
    const until = Date.now() + 1200;
    while (Date.now() < until); // held, as by a long render
    await sent;
    await expect.poll(() => counted, { timeout: 5000 }).toBe(20_000);
    // Identical lines reach the app once a round, with their number.
    expect(distinct).toBeLessThan(counted / 10);
    await listener.close();
    await sender.terminate();
  });

  it('refuses a port that is taken', async () => {
    const port = await freeUdpPort();
    const listener = await listenForCountLines(port, () => undefined);
    await expect(listenForCountLines(port, () => undefined)).rejects.toThrow();
    await listener.close();
  });
});

describe('nextRoundMs', () => {
  it('comes before the buffer is a quarter full at the last round\'s rate, within 5 and 100 ms', () => {
    // 4 MiB asked and 8 MiB given (Linux doubles it): 4,096 lines; at 20,000 a second a quarter of it fills in about 51 ms.
    expect(nextRoundMs(8 * 1024 * 1024, 400, 20)).toBe(51);
    expect(nextRoundMs(8 * 1024 * 1024, 40, 20)).toBe(100);
    // The usual 208 KiB buffer (425,984 given): 208 lines; at 20,000 a second, a round every 5 ms.
    expect(nextRoundMs(425_984, 400, 20)).toBe(5);
    expect(nextRoundMs(425_984, 40, 20)).toBe(26);
    expect(nextRoundMs(425_984, 0, 100)).toBe(100);
  });
});
