import { performance } from 'node:perf_hooks';
import { request } from './chat-http';
import { type Chat, type Host, hostAction } from './chat-open';
import { sleep } from './chat-deliver';
import { type Errors, noteError } from './errors';

/**
 * Chat bench, handovers while the messages flow: every `everyMs`, the next chat of `pool` (chats
 * no message is sent to, so a send never meets a chat that just moved) is handed warm, with a
 * note, by its host to a colleague the console would offer (GET /staff/chat/api/verter: free and
 * below their limit). `done` handovers answered 200; `none_free` found nobody to give it to;
 * anything else is an error. `answer_ms` is the handover POST's time.
 */
export type Transfers = { done: number; none_free: number; answers: number[] };

export function startTransfers(pool: Chat[], hosts: readonly Host[], everyMs: number, errors: Errors): () => Promise<Transfers> {
  const byName = new Map(hosts.map((h) => [h.name, h]));
  const result: Transfers = { done: 0, none_free: 0, answers: [] };
  let running = pool.length > 0;
  const loop = (async () => {
    for (let i = 0; running; i++) {
      await sleep(everyMs);
      if (!running) break;
      const chat = pool[i % pool.length]!;
      try {
        const offered = await request(chat.host.port, 'GET', '/staff/chat/api/verter', { cookie: chat.host.cookie, agent: chat.host.agent });
        if (offered.status !== 200) throw new Error(`verter answered ${offered.status}`);
        const free = (JSON.parse(offered.body) as { verter: { id: string; name: string }[] }).verter.filter((h) => byName.has(h.name));
        if (free.length === 0) {
          result.none_free++;
          continue;
        }
        const to = free[Math.floor(Math.random() * free.length)]!;
        const t0 = performance.now();
        const reply = await hostAction(chat.host, { handling: 'gi-videre', id: chat.id, til: to.id, notat: 'Overført i benchen.' });
        result.answers.push(performance.now() - t0);
        if (reply.status !== 200) throw new Error(`gi-videre answered ${reply.status}`);
        chat.host = byName.get(to.name)!;
        result.done++;
      } catch (err) {
        noteError(errors, `a handover failed (${(err as Error).message})`);
      }
    }
  })();
  return async () => {
    running = false;
    await loop;
    return result;
  };
}
