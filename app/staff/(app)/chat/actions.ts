'use server';

import { revalidatePath } from 'next/cache';
import { errorCode, getDb, type Database } from '@/db/client';
import { logAccess } from '@/db/queries/audit';
import { saveChatHours } from '@/db/queries/chat-settings';
import { type FormState } from '@/lib/actions/form-state';
import { staffAllowed } from '@/lib/auth/staff-session';
import { describeHours, parseChatHours } from '@/lib/chat/hours';
import { appClock } from '@/lib/clock';
import { log } from '@/lib/log';

export type HoursState = FormState<'hours', { message: string }>;

/** An admin sets the chat's opening hours; the setting and its access-log row are saved together. */
export async function saveChatHoursAction(_prev: HoursState, form: FormData): Promise<HoursState> {
  const raw = form.get('hours');
  const hours = typeof raw === 'string' ? raw.trim() : '';
  const fail = (message: string, field?: string) => ({ status: 'error' as const, message, fieldErrors: field ? { hours: field } : {}, values: { hours } });
  const who = await staffAllowed(['admin']);
  if (!who) return fail('Du har ikke tilgang til dette.');
  if (hours.length > 200) return fail('Noe må rettes før vi kan lagre.', 'Åpningstidene kan ha høyst 200 tegn.');
  const parsed = parseChatHours(hours);
  if (!parsed.ok) return fail('Noe må rettes før vi kan lagre.', parsed.error);
  try {
    const db = await getDb();
    const now = appClock().now();
    await db.transaction(async (tx) => {
      const t = tx as unknown as Database;
      await saveChatHours(t, { hours, staffId: who.staffId, now });
      await logAccess(t, { staffId: who.staffId, action: 'chat_hours', objectType: 'chat_settings', objectId: '1', now });
    });
  } catch (err) {
    log.error('chat_hours.failed', { code: errorCode(err) });
    return fail('Endringen ble ikke lagret. Prøv igjen om litt.');
  }
  revalidatePath('/staff/chat');
  return { status: 'ok', result: { message: `Lagret. Chatten er åpen ${describeHours(parsed.hours)}.` } };
}
