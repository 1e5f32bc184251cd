import { useEffect, useRef } from 'react';
import { ErrorSummary } from '@/components/form-parts';
import type { FormState } from '@/lib/actions/form-state';

/**
 * What a form here says after it is sent: the confirmation in a polite live region that is
 * always present (so it is announced), or the error summary, focused, linking each field.
 * Imported by client components only.
 */
export function FormStatus<F extends string>({ state, labels }: { state: FormState<F, { message: string }>; labels: Record<F, string> }) {
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === 'error') summary.current?.focus();
  }, [state]);
  return (
    <>
      <div role="status" className={state.status === 'ok' ? 'rounded-lg border-2 border-brand bg-brand-light p-3 font-semibold' : undefined}>
        {state.status === 'ok' ? state.result.message : null}
      </div>
      {state.status === 'error' ? <ErrorSummary ref={summary} message={state.message} errors={state.fieldErrors} labels={labels} /> : null}
    </>
  );
}
