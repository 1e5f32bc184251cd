import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import { errorCode } from '@/db/client';
import type { StaffRole } from '@/db/schema';
import { fieldErrorsFrom, readFields, type FormState } from '@/lib/actions/form-state';
import { defaultSentence, Refusal, type ErrorCode } from '@/lib/actions/refusal';
import { staffAllowed, type StaffSession } from '@/lib/auth/staff-session';
import { log } from '@/lib/log';
import { inStaffTransaction, type StaffWork } from '@/lib/staff/work';

type Errors<F extends string> = Partial<Record<F, string>>;

export type StaffActionSpec<F extends string, S extends z.ZodType, Out, R, Extra> = {
  /** Who may do this; anyone else gets `forbidden` and nothing is read or written. */
  roles: readonly StaffRole[];
  /** Fields the person typed: parsed, and sent back on an error so nothing is lost. */
  fields: readonly F[];
  /** Hidden inputs (ids, choices): parsed, never sent back. A bad one means `missing`. */
  hidden?: readonly string[];
  /**
   * Fields sent several times (a group of checkboxes): parsed as a list of strings, and sent
   * back on an error as the values joined by commas. List them in `fields` too.
   */
  lists?: readonly F[];
  schema: S;
  /** The summary above field errors (code `invalid`). */
  invalid?: string;
  /** The sentence when a hidden input does not parse (code `not_found`). */
  missing?: string;
  /** The sentence when the database fails (code `unavailable`). */
  failed?: string;
  /** A content-free name for the log line when the work fails. */
  event: string;
  /** An answer that writes nothing (a preview), given after the role check; undefined goes on. */
  before?: (ctx: { form: FormData; values: Errors<F>; who: StaffSession }) => Extra | FormState<F, R> | undefined;
  /** The change, in one transaction with its access-log rows; `throw refuse(...)` to refuse. */
  run: (work: StaffWork & { input: z.output<S> }) => Promise<Out>;
  /** After the commit: what the form is told (and which pages to revalidate). */
  done?: (out: Out, ctx: { input: z.output<S>; who: StaffSession }) => R;
};

/**
 * The one way to write a staff server action. An action is a public POST endpoint, so this
 * checks the caller's role before it reads anything, parses with zod, runs the change and its
 * access-log rows in one transaction (a change that wrote no row is rolled back as a bug), and
 * answers the page's form state: a typed code and one Norwegian sentence on an error, with what
 * was typed (never a secret field), and no stack trace or database message ever.
 */
export function staffAction<F extends string, S extends z.ZodType, Out, R = Out, Extra = never>(spec: StaffActionSpec<F, S, Out, R, Extra>) {
  return async (_prev: FormState<F, R> | Extra, form: FormData): Promise<FormState<F, R> | Extra> => {
    const { all, echo } = readFields(form, spec.fields);
    const lists = Object.fromEntries((spec.lists ?? []).map((k) => [k, form.getAll(k).filter((v) => typeof v === 'string')]));
    for (const [k, v] of Object.entries(lists)) echo[k as F] = v.join(',');
    const fail = (code: ErrorCode, message: string, fieldErrors: Errors<F> = {}): FormState<F, R> => ({ status: 'error', code, message, fieldErrors, values: echo });

    const who = await staffAllowed(spec.roles);
    if (!who) return fail('forbidden', defaultSentence.forbidden);
    const early = spec.before?.({ form, values: echo, who });
    if (early !== undefined) return early;

    const hidden = spec.hidden ?? [];
    const invalid = spec.invalid ?? defaultSentence.invalid;
    // A rule without a Norwegian sentence of its own gets the summary, never zod's English one.
    const parsed = spec.schema.safeParse({ ...all, ...lists, ...Object.fromEntries(hidden.map((k) => [k, form.get(k) ?? undefined])) }, { error: () => invalid });
    if (!parsed.success) {
      if (parsed.error.issues.some((i) => hidden.includes(String(i.path[0])))) return fail('not_found', spec.missing ?? defaultSentence.not_found);
      return fail('invalid', invalid, fieldErrorsFrom<F>(parsed.error.issues));
    }
    const input = parsed.data as z.output<S>;

    let out: Out;
    try {
      out = await inStaffTransaction(who, (work) => spec.run({ ...work, input }), { requireLog: true });
    } catch (err) {
      unstable_rethrow(err);
      if (err instanceof Refusal) return fail(err.code, err.message, err.fieldErrors as Errors<F>);
      log.error(`${spec.event}.failed`, { code: errorCode(err) });
      return fail('unavailable', spec.failed ?? defaultSentence.unavailable);
    }
    const result = spec.done ? spec.done(out, { input, who }) : (out as unknown as R);
    return { status: 'ok', result };
  };
}
