import { useEffect, useRef } from 'react';
import type { FormState } from '@/lib/actions/form-state';

type State<F extends string> = FormState<F, { message: string }>;

/**
 * What a small review form says after it is sent: a confirmation in a polite live region that
 * is always present (so it is announced), or the error, focused, with a link to each field.
 * Imported by client components only.
 */
export function FormMessage<F extends string>({ state, labels }: { state: State<F>; labels?: Record<F, string> }) {
  const alert = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === 'error') alert.current?.focus();
  }, [state]);

  const fieldErrors = state.status === 'error' ? (Object.entries(state.fieldErrors) as [F, string][]) : [];
  return (
    <>
      <div role="status" className={state.status === 'ok' ? 'rounded-lg border-2 border-brand bg-brand-light p-3 font-semibold' : undefined}>
        {state.status === 'ok' ? state.result.message : null}
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

export const buttonClass =
  'rounded-lg bg-brand px-5 py-2 font-semibold text-white hover:bg-brand-dark disabled:opacity-70';
export const secondaryButtonClass =
  'rounded-lg border-2 border-brand px-5 py-2 font-semibold text-brand-dark hover:bg-brand-light disabled:opacity-70';
