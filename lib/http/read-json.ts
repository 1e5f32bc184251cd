import type { z } from 'zod';
import { refuse } from '@/lib/actions/refusal';

const UNREADABLE = 'Forespørselen kunne ikke leses. Last siden på nytt.';

/**
 * A JSON body parsed with `schema`; anything else is refused (`invalid`, 400) with the first
 * problem's sentence. A rule without a Norwegian sentence of its own never shows zod's English
 * one: the parse-level error map gives it ours.
 */
export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  const parsed = schema.safeParse(await request.json().catch(() => ({})), { error: () => UNREADABLE });
  if (!parsed.success) throw refuse('invalid', parsed.error.issues[0]?.message || UNREADABLE);
  return parsed.data;
}
