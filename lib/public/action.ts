import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import { errorCode } from '@/db/client';
import { fieldErrorsFrom, isSecretField, readFields, type FormState } from '@/lib/actions/form-state';
import { Refusal, type ErrorCode } from '@/lib/actions/refusal';
import { log } from '@/lib/log';

type Errors<F extends string> = Partial<Record<F, string>>;

/**
 * The one way to write a public server action (the contact form, signing in, a one-time link).
 * No session is checked, by design; the form's own rules, limits and tokens are the permission.
 * It parses with zod and answers the form state: a typed code and one Norwegian sentence on an
 * error, with what was typed (never a secret field), and no stack trace or database message ever.
 */
export function publicAction<F extends string, S extends z.ZodType, R>(spec: {
  fields: readonly F[];
  /** How the fields are read, when the form has its own reader. */
  read?: (form: FormData) => Record<F, string>;
  schema: S;
  /** What the schema parses, when it is not the fields as read. */
  input?: (values: Record<F, string>) => unknown;
  /** The summary above field errors (code `invalid`). */
  invalid: string;
  /** The sentence when something fails unexpectedly (code `unavailable`). */
  failed: string;
  /** A content-free name for the log line when the work fails. */
  event: string;
  /** An answer before parsing (a robot's honeypot); undefined goes on. */
  before?: (ctx: { form: FormData }) => FormState<F, R> | undefined;
  /** The work; `throw refuse(...)` to refuse. A redirect passes through. */
  run: (ctx: { input: z.output<S>; form: FormData }) => Promise<R>;
}) {
  return async (_prev: FormState<F, R>, form: FormData): Promise<FormState<F, R>> => {
    const all = spec.read ? spec.read(form) : readFields(form, spec.fields).all;
    const echo = Object.fromEntries(Object.entries(all).filter(([k]) => !isSecretField(k))) as Errors<F>;
    const fail = (code: ErrorCode, message: string, fieldErrors: Errors<F> = {}): FormState<F, R> => ({ status: 'error', code, message, fieldErrors, values: echo });

    const early = spec.before?.({ form });
    if (early !== undefined) return early;
    // A rule without a Norwegian sentence of its own gets the summary, never zod's English one.
    const parsed = spec.schema.safeParse(spec.input ? spec.input(all) : all, { error: () => spec.invalid });
    if (!parsed.success) return fail('invalid', spec.invalid, fieldErrorsFrom<F>(parsed.error.issues));

    try {
      return { status: 'ok', result: await spec.run({ input: parsed.data, form }) };
    } catch (err) {
      unstable_rethrow(err);
      if (err instanceof Refusal) return fail(err.code, err.message, err.fieldErrors as Errors<F>);
      log.error(`${spec.event}.failed`, { code: errorCode(err) });
      return fail('unavailable', spec.failed);
    }
  };
}
