/** What went wrong during a bench section, counted by kind and reported, never thrown. */
export type Errors = { count: number; kinds: Map<string, number> };

export const newErrors = (): Errors => ({ count: 0, kinds: new Map() });

export function noteError(errors: Errors, kind: string): void {
  errors.count++;
  errors.kinds.set(kind, (errors.kinds.get(kind) ?? 0) + 1);
}

/** The kinds as a plain object for the report, or undefined when nothing went wrong. */
export const kindsOf = (errors: Errors) => (errors.kinds.size ? Object.fromEntries(errors.kinds) : undefined);
