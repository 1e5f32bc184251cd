/**
 * A server action as a form calls it: the state before any answer, and the fields a browser
 * posts. For unit tests that call the actions directly.
 */
export const idle = { status: 'idle' } as const;

export function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}
