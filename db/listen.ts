// LISTEN on a notification channel, for the chat bus (lib/chat/bus.ts): PostgreSQL needs a
// connection of its own for it; PGlite listens in process.
import pg from 'pg';
import { errorCode, raw } from '@/db/client';
import { env } from '@/lib/env';
import { log } from '@/lib/log';

/**
 * Listens on a notification channel for as long as the process runs. PostgreSQL: a connection
 * of its own (LISTEN holds a session), opened again after a loss, with `onReconnect` called so
 * listeners can catch up on what they missed meanwhile. PGlite: its in-process listener.
 * Returns a function that stops listening.
 */
export async function listenToChannel(
  channel: string,
  onPayload: (payload: string) => void,
  onReconnect: () => void,
): Promise<() => Promise<void>> {
  const r = await raw();
  if (r.kind === 'pglite') {
    const unlisten = await r.client.listen(channel, onPayload);
    return unlisten;
  }
  const { DATABASE_URL } = env();
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (isReconnect: boolean): Promise<void> => {
    const c = new pg.Client({ connectionString: DATABASE_URL, connectionTimeoutMillis: 5_000 });
    // Only the live connection's loss counts; one that failed while connecting is retried below.
    c.on('error', (err) => {
      log.warn('db.listen_error', { code: errorCode(err) });
      if (client === c) schedule();
    });
    c.on('end', () => {
      if (client === c) schedule();
    });
    c.on('notification', (msg) => {
      if (msg.channel === channel && msg.payload !== undefined) onPayload(msg.payload);
    });
    try {
      await c.connect();
      await c.query(`listen ${pg.escapeIdentifier(channel)}`);
      client = c;
      if (isReconnect) onReconnect();
    } catch (err) {
      log.warn('db.listen_connect_failed', { code: errorCode(err) });
      void c.end().catch(() => undefined);
      schedule();
    }
  };
  const schedule = () => {
    if (stopped || retry) return;
    client = undefined;
    retry = setTimeout(() => {
      retry = undefined;
      void connect(true);
    }, 1_000);
    retry.unref();
  };
  await connect(false);
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    const c = client;
    client = undefined;
    if (c) await c.end().catch(() => undefined);
  };
}
