import { getDb, listenToChannel, type Database } from '@/db/client';
import { CHAT_CHANNEL, parseChatEvent, type ChatEvent } from '@/db/queries/chat';
import { log } from '@/lib/log';

/**
 * One LISTEN per process on the chat channel, fanned out to the streams open in this process.
 * A message stored by any instance reaches every instance this way; each stream then reads
 * what is new from the database, so the notification itself carries no content.
 */
type Listener = (event: ChatEvent) => void;
type Bus = {
  byConversation: Map<string, Set<Listener>>;
  everything: Set<Listener>;
  started?: Promise<void>;
  /** The connection the LISTEN belongs to: a new one (tests switch databases) listens anew. */
  db?: Database;
  stop?: () => Promise<void>;
};

const busKey = Symbol.for('hjelpelinje.chat-bus');

function bus(): Bus {
  const g = globalThis as Record<symbol, unknown>;
  return (g[busKey] ??= { byConversation: new Map(), everything: new Set() }) as Bus;
}

function dispatch(event: ChatEvent): void {
  const b = bus();
  const targets: Listener[] = [...b.everything];
  if (event.kind === 'resync') for (const set of b.byConversation.values()) targets.push(...set);
  else if (event.kind !== 'queue') targets.push(...(b.byConversation.get(event.conversationId) ?? []));
  for (const listener of targets) {
    try {
      listener(event);
    } catch (err) {
      log.error('chat.listener_failed', { name: err instanceof Error ? err.name : 'unknown' });
    }
  }
}

async function start(): Promise<void> {
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

/**
 * Calls `listener` for events about one conversation (and for a resync after a lost database
 * connection), or with 'all' for every event including queue changes. Returns the unsubscribe.
 */
export async function subscribeChat(target: string | 'all', listener: Listener): Promise<() => void> {
  await start();
  const b = bus();
  if (target === 'all') {
    b.everything.add(listener);
    return () => void b.everything.delete(listener);
  }
  let set = b.byConversation.get(target);
  if (!set) b.byConversation.set(target, (set = new Set()));
  set.add(listener);
  return () => {
    set.delete(listener);
    if (set.size === 0 && b.byConversation.get(target) === set) b.byConversation.delete(target);
  };
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
