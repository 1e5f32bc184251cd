'use client';

import { useActionState } from 'react';
import type { StaffListItem } from '@/db/queries/staff-admin';
import { changeStaffAction, type StaffChangeFormState } from '../actions';
import { FormMessage, secondaryButtonClass } from '@/components/form-message';

const summary = 'cursor-pointer font-semibold text-brand-dark underline';

/**
 * What an administrator can do to one account. Each change sits behind a <details> with its own
 * confirm button, so nothing happens on one click, with or without JavaScript. The component
 * stays in place after a change, so its message (and any new link) is still shown.
 */
export function StaffActions({ person, self }: { person: Pick<StaffListItem, 'id' | 'name' | 'status' | 'hasPassword'>; self: boolean }) {
  const [state, action, pending] = useActionState<StaffChangeFormState, FormData>(changeStaffAction, { status: 'idle' });
  const { id, name, status, hasPassword } = person;
  const newInvite = !hasPassword;
  return (
    <div className="space-y-3">
      <FormMessage state={state} />
      {self ? <p className="text-muted">Dette er deg.</p> : null}
      {!self && status !== 'disabled' ? (
        <>
          <details>
            <summary className={summary}>{newInvite ? 'Ny invitasjonslenke' : 'Nullstill andre faktor'}</summary>
            <form action={action} className="mt-2 space-y-2">
              <input type="hidden" name="id" value={id} />
              <input type="hidden" name="change" value="reset" />
              <p>
                {newInvite
                  ? `${name} har ikke valgt passord ennå. Du får en ny lenke å sende, og tidligere lenker slutter å virke.`
                  : `${name} blir logget ut med en gang og kan ikke logge inn igjen før den nye lenken er brukt til å sette opp en ny andre faktor.`}
              </p>
              <button type="submit" disabled={pending} className={secondaryButtonClass}>
                {newInvite ? `Lag ny lenke til ${name}` : `Nullstill andre faktor for ${name}`}
              </button>
            </form>
          </details>
          <details>
            <summary className={summary}>Deaktiver</summary>
            <form action={action} className="mt-2 space-y-2">
              <input type="hidden" name="id" value={id} />
              <input type="hidden" name="change" value="disable" />
              <p>{name} blir logget ut med en gang og kan ikke logge inn igjen. Det som er gjort, står fortsatt i tilgangsloggen.</p>
              <button type="submit" disabled={pending} className={secondaryButtonClass}>
                {`Deaktiver ${name}`}
              </button>
            </form>
          </details>
        </>
      ) : null}
    </div>
  );
}
