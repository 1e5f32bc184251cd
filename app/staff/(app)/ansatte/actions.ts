'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { addStaffWithInvite, disableStaffMember, INVITE_HOURS, resetSecondFactor } from '@/db/queries/staff-admin';
import { staffRoles } from '@/db/schema';
import type { FormState } from '@/lib/actions/form-state';
import { refuse } from '@/lib/actions/refusal';
import { env } from '@/lib/env';
import { staffAction } from '@/lib/staff/action';
import type { StaffWork } from '@/lib/staff/work';
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

const GONE = 'Vi finner ikke den ansatte. Last siden på nytt.';
const FIX = 'Noe må rettes før vi kan legge til den ansatte.';
const onStaff = { roles: ['admin'], event: 'staff_admin' } as const;

const setupLink = (token: string) => `${env().SITE_URL.replace(/\/+$/, '')}/staff/oppsett/${token}`;
const valid = `Lenken virker i ${INVITE_HOURS} timer, kan brukes én gang og vises bare nå.`;

/** Every change's log row sits under the account it changed. */
async function logged(audit: StaffWork['audit'], staffId: string, done: StaffDone): Promise<StaffDone> {
  await audit('staff_change', { type: 'staff', id: staffId });
  return done;
}

function revalidated(done: StaffDone): StaffDone {
  revalidatePath('/staff/ansatte');
  return done;
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

export const addStaffAction = staffAction({
  ...onStaff,
  fields: ['name', 'email', 'role'],
  schema: addSchema,
  invalid: FIX,
  run: async ({ db, input, now, audit }) => {
    const added = await addStaffWithInvite(db, { ...input, now });
    if (!added.ok) throw refuse('conflict', FIX, { email: 'Det finnes allerede en ansatt med denne e-postadressen, også om kontoen er deaktivert.' });
    const message = `${input.name} er lagt til som ${roleLabels[input.role].toLowerCase()}. Send lenken under til ${input.name}. Med den velger ${input.name} passord og setter opp andre faktor. ${valid}`;
    return logged(audit, added.id, { message, link: setupLink(added.token) });
  },
  done: revalidated,
});

const refusals = {
  disable: { self: 'Du kan ikke deaktivere deg selv. Be en annen administrator om det.', disabled: 'Kontoen er allerede deaktivert.', not_found: GONE },
  reset: { self: 'Du kan ikke nullstille din egen andre faktor. Be en annen administrator om det.', disabled: 'Kontoen er deaktivert. Den kan ikke få en ny lenke.', not_found: GONE },
} as const;

/**
 * Disables an account, or removes its second factor and issues a new link. One action for both,
 * so a row's message always answers the last thing done to it.
 */
export const changeStaffAction = staffAction({
  ...onStaff,
  fields: [],
  hidden: ['id', 'change'],
  missing: GONE,
  schema: z.object({ id: z.uuid(), change: z.enum(['disable', 'reset']) }),
  run: async ({ db, input: { id, change }, who, now, audit }) => {
    if (change === 'disable') {
      const done = await disableStaffMember(db, { id, actorId: who.staffId, now });
      if (!done.ok) throw refuse(done.reason === 'not_found' ? 'not_found' : 'conflict', refusals.disable[done.reason]);
      return logged(audit, id, { message: `${done.name} er deaktivert. Alle øktene er avsluttet, og lenker som ikke er brukt, virker ikke lenger.` });
    }
    const done = await resetSecondFactor(db, { id, actorId: who.staffId, now });
    if (!done.ok) throw refuse(done.reason === 'not_found' ? 'not_found' : 'conflict', refusals.reset[done.reason]);
    const message =
      done.purpose === 'reset_totp'
        ? `Andre faktor for ${done.name} er fjernet, og alle øktene er avsluttet. Send lenken under til ${done.name}. Med den setter ${done.name} opp en ny. ${valid}`
        : `${done.name} har ikke valgt passord ennå og får en ny invitasjon. Tidligere lenker virker ikke lenger. ${valid}`;
    return logged(audit, id, { message, link: setupLink(done.token) });
  },
  done: revalidated,
});
