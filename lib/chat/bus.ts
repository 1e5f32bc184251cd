import { getDb, type Database } from '@/db/client';
import { listenToChannel } from '@/db/listen';
import { CHAT_CHANNEL, parseChatEvent, type ChatEvent } from '@/db/queries/chat-events';
import { log } from '@/lib/log';
import { processWide } from '@/lib/process-wide';

/**
 * One LISTEN per process on the chat channel, handed to the few listeners in this process (the
 * stream hub, lib/chat/hub.ts, which reads once per event and fans out to the streams). A
 * message stored by any instance reaches every instance this way; the notification itself
 * carries no content.
 */
type Listener = (event: ChatEvent) => void;
type Bus = {
  listeners: Set<Listener>;
  started?: Promise<void>;
  /** The connection the LISTEN belongs to: a new one (tests switch databases) listens anew. */
  db?: Database;
  stop?: () => Promise<void>;
};

function bus(): Bus {
  return processWide<Bus>('chat-bus', () => ({ listeners: new Set() }));
}

function dispatch(event: ChatEvent): void {
  for (const listener of bus().listeners) {
    try {
      listener(event);
    } catch (err) {
      log.error('chat.listener_failed', { name: err instanceof Error ? err.name : 'unknown' });
    }
  }
}

/** Listens on the chat channel (again, after a switch of database); every subscriber waits for it. */
export async function startChatBus(): Promise<void> {
  const b = bus();
  const db = await getDb();
  if (b.db !== db) {
    void b.stop?.();
    b.stop = undefined;
    b.started = undefined;
    b.db = db;
  }
  if (!b.started) {
    const pending = listenToChannel(
      CHAT_CHANNEL,
      (payload) => {
        const event = parseChatEvent(payload);
        if (event) dispatch(event);
      },
      () => dispatch({ kind: 'resync' }),
    ).then((stop) => {
      if (b.db === db) b.stop = stop;
      else void stop();
    });
    b.started = pending;
    // Never keep a failed start: the next stream tries again.
    pending.catch(() => {
      if (b.started === pending) b.started = undefined;
    });
  }
  return b.started;
}

/** Calls `listener` for every chat event (and a resync after a lost connection). Returns the unsubscribe. */
export async function subscribeChat(listener: Listener): Promise<() => void> {
  await startChatBus();
  const b = bus();
  b.listeners.add(listener);
  return () => void b.listeners.delete(listener);
}

/** Stops listening (tests, before they drop their database); the next subscriber starts again. */
export async function stopChatBus(): Promise<void> {
  const b = bus();
  const stop = b.stop;
  b.stop = undefined;
  b.started = undefined;
  b.db = undefined;
  await stop?.();
}
