import dgram from 'node:dgram';

export type CountListener = { close: () => Promise<void> };

/** How long the socket must be quiet before it closes, and the longest a close waits for that. */
const QUIET_MS = 50;
const DRAIN_MAX_MS = 1000;

/**
 * Listens for the nginx recipe's count lines on 127.0.0.1:`port` (UDP, loopback only) and hands
 * each datagram to `onDatagram`. Rejects when the port cannot be bound. `close` first reads
 * what nginx sent just before the stop, still queued in the socket, so those pages are counted.
 */
export function listenForCountLines(port: number, onDatagram: (datagram: Buffer) => void): Promise<CountListener> {
  const socket = dgram.createSocket('udp4');
  let last = 0;
  socket.on('message', (datagram) => {
    last = Date.now();
    onDatagram(datagram);
  });
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(port, '127.0.0.1', () => {
      socket.off('error', reject);
      // A receive error on a bound UDP socket is not fatal: the next datagram still arrives.
      socket.on('error', () => undefined);
      resolve({
        close: async () => {
          const until = Date.now() + DRAIN_MAX_MS;
          do await new Promise((r) => setTimeout(r, QUIET_MS));
          while (Date.now() - last < QUIET_MS && Date.now() < until);
          await new Promise<void>((r) => socket.close(() => r()));
        },
      });
    });
  });
}
