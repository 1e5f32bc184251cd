/**
 * One checkbox with its label, and its hint and error linked to it. `context` is read out
 * before the label only (for a row of alike boxes: "Spørsmål 2: Må besvares").
 */
export function CheckField({ name, label, context, hint, checked, errors }: { name: string; label: string; context?: string; hint?: string; checked: boolean; errors: Partial<Record<string, string>> }) {
  const described = [hint ? `${name}-hint` : '', errors[name] ? `${name}-error` : ''].filter(Boolean).join(' ');
  return (
    <div>
      {errors[name] ? (
        <p id={`${name}-error`} className="field-error">
          {errors[name]}
        </p>
      ) : null}
      <div className="flex items-start gap-2">
        <input type="checkbox" name={name} id={name} value="ja" defaultChecked={checked} aria-describedby={described || undefined} aria-invalid={errors[name] ? true : undefined} className="mt-1 size-5 shrink-0" />
        <label htmlFor={name}>
          {context ? <span className="sr-only">{context}</span> : null}
          {label}
        </label>
      </div>
      {hint ? (
        <p id={`${name}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
