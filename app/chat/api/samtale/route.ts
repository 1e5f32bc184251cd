import { getDb } from '@/db/client';
import { hostsFree, usualWaitMinutes } from '@/db/queries/chat-presence';
import { isTokenBlocked, startConversation, visitorState, type VisitorState } from '@/db/queries/chat-visitor';
import type { Database } from '@/db/client';
import { chatIsOpen } from '@/lib/chat/opening';
import { newSurveyTicket } from '@/lib/chat/survey-ticket';
import { newChatToken, hashChatToken } from '@/lib/chat/token';
import { chatCookie, visitorTokenHash } from '@/lib/chat/visitor';
import { visitorRoute } from '@/lib/chat/visitor-route';
import { osloIsoDate } from '@/lib/dates';
import { env } from '@/lib/env';
import { log } from '@/lib/log';
import { limiter } from '@/lib/rate-limit/limiter';
import { CLIENT_KEY_HEADER } from '@/lib/server/client-key-header';
import { ALARMTELEFONEN } from '@/lib/help-numbers';
import { json } from '@/lib/http/answer';

export const dynamic = 'force-dynamic';

/**
 * A waiting visitor also hears whether any host could take the chat now (`ledig`) and, when one
 * could, how long a wait usually is (`vanligVentetid`, whole minutes; absent when we cannot say).
 * With nobody free no estimate is given: it would be a promise we cannot keep.
 */
async function withOutlook(db: Database, state: VisitorState, now: Date) {
  if (state.status !== 'venter') return state;
  const ledig = (await hostsFree(db, { now })) > 0;
  return { ...state, ledig, vanligVentetid: ledig ? ((await usualWaitMinutes(db, { now })) ?? null) : null };
}

/** The visitor's open chat (for a refresh in the same tab), or `ingen`. */
export const GET = visitorRoute('chat_visitor_state', async ({ request, now }) => {
  const tokenHash = visitorTokenHash(request);
  if (!tokenHash) return json({ status: 'ingen' });
  const db = await getDb();
  const state = await visitorState(db, { tokenHash, now });
  if (!state || state.status === 'avsluttet') return json({ status: 'ingen' }, { cookie: chatCookie(null) });
  return json(await withOutlook(db, state, now));
});

/** "Start chat": a new conversation known only by a fresh random token in the cookie. */
export const POST = visitorRoute('chat_visitor_start', async ({ request, clock, now }) => {
  const db = await getDb();
  const existing = visitorTokenHash(request);
  if (existing) {
    if (await isTokenBlocked(db, { tokenHash: existing, now })) {
      return json({ error: `Du kan ikke starte en ny samtale nå. Trenger du hjelp, kan du ringe ${ALARMTELEFONEN.number}.` }, { status: 403 });
    }
    const state = await visitorState(db, { tokenHash: existing, now });
    if (state && state.status !== 'avsluttet') return json(await withOutlook(db, state, now));
  }
  if (!(await chatIsOpen(db, now))) return json({ error: 'Chatten er stengt nå. Se åpningstidene på siden.' }, { status: 409 });
  const clientKey = request.headers.get(CLIENT_KEY_HEADER) ?? 'unknown';
  const allowed = limiter('chat-start', { limit: env().CHAT_START_LIMIT, windowMs: 12 * 3_600_000, clock }).take(clientKey);
  if (!allowed.ok) {
    log.info('chat.start_rate_limited');
    return json({ error: `Du har startet mange samtaler på kort tid. Vent litt før du prøver igjen, eller ring ${ALARMTELEFONEN.number}.` }, { status: 429 });
  }
  const token = newChatToken();
  const tokenHash = hashChatToken(token);
  await startConversation(db, { tokenHash, now });
  const state = await visitorState(db, { tokenHash, now });
  // The survey ticket travels in this answer only, to the page's memory; it is stored nowhere.
  const secret = env().AUTH_SECRET;
  const svarbillett = secret ? newSurveyTicket({ secret, day: osloIsoDate(now) }) : undefined;
  return json(state && { ...(await withOutlook(db, state, now)), svarbillett }, { status: 201, cookie: chatCookie(token) });
});
