'use client';

import { useActionState } from 'react';
import { Field, fieldProps } from '@/components/form-parts';
import { FormMessage } from '@/components/form-message';
import { formatDateTime } from '@/lib/dates';
import { deleteChatAction, findChatToDeleteAction, type DeleteState, type LookupState } from '../actions';
import { lookupLabels, statusLabels, type ChatFound } from './constants';

const button = 'inline-block rounded-lg bg-brand px-5 py-2 font-semibold text-white hover:bg-brand-dark disabled:opacity-70';
const danger = 'inline-block rounded-lg bg-accent px-5 py-2 font-semibold text-white hover:opacity-90 disabled:opacity-70';

/**
 * Step one: the code the visitor quoted. Step two: what was found (state and dates, never what
 * was written) and the deletion itself. Works without JavaScript.
 */
export function DeleteChatForm() {
  const [found, lookup, looking] = useActionState<LookupState, FormData>(findChatToDeleteAction, { status: 'idle' });
  const [deleted, remove, removing] = useActionState<DeleteState, FormData>(deleteChatAction, { status: 'idle' });
  const errors = found.status === 'error' ? found.fieldErrors : {};
  const chat = found.status === 'ok' && deleted.status !== 'ok' ? found.result : undefined;
  return (
    <div className="space-y-6">
      <div className="space-y-5 rounded-2xl bg-white p-5 md:p-8">
        <FormMessage state={found.status === 'ok' ? { status: 'idle' } : found} labels={lookupLabels} />
        <form action={lookup} noValidate className="space-y-5">
          <Field name="kode" label={lookupLabels.kode} hint="Slik den besøkende leste den opp eller skrev den, for eksempel CHAT-K7QM-3XHP." errors={errors}>
            <input {...fieldProps('kode', errors)} type="text" autoComplete="off" spellCheck={false} maxLength={24} className="input max-w-xs font-mono uppercase" />
          </Field>
          <button type="submit" disabled={looking} className={button}>
            {looking ? 'Leter …' : 'Finn samtalen'}
          </button>
        </form>
      </div>
      <FormMessage state={deleted.status === 'ok' ? { status: 'ok', result: deleted.result } : deleted} />
      {chat ? <Confirm chat={chat} action={remove} pending={removing} /> : null}
    </div>
  );
}

function Confirm({ chat, action, pending }: { chat: ChatFound; action: (form: FormData) => void; pending: boolean }) {
  return (
    <section aria-labelledby="bekreft-sletting" className="space-y-4 rounded-2xl border-2 border-accent bg-white p-5 md:p-8">
      <h2 id="bekreft-sletting" className="text-2xl font-semibold">
        Slette samtalen {chat.kode}?
      </h2>
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">Status</dt>
        <dd>{statusLabels[chat.status]}</dd>
        <dt className="font-semibold">Startet</dt>
        <dd>{formatDateTime(new Date(chat.startet))}</dd>
        <dt className="font-semibold">Avsluttet</dt>
        <dd>{chat.avsluttet ? formatDateTime(new Date(chat.avsluttet)) : 'Ikke ennå'}</dd>
      </dl>
      <p>
        Samtalen og alle meldingene slettes med en gang, og det kan ikke angres.
        {chat.status === 'avsluttet' ? null : ' Den er ikke avsluttet ennå, så den avsluttes først. Den besøkende ser da at samtalen er avsluttet og slettet.'}
      </p>
      <form action={action}>
        <input type="hidden" name="kode" value={chat.kode} />
        <button type="submit" disabled={pending} className={danger}>
          {pending ? 'Sletter …' : 'Slett samtalen nå'}
        </button>
      </form>
    </section>
  );
}
