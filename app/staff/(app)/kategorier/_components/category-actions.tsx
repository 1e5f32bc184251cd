'use client';

import { useActionState } from 'react';
import { FormMessage, secondaryButtonClass } from '@/components/form-message';
import { changeCategoryAction, type CategoryChangeFormState } from '../actions';
import { LABEL_MAX } from './labels';

const summary = 'cursor-pointer font-semibold text-brand-dark underline';

/** Rename, move, take out of use or back: each its own small form, working without JavaScript. */
export function CategoryActions({ id, label, retired, first, last }: { id: number; label: string; retired: boolean; first: boolean; last: boolean }) {
  const [state, action, pending] = useActionState<CategoryChangeFormState, FormData>(changeCategoryAction, { status: 'idle' });
  const typed = state.status === 'error' ? state.values.label : undefined;
  const labelError = state.status === 'error' ? state.fieldErrors.label : undefined;
  const fieldId = `navn-${id}`;
  const hidden = (change: string) => (
    <>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="change" value={change} />
    </>
  );
  return (
    <div className="space-y-2">
      <FormMessage state={state} />
      <div className="flex flex-wrap gap-2">
        {first ? null : (
          <form action={action}>
            {hidden('up')}
            <button type="submit" disabled={pending} className={secondaryButtonClass}>
              Flytt opp<span className="sr-only"> {label}</span>
            </button>
          </form>
        )}
        {last ? null : (
          <form action={action}>
            {hidden('down')}
            <button type="submit" disabled={pending} className={secondaryButtonClass}>
              Flytt ned<span className="sr-only"> {label}</span>
            </button>
          </form>
        )}
        <form action={action}>
          {hidden(retired ? 'restore' : 'retire')}
          <button type="submit" disabled={pending} className={secondaryButtonClass}>
            {retired ? 'Ta i bruk igjen' : 'Ta ut av bruk'}
            <span className="sr-only"> {label}</span>
          </button>
        </form>
      </div>
      <details open={labelError ? true : undefined}>
        <summary className={summary}>
          Endre navn<span className="sr-only"> på {label}</span>
        </summary>
        <form action={action} noValidate className="mt-2 space-y-2">
          {hidden('rename')}
          <label htmlFor={fieldId} className="block font-semibold">
            Nytt navn
          </label>
          {labelError ? (
            <p id={`${fieldId}-error`} className="field-error">
              {labelError}
            </p>
          ) : null}
          <input
            id={fieldId}
            name="label"
            autoComplete="off"
            maxLength={LABEL_MAX}
            defaultValue={typed ?? label}
            aria-invalid={labelError ? true : undefined}
            aria-describedby={labelError ? `${fieldId}-error` : undefined}
            className="input"
          />
          <button type="submit" disabled={pending} className={secondaryButtonClass}>
            Lagre navnet
          </button>
        </form>
      </details>
    </div>
  );
}
