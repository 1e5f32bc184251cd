'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { FormMessage } from '@/components/form-message';
import { deleteCourseAction, type ConfirmState } from '../actions';
import { cancelSessionAction } from '../okt/actions';

const dangerButtonClass = 'inline-block rounded-lg bg-accent px-5 py-2 font-semibold text-white no-underline hover:opacity-90 disabled:opacity-70';
const secondaryButtonClass = 'inline-block rounded-lg border-2 border-brand px-5 py-2 font-semibold text-brand-dark no-underline hover:bg-brand-light';

const kinds = {
  delete: { action: deleteCourseAction, label: 'Slett kurset', pending: 'Sletter …' },
  cancel: { action: cancelSessionAction, label: 'Avlys datoen', pending: 'Avlyser …' },
} as const;

/**
 * The last step of deleting a course or cancelling a session, reached from a page that says
 * what it does. It stays on screen when the page behind it changes, so the answer is read.
 */
export function ConfirmForm({ kind, id, active, back }: { kind: keyof typeof kinds; id: string; active: boolean; back: { href: string; text: string } }) {
  const { action: serverAction, label, pending: pendingLabel } = kinds[kind];
  const [state, action, pending] = useActionState<ConfirmState, FormData>(serverAction, { status: 'idle' });
  const backLink = (
    <Link href={back.href} className={secondaryButtonClass}>
      {state.status === 'ok' || !active ? back.text : 'Avbryt'}
    </Link>
  );
  return (
    <div className="space-y-4">
      <FormMessage state={state} />
      {state.status !== 'ok' && active ? (
        <form action={action} className="flex flex-wrap items-center gap-3">
          <input type="hidden" name="id" value={id} />
          <button type="submit" disabled={pending} className={dangerButtonClass}>
            {pending ? pendingLabel : label}
          </button>
          {backLink}
        </form>
      ) : (
        <p>{backLink}</p>
      )}
    </div>
  );
}
