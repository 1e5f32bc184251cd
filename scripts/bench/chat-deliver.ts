import { performance } from 'node:perf_hooks';
import type { SseEvent } from './chat-http';
import { type Chat, hostAction } from './chat-open';
import { type Errors, noteError } from './errors';

/**
 * Chat bench, delivering the messages: the host posts on B at a steady rate, the visitors'
 * streams on A note when each one arrives, and the tally turns that into latencies, losses and
 * duplicates. What the bench measures is described in ./chat.ts.
 */
const DRAIN_MS = 10_000;

type Sent = { start: number; chat: Chat; ok: boolean | undefined; seq?: number; answeredAt?: number };

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What the streams on A have seen: when each numbered bench message arrived, and repeats. */
type Arrivals = {
  arrived: Map<number, { at: number; seq: number }>;
  duplicated: number;
  onMessage: (chat: Chat, e: SseEvent, at: number) => void;
};

export function newArrivals(errors: Errors): Arrivals {
  const arrivals: Arrivals = {
    arrived: new Map(),
    duplicated: 0,
    onMessage: (chat, e, at) => {
      const seq = Number(e.id);
      if (chat.seqs.has(seq)) arrivals.duplicated++;
      chat.seqs.add(seq);
      let tekst = '';
      try {
        tekst = (JSON.parse(e.data) as { tekst?: string }).tekst ?? '';
      } catch {
        noteError(errors, 'a melding event that is not JSON');
      }
      const k = /^bench (\d+)$/.exec(tekst)?.[1];
      if (k !== undefined && !arrivals.arrived.has(Number(k))) arrivals.arrived.set(Number(k), { at, seq });
    },
  };
  return arrivals;
}

/** `messages` host messages at `rate` per second, each to a random chat from its host; resolves when B has answered all. */
export async function sendMessages(
  chats: Chat[],
  { messages, rate }: { messages: number; rate: number },
  errors: Errors,
): Promise<Map<number, Sent>> {
  const sent = new Map<number, Sent>();
  const interval = 1000 / rate;
  const sends: Promise<void>[] = [];
  const t0 = performance.now();
  for (let k = 0; k < messages && chats.length > 0; k++) {
    const wait = t0 + k * interval - performance.now();
    if (wait > 0) await sleep(wait);
    const chat = chats[Math.floor(Math.random() * chats.length)]!;
    const entry: Sent = { start: performance.now(), chat, ok: undefined };
    sent.set(k, entry);
    sends.push(
      hostAction(chat.host, { handling: 'send', id: chat.id, tekst: `bench ${k}` }).then(
        (reply) => {
          entry.answeredAt = performance.now();
          entry.ok = reply.status === 201;
          if (entry.ok) entry.seq = (JSON.parse(reply.body) as { seq: number }).seq;
          else noteError(errors, `send answered ${reply.status}`);
        },
        (err: Error) => {
          entry.ok = false;
          noteError(errors, `send failed (${err.message})`);
        },
      ),
    );
  }
  await Promise.all(sends);
  return sent;
}

/** Waits up to DRAIN_MS for every stored message to arrive on A. */
export async function drain(stored: [number, Sent][], arrived: Arrivals['arrived']): Promise<void> {
  const drainUntil = performance.now() + DRAIN_MS;
  while (stored.some(([k]) => !arrived.has(k)) && performance.now() < drainUntil) await sleep(50);
}

/** Sorted latencies and answer times of the stored messages, and how many never arrived. */
export function tally(stored: [number, Sent][], arrived: Arrivals['arrived'], errors: Errors): { latencies: number[]; answers: number[]; lost: number } {
  const latencies: number[] = [];
  const answers: number[] = [];
  let lost = 0;
  for (const [k, s] of stored) {
    answers.push(s.answeredAt! - s.start);
    const got = arrived.get(k);
    if (!got) {
      lost++;
      continue;
    }
    latencies.push(got.at - s.start);
    if (got.seq !== s.seq) noteError(errors, 'the event number differs from the number B answered');
  }
  latencies.sort((x, y) => x - y);
  answers.sort((x, y) => x - y);
  return { latencies, answers, lost };
}
