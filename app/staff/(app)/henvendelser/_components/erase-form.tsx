'use client';

import { useActionState } from 'react';
import { fieldProps } from '@/components/form-parts';
import { FormMessage } from '@/components/form-message';
import { eraseInquiryAction, type EraseFormState } from '../[id]/actions';

const danger = 'inline-block rounded-lg bg-accent px-5 py-2 font-semibold text-white hover:opacity-90 disabled:opacity-70';

/** The erasure itself, confirmed by a tick: it cannot be undone. Works without JavaScript. */
export function EraseForm({ inquiryId }: { inquiryId: string }) {
  const [state, action, pending] = useActionState<EraseFormState, FormData>(eraseInquiryAction, { status: 'idle' });
  const errors = state.status === 'error' ? state.fieldErrors : {};
  return (
    <form action={action} noValidate className="space-y-4">
      <input type="hidden" name="id" value={inquiryId} />
      <FormMessage state={state} labels={{ bekreft: 'Bekreftelse' }} />
      <div>
        <p id="bekreft-hint" className="sr-only">
          Slettingen kan ikke angres.
        </p>
        {errors.bekreft ? (
          <p id="bekreft-error" className="field-error">
            {errors.bekreft}
          </p>
        ) : null}
        <label htmlFor="bekreft" className="mt-1 flex items-start gap-3">
          <input {...fieldProps('bekreft', errors)} type="checkbox" value="ja" className="mt-1 size-5" />
          <span>Personen har selv bedt om at henvendelsen slettes.</span>
        </label>
      </div>
      <button type="submit" disabled={pending} className={danger}>
        {pending ? 'Sletter …' : 'Slett henvendelsen nå'}
      </button>
    </form>
  );
}
