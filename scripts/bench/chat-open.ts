import http from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Instance } from './chat-instances';
import { cookiesFrom, openSse, request, type SseEvent, type SseStream } from './chat-http';
import { type Errors, noteError } from './errors';

/**
 * Chat bench, opening the chats: a visitor starts a chat on A and streams its events there,
 * the host on B takes it. Also the warm-up that opens and ends a few chats before anything is
 * measured. What the bench measures is described in ./chat.ts.
 */
const EVENT_TIMEOUT_MS = 30_000;

export type Chat = {
  id: string;
  cookie: string;
  stream: SseStream;
  /** Event numbers of `melding` events seen on the stream. */
  seqs: Set<number>;
  /** The host who holds it now (a transfer changes it). */
  host: Host;
};

export type Host = { name: string; port: number; cookie: string; agent: http.Agent };

/** What a chat's stream tells the measurement: each `melding` event, and that the stream ended. */
type StreamHandlers = {
  onMessage: (chat: Chat, e: SseEvent, at: number) => void;
  onEnd: (reason: string) => void;
};

function isState(status: string): (e: SseEvent) => boolean {
  return (e) => {
    if (e.event !== 'tilstand') return false;
    try {
      return (JSON.parse(e.data) as { status?: string }).status === status;
    } catch {
      return false;
    }
  };
}

export async function hostAction(host: Host, body: Record<string, string>): Promise<{ status: number; body: string }> {
  return request(host.port, 'POST', '/staff/chat/api/handling', { body: JSON.stringify(body), cookie: host.cookie, agent: host.agent });
}

/**
 * One visitor on A: start, stream, taken by the host on B, `aktiv` seen on A. `onMessage` gets
 * every `melding` event of the stream; `onEnd` is told if the stream ends.
 */
async function openChat(a: Instance, host: Host, { onMessage, onEnd }: StreamHandlers): Promise<Chat> {
  const started = await request(a.port, 'POST', '/chat/api/samtale', { body: '{}' });
  if (started.status !== 201) throw new Error(`start answered ${started.status}`);
  const token = cookiesFrom(started).get('hl_chat');
  if (!token) throw new Error('start set no hl_chat cookie');
  const { id } = JSON.parse(started.body) as { id: string };
  const cookie = `hl_chat=${token}`;
  // Events that come before the stream's handle does wait here for it.
  const opened: { chat?: Chat; early: [SseEvent, number][] } = { early: [] };
  const stream = await openSse(a.port, '/chat/api/hendelser', cookie, {
    onEvent: (e) => {
      if (e.event !== 'melding') return;
      const at = performance.now();
      if (opened.chat) onMessage(opened.chat, e, at);
      else opened.early.push([e, at]);
    },
    onEnd,
  });
  const chat: Chat = { id, cookie, stream, seqs: new Set(), host };
  opened.chat = chat;
  for (const [e, at] of opened.early) onMessage(chat, e, at);
  try {
    await stream.waitFor((e) => e.event === 'tilstand', EVENT_TIMEOUT_MS);
    const taken = await hostAction(host, { handling: 'ta', id });
    if (taken.status !== 200) throw new Error(`ta answered ${taken.status}`);
    await stream.waitFor(isState('aktiv'), EVENT_TIMEOUT_MS);
  } catch (err) {
    stream.close();
    throw err;
  }
  return chat;
}

/** Every code path once, then ended, so first-use costs are not counted per chat. */
export async function warmUp(a: Instance, host: Host, count: number): Promise<void> {
  const ignore: StreamHandlers = { onMessage: () => {}, onEnd: () => {} };
  for (let i = 0; i < count; i++) {
    const chat = await openChat(a, host, ignore);
    const reply = await hostAction(host, { handling: 'send', id: chat.id, tekst: 'oppvarming' });
    if (reply.status !== 201) throw new Error(`warm-up send answered ${reply.status}`);
    await chat.stream.waitFor((e) => e.event === 'melding', EVENT_TIMEOUT_MS);
    await request(a.port, 'POST', '/chat/api/avslutt', { body: '{}', cookie: chat.cookie });
    await chat.stream.waitFor(isState('avsluttet'), EVENT_TIMEOUT_MS).catch(() => undefined);
    chat.stream.close();
  }
}

/**
 * Opens `count` chats, `concurrency` at a time, into `chats` (the caller's list, so that it
 * closes whatever was opened even if this is cut short), taken by the hosts in turn. A chat that
 * fails is counted, not thrown.
 */
export async function openChats(
  a: Instance,
  hosts: readonly Host[],
  { count, concurrency }: { count: number; concurrency: number },
  chats: Chat[],
  handlers: StreamHandlers,
  errors: Errors,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const host = hosts[next++ % hosts.length]!;
      try {
        chats.push(await openChat(a, host, handlers));
      } catch (err) {
        noteError(errors, `opening a chat failed (${(err as Error).message})`);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
