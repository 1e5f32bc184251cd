'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { errorCode, getDb, type Database } from '@/db/client';
import { logAccess } from '@/db/queries/audit';
import { addStaffWithInvite, disableStaffMember, INVITE_HOURS, resetSecondFactor } from '@/db/queries/staff-admin';
import { staffRoles } from '@/db/schema';
import { fieldErrorsFrom, type FormState } from '@/lib/actions/form-state';
import { staffAllowed } from '@/lib/auth/staff-session';
import { appClock } from '@/lib/clock';
import { env } from '@/lib/env';
import { log } from '@/lib/log';
import { EMAIL_MAX, NAME_MAX, roleLabels, type StaffDone } from './_components/labels';

/**
 * Changes to staff accounts. Each is a public POST endpoint, so each checks first that the
 * caller is an administrator, and writes nothing for anyone else. A change and its row in the
 * access log are written together or not at all. A one-time link goes back to the form once,
 * in the answer, and is never logged: only its hash is stored.
 */
type AddField = 'name' | 'email' | 'role';
export type AddStaffFormState = FormState<AddField, StaffDone>;
export type StaffChangeFormState = FormState<never, StaffDone>;

const ADMIN = ['admin'] as const;
const FORBIDDEN = 'Du har ikke tilgang til dette.';
const GONE = 'Vi finner ikke den ansatte. Last siden på nytt.';
const FAILED = 'Endringen ble ikke lagret. Prøv igjen om litt.';

type Outcome<F extends string> = { ok: true; id: string; done: StaffDone } | { ok: false; message: string; fieldErrors?: Partial<Record<F, string>> };

const setupLink = (token: string) => `${env().SITE_URL.replace(/\/+$/, '')}/staff/oppsett/${token}`;
const valid = `Lenken virker i ${INVITE_HOURS} timer, kan brukes én gang og vises bare nå.`;

/** Runs one change and its log row in a transaction; failures are logged without personal data. */
async function commit<F extends string>(event: string, staffId: string, work: (db: Database, ctx: { now: Date }) => Promise<Outcome<F>>) {
  try {
    const db = await getDb();
    const now = appClock().now();
    return await db.transaction(async (tx) => {
      const t = tx as unknown as Database;
      const outcome = await work(t, { now });
      if (outcome.ok) await logAccess(t, { staffId, action: 'staff_change', objectType: 'staff', objectId: outcome.id, now });
      return outcome;
    });
  } catch (err) {
    log.error('staff_admin.failed', { event, code: errorCode(err) });
    return { ok: false as const, message: FAILED };
  }
}

const addSchema = z.object({
  name: z.string().trim().min(1, 'Skriv navnet.').max(NAME_MAX, `Navnet kan ha høyst ${NAME_MAX} tegn.`),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, 'Skriv e-postadressen.')
    .max(EMAIL_MAX, `E-postadressen kan ha høyst ${EMAIL_MAX} tegn.`)
    .pipe(z.email('Skriv en gyldig e-postadresse, for eksempel navn@eksempel.no.')),
  role: z.enum(staffRoles, { error: 'Velg en rolle.' }),
});

export async function addStaffAction(_prev: AddStaffFormState, form: FormData): Promise<AddStaffFormState> {
  const who = await staffAllowed(ADMIN);
  const text = (k: string) => (typeof form.get(k) === 'string' ? String(form.get(k)) : '');
  const values = { name: text('name'), email: text('email'), role: text('role') };
  const fail = (message: string, fieldErrors: Partial<Record<AddField, string>> = {}) => ({ status: 'error' as const, message, fieldErrors, values });
  if (!who) return fail(FORBIDDEN);

  const parsed = addSchema.safeParse(values);
  if (!parsed.success) return fail('Noe må rettes før vi kan legge til den ansatte.', fieldErrorsFrom<AddField>(parsed.error.issues));
  const input = parsed.data;

  const outcome = await commit<'email'>('add', who.staffId, async (db, { now }) => {
    const added = await addStaffWithInvite(db, { ...input, now });
    if (!added.ok) {
      return { ok: false, message: 'Noe må rettes før vi kan legge til den ansatte.', fieldErrors: { email: 'Det finnes allerede en ansatt med denne e-postadressen, også om kontoen er deaktivert.' } };
    }
    const message = `${input.name} er lagt til som ${roleLabels[input.role].toLowerCase()}. Send lenken under til ${input.name}. Med den velger ${input.name} passord og setter opp andre faktor. ${valid}`;
    return { ok: true, id: added.id, done: { message, link: setupLink(added.token) } };
  });
  if (!outcome.ok) return fail(outcome.message, outcome.fieldErrors);

  revalidatePath('/staff/ansatte');
  return { status: 'ok', result: outcome.done };
}

const changeSchema = z.object({ id: z.uuid(), change: z.enum(['disable', 'reset']) });

const refusals = {
  disable: { self: 'Du kan ikke deaktivere deg selv. Be en annen administrator om det.', disabled: 'Kontoen er allerede deaktivert.', not_found: GONE },
  reset: { self: 'Du kan ikke nullstille din egen andre faktor. Be en annen administrator om det.', disabled: 'Kontoen er deaktivert. Den kan ikke få en ny lenke.', not_found: GONE },
} as const;

/**
 * Disables an account, or removes its second factor and issues a new link. One action for both,
 * so a row's message always answers the last thing done to it.
 */
export async function changeStaffAction(_prev: StaffChangeFormState, form: FormData): Promise<StaffChangeFormState> {
  const who = await staffAllowed(ADMIN);
  const fail = (message: string) => ({ status: 'error' as const, message, fieldErrors: {}, values: {} });
  if (!who) return fail(FORBIDDEN);

  const parsed = changeSchema.safeParse({ id: form.get('id'), change: form.get('change') });
  if (!parsed.success) return fail(GONE);
  const { id, change } = parsed.data;

  const outcome = await commit<never>(change, who.staffId, async (db, { now }) => {
    if (change === 'disable') {
      const done = await disableStaffMember(db, { id, actorId: who.staffId, now });
      if (!done.ok) return { ok: false, message: refusals.disable[done.reason] };
      return { ok: true, id, done: { message: `${done.name} er deaktivert. Alle øktene er avsluttet, og lenker som ikke er brukt, virker ikke lenger.` } };
    }
    const done = await resetSecondFactor(db, { id, actorId: who.staffId, now });
    if (!done.ok) return { ok: false, message: refusals.reset[done.reason] };
    const message =
      done.purpose === 'reset_totp'
        ? `Andre faktor for ${done.name} er fjernet, og alle øktene er avsluttet. Send lenken under til ${done.name}. Med den setter ${done.name} opp en ny. ${valid}`
        : `${done.name} har ikke valgt passord ennå og får en ny invitasjon. Tidligere lenker virker ikke lenger. ${valid}`;
    return { ok: true, id, done: { message, link: setupLink(done.token) } };
  });
  if (!outcome.ok) return fail(outcome.message);

  revalidatePath('/staff/ansatte');
  return { status: 'ok', result: outcome.done };
}
