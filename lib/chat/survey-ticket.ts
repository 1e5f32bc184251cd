import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { osloIsoDate } from '@/lib/dates';

/**
 * The one-time ticket that lets a chat's visitor answer the survey once. It is made when the
 * chat starts and handed to the visitor's page with the start answer, and it is written
 * nowhere: it is the day it was made, a random part, and the server's signature over both.
 * When it is used, only the SHA-256 of its random part is written (chat_survey_used_tickets),
 * so it cannot be used twice. Since issuing writes nothing, no table holds anything that was
 * written as a chat started and later went away as its visitor answered: a copy of the
 * database, even with the server's secret, cannot tell which chat's visitor answered.
 *
 * A ticket is good on the day it was made and the two days after (a chat may run past
 * midnight; the purge forgets used tickets once no ticket they could match is good any longer).
 */
const SURVEY_TICKET_DAYS = 3;

const SHAPE = /^(\d{4}-\d{2}-\d{2})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

function signature(secret: string, day: string, nonce: string): Buffer {
  return createHmac('sha256', secret).update(`chat-survey-ticket|${day}|${nonce}`).digest();
}

/** A new ticket, for a chat started on `day` (an Oslo date). */
export function newSurveyTicket({ secret, day }: { secret: string; day: string }): string {
  const nonce = randomBytes(16).toString('base64url');
  return `${day}.${nonce}.${signature(secret, day, nonce).toString('base64url')}`;
}

/** The first day a ticket made on `day` is no longer good, as an Oslo date. */
function surveyTicketExpiry(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + SURVEY_TICKET_DAYS);
  return d.toISOString().slice(0, 10);
}

/**
 * The first day whose used tickets the purge keeps at `now`: a ticket used on an earlier day
 * was made before that day, and is no longer good.
 */
export function usedTicketsKeptFrom(now: Date): string {
  const d = new Date(`${osloIsoDate(now)}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - SURVEY_TICKET_DAYS);
  return d.toISOString().slice(0, 10);
}

/**
 * The hash to write when the ticket is used, or undefined when it is not one of ours or is no
 * longer good on `today`.
 */
export function surveyTicketHash(ticket: unknown, { secret, today }: { secret: string; today: string }): string | undefined {
  if (typeof ticket !== 'string') return undefined;
  const match = SHAPE.exec(ticket);
  if (!match) return undefined;
  const [, day, nonce, mac] = match as unknown as [string, string, string, string];
  const given = Buffer.from(mac, 'base64url');
  const expected = signature(secret, day, nonce);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  if (day > today || surveyTicketExpiry(day) <= today) return undefined;
  return createHash('sha256').update(nonce).digest('hex');
}
