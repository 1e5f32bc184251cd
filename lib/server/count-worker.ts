import { parentPort, workerData } from 'node:worker_threads';
import { bindCountSocket, type FromCountThread } from '@/lib/server/count-listener';

/**
 * The count listener's thread (lib/server/count-listener.ts): binds the count port, hands the
 * app each round's lines, and on 'close' reads the last ones and says how many the kernel
 * dropped. It reads lines and nothing else; the app counts them.
 */
const port = (workerData as { port: number }).port;
const tell = (message: FromCountThread) => parentPort?.postMessage(message);

try {
  const socket = await bindCountSocket(port, (batch) => tell({ type: 'lines', batch }));
  parentPort?.on('message', async (message) => {
    if (message !== 'close') return;
    tell({ type: 'closed', dropped: await socket.close() });
    parentPort?.close();
  });
  tell({ type: 'ready' });
} catch (error) {
  tell({ type: 'refused', code: (error as NodeJS.ErrnoException).code ?? 'unknown' });
}
