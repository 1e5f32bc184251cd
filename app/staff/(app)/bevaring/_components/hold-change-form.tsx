'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { handOverAction, releaseHoldAction, type HoldChangeState } from '../actions';
import { buttonClass, dangerButtonClass, secondaryButtonClass } from './constants';
import { FormMessage } from '@/components/form-message';

const kinds = {
  release: { action: releaseHoldAction, label: 'Opphev pålegget', pending: 'Opphever …', button: buttonClass },
  handover: { action: handOverAction, label: 'Marker som utlevert', pending: 'Lagrer …', button: dangerButtonClass },
} as const;

/**
 * The last step of releasing a hold or marking its object handed over. The confirmation stays
 * on screen after the page behind it has changed, so it is one component for every state.
 */
export function HoldChangeForm({ kind, holdId, active }: { kind: keyof typeof kinds; holdId: string; active: boolean }) {
  const { action: serverAction, label, pending: pendingLabel, button } = kinds[kind];
  const [state, action, pending] = useActionState<HoldChangeState, FormData>(serverAction, { status: 'idle' });
  const back = (
    <Link href="/staff/bevaring" className={secondaryButtonClass}>
      {state.status === 'ok' || !active ? 'Tilbake til bevaringspåleggene' : 'Avbryt'}
    </Link>
  );
  return (
    <div className="space-y-4">
      <FormMessage state={state} />
      {state.status !== 'ok' && !active ? <p className="font-semibold">Pålegget er ikke aktivt lenger, så det er ingenting å endre.</p> : null}
      {state.status !== 'ok' && active ? (
        <form action={action} className="flex flex-wrap items-center gap-3">
          <input type="hidden" name="id" value={holdId} />
          <button type="submit" disabled={pending} className={button}>
            {pending ? pendingLabel : label}
          </button>
          {back}
        </form>
      ) : (
        <p>{back}</p>
      )}
    </div>
  );
}
