'use client';

import { useEffect, useRef } from 'react';
import type { FormState } from '@/lib/actions/form-state';

/**
 * What a staff form says after it is sent: a confirmation in a polite live region that is
 * always present (so it is announced), with a one-time link when there is one (it lives only
 * in this state and is gone after a reload), or the error, focused, linking to each field.
 */
export type FormDone = { message: string; link?: string };

export function FormMessage<F extends string>({ state, labels }: { state: FormState<F, FormDone>; labels?: Record<F, string> }) {
  const alert = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === 'error') alert.current?.focus();
  }, [state]);

  const fieldErrors = state.status === 'error' ? (Object.entries(state.fieldErrors) as [F, string][]) : [];
  return (
    <>
      <div role="status" className={state.status === 'ok' ? 'space-y-2 rounded-lg border-2 border-brand bg-brand-light p-3' : undefined}>
        {state.status === 'ok' ? (
          <>
            <p className="font-semibold">{state.result.message}</p>
            {state.result.link ? (
              <p>
                <span className="block">Lenke:</span>
                <code className="block select-all break-all rounded bg-white p-2 font-mono">{state.result.link}</code>
              </p>
            ) : null}
          </>
        ) : null}
      </div>
      {state.status === 'error' ? (
        <div ref={alert} tabIndex={-1} role="alert" className="rounded-lg border-2 border-accent bg-[#fdeeea] p-3">
          <p className="font-semibold">{state.message}</p>
          {fieldErrors.length && labels ? (
            <ul className="mt-1 list-disc pl-6">
              {fieldErrors.map(([field, text]) => (
                <li key={field}>
                  <a href={`#${field}`} className="text-accent underline">
                    {labels[field]}: {text}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </>
  );
}

export const buttonClass = 'rounded-lg bg-brand px-5 py-2 font-semibold text-white hover:bg-brand-dark disabled:opacity-70';
export const secondaryButtonClass =
  'rounded-lg border-2 border-brand px-5 py-2 font-semibold text-brand-dark hover:bg-brand-light disabled:opacity-70';
