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
