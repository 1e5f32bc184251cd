import type { Ref } from 'react';

/** The accessible pieces every form here uses: error summary, labelled field, error text. */
export function fieldProps<F extends string>(name: F, errors: Partial<Record<F, string>>, group = false) {
  const describedBy = [`${name}-hint`, errors[name] ? `${name}-error` : ''].filter(Boolean).join(' ');
  return group
    ? { 'aria-describedby': errors[name] ? `${name}-error` : undefined, 'aria-invalid': errors[name] ? true : undefined }
    : { id: name, name, 'aria-describedby': describedBy, 'aria-invalid': errors[name] ? true : undefined };
}

export function Field<F extends string>({
  name,
  label,
  hint,
  errors,
  children,
}: {
  name: F;
  label: string;
  hint?: string;
  errors: Partial<Record<F, string>>;
  children: React.ReactNode;
}) {
  return (
    <div>
      <label htmlFor={name} className="block font-semibold">
        {label}
      </label>
      <p id={`${name}-hint`} className={hint ? 'text-sm text-muted' : 'sr-only'}>
        {hint ?? ''}
      </p>
      {errors[name] ? (
        <p id={`${name}-error`} className="field-error">
          {errors[name]}
        </p>
      ) : null}
      <div className="mt-1">{children}</div>
    </div>
  );
}

export function ErrorSummary<F extends string>({
  ref,
  autoFocus,
  message,
  errors,
  labels,
}: {
  ref?: Ref<HTMLDivElement>;
  /** Focused as the page loads (the contact form's answer is a whole new page: no script moves focus there). */
  autoFocus?: boolean;
  message: string;
  errors: Partial<Record<F, string>>;
  labels: Record<F, string>;
}) {
  const entries = Object.entries(errors) as [F, string][];
  return (
    <div ref={ref} autoFocus={autoFocus} tabIndex={-1} role="alert" aria-labelledby="feiloppsummering" className="rounded-lg border-2 border-accent bg-[#fdeeea] p-4">
      <h2 id="feiloppsummering" className="text-lg font-bold">
        {message}
      </h2>
      {entries.length ? (
        <ul className="mt-2 list-disc pl-6">
          {entries.map(([field, text]) => (
            <li key={field}>
              <a href={`#${field}`} className="text-accent underline">
                {labels[field].replace(/\?$/, '')}: {text}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
