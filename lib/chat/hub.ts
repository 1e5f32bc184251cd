import 'server-only';
import { getDb } from '@/db/client';
import { activeChatsOfHosts, conversationUpdate, openConversationIds, waitingQueue, type ChatEvent } from '@/db/queries/chat-events';
import { staffNotes } from '@/db/queries/chat-handover';
import { touchPresence } from '@/db/queries/chat-presence';
import type { OpenedMessage } from '@/db/queries/chat-shared';
import { liveSessions } from '@/db/queries/session-check';
import type { StaffRole } from '@/db/schema';
import type { StreamCaller } from '@/lib/auth/staff-session';
import { startChatBus, subscribeChat } from '@/lib/chat/bus';
import { coalesced } from '@/lib/chat/coalesce';
import { identifyingDetails } from '@/lib/chat/identifying';
import type { SseSend } from '@/lib/chat/sse';
import { appClock } from '@/lib/clock';
import { env } from '@/lib/env';
import { log } from '@/lib/log';
import { processWide } from '@/lib/process-wide';

/**
 * Every chat event stream of this instance, fed from shared reads: a chat event is read once
 * here (its state, and its new messages opened once) and handed to each stream of that chat,
 * visitors' and host's alike; a queue change is one read of the queue for every waiting
 * visitor's place and every host's overview. So an event costs a few queries per instance,
 * however many streams are open. Staff streams are checked against their sessions, in one read
 * for all of them, before anything is sent to them and every SESSION_RECHECK_MS.
 */
const SESSION_RECHECK_MS = 15_000;
const SESSION_ENDED_MESSAGE = 'Økten din er avsluttet. Logg inn igjen for å fortsette.';

type Visitor = { conversationId: string; sentSeq: number; place: number | null; lastState: string; send: SseSend; close: () => void };
type Host = {
  caller: StreamCaller;
  roles: readonly StaffRole[];
  sent: Map<string, number>;
  chats: Set<string>;
  lastOverview: string;
  endTimer?: NodeJS.Timeout;
  send: SseSend;
  close: () => void;
};
type Hub = {
  visitors: Map<string, Set<Visitor>>;
  hosts: Set<Host>;
  convJobs: Map<string, () => void>;
  overview?: () => void;
  /** The waiting chats' ids in order, kept only while some stream needs them. */
  queue?: string[];
  ticker?: NodeJS.Timeout;
  subscribed?: Promise<unknown>;
};

function hub(): Hub {
  return processWide<Hub>('chat-hub', () => ({ visitors: new Map(), hosts: new Set(), convJobs: new Map() }));
}

const failed = (what: string) => (err: unknown) => log.error(what, { name: err instanceof Error ? err.name : 'unknown' });

function onEvent(event: ChatEvent): void {
  const h = hub();
  if (event.kind === 'message' || event.kind === 'status') {
    if (isWatched(event.conversationId)) convJob(event.conversationId)();
    if (event.kind === 'status' && h.hosts.size > 0) overviewJob()();
  } else if (event.kind === 'queue') {
    overviewJob()();
  } else {
    overviewJob()();
    for (const id of h.visitors.keys()) convJob(id)();
  }
}

function isWatched(id: string): boolean {
  const h = hub();
  if (h.visitors.has(id)) return true;
  for (const host of h.hosts) if (host.chats.has(id)) return true;
  return false;
}

async function listening(): Promise<void> {
  const h = hub();
  h.subscribed ??= subscribeChat(onEvent).catch((err) => {
    h.subscribed = undefined;
    throw err;
  });
  await h.subscribed;
  await startChatBus();
  if (!h.ticker) {
    h.ticker = setInterval(() => void tick().catch(failed('chat.stream_check_failed')), SESSION_RECHECK_MS);
    h.ticker.unref();
  }
}

function stopTickerIfIdle(): void {
  const h = hub();
  if (h.visitors.size === 0 && h.hosts.size === 0 && h.ticker) {
    clearInterval(h.ticker);
    h.ticker = undefined;
  }
}

/** The periodic check: every host's session, and whether every visitor's chat is still open. */
async function tick(): Promise<void> {
  const h = hub();
  if (h.hosts.size > 0) {
    const ok = await allowedHosts([...h.hosts]);
    // A host whose console is open and whose session stands is present (db/queries/chat-presence.ts).
    await touchPresence(await getDb(), { staffIds: ok.map((x) => x.caller.staffId), now: appClock().now() }).catch(failed('chat.presence_failed'));
  }
  const ids = [...h.visitors.keys()];
  if (ids.length === 0) return;
  const open = await openConversationIds(await getDb(), { ids, now: appClock().now() });
  for (const id of ids) if (!open.has(id)) convJob(id)();
}

