/** JSON for the browser's fetch calls; never cached by anyone. */
export function json(body: unknown, init: { status?: number; cookie?: string } = {}): Response {
  const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' };
  if (init.cookie) headers['Set-Cookie'] = init.cookie;
  return new Response(JSON.stringify(body), { status: init.status ?? 200, headers });
}

/** Plain text for what a person opens in the browser (a download that could not be made). */
export const textHeaders = { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' };

/** An error as one sentence: `{ error }` in JSON, or the sentence alone as plain text. */
export function errorAnswer(format: 'json' | 'text', status: number, message: string): Response {
  if (format === 'text') return new Response(`${message}\n`, { status, headers: textHeaders });
  return json({ error: message }, { status });
}
