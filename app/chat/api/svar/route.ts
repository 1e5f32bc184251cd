import { getDb } from '@/db/client';
import { countSurveyAnswers } from '@/db/queries/chat-survey';
import { visitorState } from '@/db/queries/chat-visitor';
import { chatSurveySchema } from '@/lib/chat/survey';
import { surveyTicketHash } from '@/lib/chat/survey-ticket';
import { visitorTokenHash } from '@/lib/chat/visitor';
import { visitorRoute } from '@/lib/chat/visitor-route';
import { osloIsoDate } from '@/lib/dates';
import { env } from '@/lib/env';
import { json } from '@/lib/http/answer';
import { readJson } from '@/lib/http/read-json';

export const dynamic = 'force-dynamic';

/**
 * The visitor's answers after a chat, added to the day's counts with the ticket the chat's
 * start gave them. The chat itself is only read, never written: while the browser's chat
 * cookie still names a chat that is waiting or running, the answers wait for its end. (After
 * the end the cookie is gone, as the privacy statement promises, so the ticket is what lets an
 * answer in, once.) Neither the answers nor the ticket are logged.
 */
export const POST = visitorRoute('chat_visitor_survey', async ({ request, now }) => {
  const { billett, svar } = await readJson(request, chatSurveySchema);
  const db = await getDb();
  const tokenHash = visitorTokenHash(request);
  if (tokenHash && (await visitorState(db, { tokenHash, now }))) {
    return json({ error: 'Du kan svare når samtalen er avsluttet.' }, { status: 409 });
  }
  const secret = env().AUTH_SECRET;
  const today = osloIsoDate(now);
  const ticketHash = secret ? surveyTicketHash(billett, { secret, today }) : undefined;
  if (!ticketHash) return json({ error: 'Vi kunne ikke ta imot svarene denne gangen. Takk for at du ville svare.' }, { status: 400 });
  const outcome = await countSurveyAnswers(db, { ticketHash, day: today, answers: svar });
  if (outcome === 'used') return json({ error: 'Du har allerede svart for denne samtalen. Takk for svarene!' }, { status: 410 });
  return json({ status: 'takk' }, { status: 201 });
});
