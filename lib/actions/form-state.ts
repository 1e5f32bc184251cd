import type { ErrorCode } from '@/lib/actions/refusal';

/**
 * What every form action answers: ok with a result, or error with a code, a message and errors
 * per field, and always the values the person typed (never a password), so nothing is lost.
 */
export type FormState<Field extends string, Result = undefined> =
  | { status: 'idle' }
  | { status: 'ok'; result: Result }
  | { status: 'error'; code?: ErrorCode; message: string; fieldErrors: Partial<Record<Field, string>>; values: Partial<Record<Field, string>> };

export function fieldErrorsFrom<Field extends string>(issues: readonly { path: readonly PropertyKey[]; message: string }[]) {
  const errors: Partial<Record<Field, string>> = {};
  for (const issue of issues) {
    const field = issue.path[0];
    if (typeof field === 'string' && !(field in errors)) errors[field as Field] = issue.message;
  }
  return errors;
}

/**
 * A form's fields in the order its labels name them. The labels are the one list: the action
 * parses these fields and the form's error summary names them, so the two cannot drift apart.
 */
export function fieldsOf<Field extends string>(labels: Record<Field, string>): Field[] {
  return Object.keys(labels) as Field[];
}

/** Names of fields whose content is never sent back to the browser, whatever a form lists. */
const SECRET = /pass(word|ord)|secret|token|totp|^code$|^kode$/i;

export const isSecretField = (name: string) => SECRET.test(name);

/**
 * The fields a person typed, as text. Browsers send line breaks as CRLF; they are counted as
 * the textarea showed them. A secret field is read for parsing but never kept for echoing.
 */
export function readFields<Field extends string>(form: FormData, fields: readonly Field[]): { all: Record<Field, string>; echo: Partial<Record<Field, string>> } {
  const all = {} as Record<Field, string>;
  const echo: Partial<Record<Field, string>> = {};
  for (const f of fields) {
    const v = form.get(f);
    all[f] = typeof v === 'string' ? v.replace(/\r\n?/g, '\n') : '';
    if (!isSecretField(f)) echo[f] = all[f];
  }
  return { all, echo };
}
