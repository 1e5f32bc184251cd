import type { ServerResponse } from 'node:http';
import { EMERGENCY_SENTENCE } from '@/lib/help-numbers';
import { sha256Source } from '@/lib/security/inline-scripts';

/**
 * Request targets our server answers itself, before Next sees them.
 *
 * - 400 for a target that is not a path (`*`, or the absolute form `http://host/x`, which Next
 *   would redirect to that host) and for a path whose percent-encoding is broken (`/%ZZ`,
 *   `/a%`, a cut-off or overlong UTF-8 sequence): Next answers those with a bare 500.
 * - 404 for a path with dot-segments (`/_next/../staff`, `/unge/%2e%2e/staff`), a backslash
 *   or an encoded slash, literal or percent-encoded. Next resolves the dot-segments itself, so
 *   `/_next/../staff/henvendelser` would be a staff page sent through the static-file branch,
 *   without the headers staff pages get. Browsers resolve dot-segments and backslashes before
 *   they send a request, so no visitor's link ever looks like this.
 *
 * The query string is left to the pages: a search for `%ZZ` is only a search.
 */
export type PathRefusal = 400 | 404;

export function refusedPath(target: string): PathRefusal | undefined {
  if (!target.startsWith('/')) return 400;
  const path = target.replace(/[?#].*$/s, '');
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return 400;
  }
  if (/%2f|%5c/i.test(path)) return 404;
  const segments = decoded.split(/[/\\]/);
  if (decoded.includes('\\') || segments.some((s) => s === '.' || s === '..')) return 404;
  return undefined;
}

/** The calm page for a refused path: plain HTML, no script, nothing from the request in it. */
export function sendRefusedPath(res: ServerResponse, status: PathRefusal, method = 'GET'): void {
  const page = PAGES[status];
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Content-Security-Policy', `default-src 'none'; style-src '${sha256Source(STYLE)}'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'; form-action 'none'`);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Length', Buffer.byteLength(page));
  res.end(method === 'HEAD' ? undefined : page);
}

const STYLE =
  'body{font-family:system-ui,sans-serif;background:#fbf8f3;color:#1f2a30;margin:0;line-height:1.6}main{max-width:40rem;margin:0 auto;padding:3rem 1rem}h1{font-size:1.8rem}a{color:#123e43}';

function page(title: string, heading: string, text: string): string {
  return `<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} – Hjelpelinje</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${heading}</h1>
<p>${text} Det er ikke noe du har gjort feil.</p>
<p><a href="/">Gå til forsiden</a></p>
<p>Trenger du hjelp nå? ${EMERGENCY_SENTENCE}</p>
</main>
</body>
</html>`;
}

const PAGES: Record<PathRefusal, string> = {
  400: page('Ugyldig adresse', 'Vi kunne ikke lese adressen', 'Adressen du fulgte, har tegn i seg som vi ikke kan lese.'),
  404: page('Fant ikke siden', 'Vi fant ikke siden', 'Adressen du fulgte, leder ikke til noen side her.'),
};
