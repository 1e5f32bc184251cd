'use client';

import { useActionState } from 'react';
import { closeAction, reopenAction, type LifecycleFormState } from '../actions';
import { buttonClass, FormMessage, secondaryButtonClass } from '@/components/form-message';

const idle: LifecycleFormState = { status: 'idle' };

/**
 * Ends the contact, or opens it again while it still exists. One component for both, so the
 * confirmation survives the page switching from one button to the other.
 */
export function LifecycleForm({ inquiryId, closed, hasReason }: { inquiryId: string; closed: boolean; hasReason: boolean }) {
  const [closeState, close, closing] = useActionState<LifecycleFormState, FormData>(closeAction, idle);
  const [reopenState, reopen, reopening] = useActionState<LifecycleFormState, FormData>(reopenAction, idle);
  const [mine, other] = closed ? [reopenState, closeState] : [closeState, reopenState];
  const shown = mine.status === 'error' ? mine : other.status === 'ok' ? other : mine;

  return (
    <div className="space-y-3">
      <FormMessage state={shown} />
      {closed ? (
        <form action={reopen} className="space-y-2">
          <input type="hidden" name="id" value={inquiryId} />
          <p className="text-muted">Gjenåpner du kontakten, fjernes slettedatoen til kontakten avsluttes på nytt.</p>
          <button type="submit" disabled={reopening} className={secondaryButtonClass}>
            {reopening ? 'Gjenåpner …' : 'Gjenåpne'}
          </button>
        </form>
      ) : (
        <form action={close} className="space-y-2">
          <input type="hidden" name="id" value={inquiryId} />
          <p className="text-muted">
            Når kontakten er avsluttet, slettes henvendelsen og notatene tre måneder etter. Du kan gjenåpne den før den slettes.
          </p>
          {hasReason ? null : (
            <p>
              Ingen tema er valgt ennå. <a href="#tema" className="text-brand-dark underline">Velg tema og utfall</a> før du avslutter, så kommer henvendelsen med i statistikken.
            </p>
          )}
          <button type="submit" disabled={closing} className={buttonClass}>
            {closing ? 'Avslutter …' : 'Avslutt kontakten'}
          </button>
        </form>
      )}
    </div>
  );
}
