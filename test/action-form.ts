/**
 * A server action as a form calls it: the state before any answer, and the fields a browser
 * posts. For unit tests that call the actions directly.
 */
export const idle = { status: 'idle' } as const;

/** A list posts the field once per value, as a group of checkboxes does. */
export function form(fields: Record<string, string | readonly string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === 'string') data.set(name, value);
    else for (const v of value) data.append(name, v);
  }
  return data;
}

/** Where an action that ended in redirect() sent the browser; throws when it did not redirect. */
export async function redirectedTo(call: Promise<unknown>): Promise<string> {
  const err = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  const digest = String((err as { digest?: string } | undefined)?.digest ?? '');
  if (!digest.startsWith('NEXT_REDIRECT')) throw new Error(`no redirect: ${String(err)}`);
  return digest.split(';')[2]!;
}
