/**
 * What every form action answers: ok with a result, or error with a message and errors per
 * field, and always the values the person typed (never a password), so nothing is lost.
 */
export type FormState<Field extends string, Result = undefined> =
  | { status: 'idle' }
  | { status: 'ok'; result: Result }
  | { status: 'error'; message: string; fieldErrors: Partial<Record<Field, string>>; values: Partial<Record<Field, string>> };

export function fieldErrorsFrom<Field extends string>(issues: readonly { path: readonly PropertyKey[]; message: string }[]) {
  const errors: Partial<Record<Field, string>> = {};
  for (const issue of issues) {
    const field = issue.path[0];
    if (typeof field === 'string' && !(field in errors)) errors[field as Field] = issue.message;
  }
  return errors;
}