/** The hosts whose session still stands and whose role may read; the others are told and closed. */
async function allowedHosts(hosts: Host[]): Promise<Host[]> {
  const now = appClock().now();
  let live: Awaited<ReturnType<typeof liveSessions>>;
  try {
    live = await liveSessions(await getDb(), { tokenHashes: hosts.map((x) => x.caller.sessionHash), now, idleMinutes: env().SESSION_IDLE_MINUTES });
  } catch (err) {
    // When we cannot tell, nothing is sent.
    failed('chat.session_check_failed')(err);
    return [];
  }
  const ok: Host[] = [];
  for (const host of hosts) {
    const s = live.get(host.caller.sessionHash);
    if (s && s.staffId === host.caller.staffId && host.roles.includes(s.role)) {
      ok.push(host);
      if (!host.endTimer) {
        // Never past the absolute end, even between two checks.
        host.endTimer = setTimeout(() => endHost(host), Math.max(0, s.expiresAt.getTime() - now.getTime()));
        host.endTimer.unref();
      }
    } else endHost(host);
  }
  return ok;
}

function endHost(host: Host): void {
  if (!hub().hosts.has(host)) return;
  host.send({ event: 'slutt', data: { melding: SESSION_ENDED_MESSAGE } });
  host.close();
}

/** Drops the read jobs of chats no stream here watches any more. */
function forget(ids: Iterable<string>): void {
  for (const id of ids) if (!isWatched(id)) hub().convJobs.delete(id);
}

function convJob(id: string): () => void {
  const h = hub();
  let job = h.convJobs.get(id);
  if (!job) {
    job = coalesced(() => readConversation(id), failed('chat.stream_read_failed'));
    h.convJobs.set(id, job);
  }
  return job;
}

async function readConversation(id: string): Promise<void> {
  const h = hub();
  const visitors = [...(h.visitors.get(id) ?? [])];
  const hosts = [...h.hosts].filter((x) => x.chats.has(id));
  if (visitors.length === 0 && hosts.length === 0) {
    h.convJobs.delete(id);
    return;
  }
  const afterSeq = Math.min(...visitors.map((v) => v.sentSeq), ...hosts.map((x) => x.sent.get(id) ?? 0));
  const { conv, deleted, messages } = await conversationUpdate(await getDb(), { id, afterSeq, now: appClock().now() });
  for (const v of visitors) {
    for (const m of messages) if (m.seq > v.sentSeq) sendToVisitor(v, m);
    // A deleted chat (at the visitor's request, say) is told as such; one only out of reach as ended.
    sendVisitorState(v, conv ? { status: conv.status, vert: conv.hostFirstName } : { status: deleted ? 'slettet' : 'avsluttet', vert: null });
  }
  const forHosts = hosts.filter((x) => conv?.status === 'aktiv' && conv.hostId === x.caller.staffId && messages.some((m) => m.seq > (x.sent.get(id) ?? 0)));
  if (forHosts.length === 0) return;
  const found = new Map(messages.map((m) => [m.seq, m.sender === 'besokende' ? identifyingDetails(m.body) : []]));
  for (const x of await allowedHosts(forHosts)) {
    for (const m of messages) {
      if (m.seq <= (x.sent.get(id) ?? 0)) continue;
      // `egen`: written by this host; after a handover the earlier host's lines are not "you".
      x.send({ event: 'melding', data: { samtale: id, seq: m.seq, fra: m.sender, egen: m.authorId === x.caller.staffId, tid: m.createdAt.toISOString(), tekst: m.body, funn: found.get(m.seq) } });
      x.sent.set(id, m.seq);
    }
  }
}

function sendToVisitor(v: Visitor, m: OpenedMessage): void {
  v.send({ event: 'melding', id: m.seq, data: { seq: m.seq, fra: m.sender, tid: m.createdAt.toISOString(), tekst: m.body } });
  v.sentSeq = m.seq;
}

function sendVisitorState(v: Visitor, { status, vert }: { status: string; vert: string | null }): void {
  if (status === 'venter') {
    const i = hub().queue?.indexOf(v.conversationId) ?? -1;
    if (i >= 0) v.place = i + 1;
  }
  const state = JSON.stringify({ status, plass: status === 'venter' ? v.place : null, vert });
  if (state !== v.lastState) {
    v.lastState = state;
    v.send({ event: 'tilstand', data: JSON.parse(state) as unknown });
  }
  if (status === 'avsluttet' || status === 'slettet') v.close();
}

function overviewJob(): () => void {
  const h = hub();
  h.overview ??= coalesced(readOverview, failed('chat.stream_read_failed'));
  return h.overview;
}

