'use client';

import { useActionState } from 'react';
import { FormMessage, secondaryButtonClass } from '@/components/form-message';
import type { QuickReply } from '@/lib/chat/quick-replies';
import { changeQuickReplyAction, deleteQuickReplyAction, type QuickReplyDeleteState, type QuickReplyFormState } from '../actions';
import { QuickReplyFields } from './quick-reply-fields';

const summary = 'cursor-pointer font-semibold text-brand-dark underline';

/** Change or delete one ready answer: each its own small form, working without JavaScript. */
export function QuickReplyActions({ reply }: { reply: QuickReply }) {
  const [state, change, saving] = useActionState<QuickReplyFormState, FormData>(changeQuickReplyAction, { status: 'idle' });
  const [removal, remove, removing] = useActionState<QuickReplyDeleteState, FormData>(deleteQuickReplyAction, { status: 'idle' });
  const errors = state.status === 'error' ? state.fieldErrors : {};
  const values = state.status === 'error' ? state.values : {};
  return (
    <div className="space-y-2">
      <FormMessage state={state} />
      <FormMessage state={removal} />
      <details open={state.status === 'error' ? true : undefined}>
        <summary className={summary}>
          Endre<span className="sr-only"> «{reply.title}»</span>
        </summary>
        <form action={change} noValidate className="mt-2 space-y-3">
          <input type="hidden" name="id" value={reply.id} />
          <QuickReplyFields prefix={`svar-${reply.id}-`} reply={reply} values={values} errors={errors} />
          <button type="submit" disabled={saving} className={secondaryButtonClass}>
            Lagre endringen
          </button>
        </form>
      </details>
      <form action={remove}>
        <input type="hidden" name="id" value={reply.id} />
        <button type="submit" disabled={removing} className={secondaryButtonClass}>
          Slett<span className="sr-only"> «{reply.title}»</span>
        </button>
      </form>
    </div>
  );
}