/** One read of the queue for every place and overview, one of every host's open chats. */
async function readOverview(): Promise<void> {
  const h = hub();
  const waitingVisitors = () => [...h.visitors.values()].flatMap((set) => [...set]).filter((v) => v.lastState.includes('"venter"'));
  if (h.hosts.size === 0 && waitingVisitors().length === 0) {
    h.queue = undefined;
    return;
  }
  const db = await getDb();
  const now = appClock().now();
  const queue = await waitingQueue(db, { now });
  h.queue = queue.map((q) => q.id);
  // Who waits is read after the queue, not before: a stream whose first state arrived while the
  // queue was being read got its place from the old queue, and must hear the new one now.
  for (const v of waitingVisitors()) {
    const i = h.queue.indexOf(v.conversationId);
    // Gone from the queue: taken or ended; its own read says which.
    if (i < 0) convJob(v.conversationId)();
    else sendVisitorState(v, { status: 'venter', vert: null });
  }
  if (h.hosts.size === 0) return;
  const hosts = await allowedHosts([...h.hosts]);
  const chats = await activeChatsOfHosts(db, { hostIds: hosts.map((x) => x.caller.staffId), now });
  // The notes left by earlier hosts of these chats go with them, to whoever holds them now.
  const notes = await staffNotes(db, { ids: chats.filter((c) => c.hasNotes).map((c) => c.id) });
  const ko = queue.map((c) => ({ id: c.id, startet: c.createdAt.toISOString() }));
  for (const x of hosts) {
    const mine = chats.filter((c) => c.hostId === x.caller.staffId);
    x.chats = new Set(mine.map((c) => c.id));
    const overview = JSON.stringify({
      ko,
      mine: mine.map((c) => ({
        id: c.id,
        kode: c.reference,
        tatt: c.acceptedAt?.toISOString() ?? null,
        merket: c.flaggedAt !== null,
        slettes: c.deleteAfter?.toISOString() ?? null,
        tema: c.categories,
        // Supervisors reading it now: the host sees that someone is.
        tilsyn: c.readers,
        notater: notes.filter((n) => n.conversationId === c.id).map((n) => ({ fra: n.from, til: n.to, tid: n.at.toISOString(), tekst: n.body })),
      })),
    });
    if (overview !== x.lastOverview) {
      x.lastOverview = overview;
      x.send({ event: 'oversikt', data: JSON.parse(overview) as unknown });
    }
    for (const c of mine) if ((x.sent.get(c.id) ?? 0) < c.lastSeq) convJob(c.id)();
  }
}

/**
 * A visitor's stream joins its chat: everything after `afterSeq`, then every change. `place`
 * is the queue place read when it opened. Returns the leave.
 */
export async function watchAsVisitor(input: { conversationId: string; afterSeq: number; place: number | null; send: SseSend; close: () => void }): Promise<() => void> {
  await listening();
  const h = hub();
  const v: Visitor = { conversationId: input.conversationId, sentSeq: input.afterSeq, place: input.place, lastState: '', send: input.send, close: input.close };
  let set = h.visitors.get(v.conversationId);
  if (!set) h.visitors.set(v.conversationId, (set = new Set()));
  set.add(v);
  convJob(v.conversationId)();
  // Start keeping the queue for places, if no stream did.
  if (input.place !== null && !h.queue) overviewJob()();
  return () => {
    set.delete(v);
    if (set.size === 0 && h.visitors.get(v.conversationId) === set) h.visitors.delete(v.conversationId);
    forget([v.conversationId]);
    stopTickerIfIdle();
  };
}

/** A host's stream: the overview and every message of the host's open chats. Returns the leave. */
export async function watchAsHost(input: { caller: StreamCaller; roles: readonly StaffRole[]; send: SseSend; close: () => void }): Promise<() => void> {
  await listening();
  const h = hub();
  const x: Host = { caller: input.caller, roles: input.roles, sent: new Map(), chats: new Set(), lastOverview: '', send: input.send, close: input.close };
  h.hosts.add(x);
  await touchPresence(await getDb(), { staffIds: [x.caller.staffId], now: appClock().now() }).catch(failed('chat.presence_failed'));
  overviewJob()();
  return () => {
    if (x.endTimer) clearTimeout(x.endTimer);
    h.hosts.delete(x);
    forget(x.chats);
    stopTickerIfIdle();
  };
}

/** How many staff members have the chat workbench open on this instance (opening-hours coverage). */
export function hostsOnDuty(): number {
  return new Set([...hub().hosts].map((x) => x.caller.staffId)).size;
}
