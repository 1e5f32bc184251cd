import http from 'node:http';
import { HOST } from './net';

/**
 * A server-action form posted the way a browser without JavaScript posts it: the form's hidden
 * fields as the page has them (`$ACTION_REF_…`, `$ACTION_…:n`, `$ACTION_KEY` and the form's own),
 * then the visible fields, as multipart/form-data with `Origin: null` and `Sec-Fetch-Site:
 * same-origin`, as a browser sends it under our no-referrer policy. Shared by the contact-form
 * and course sign-up benches.
 */
const BOUNDARY = '----hjelpelinjeBenchFormBoundary7MA4YWxkTrZu0gW';

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|quot|amp|lt|gt|apos);/gi, (whole, code: string) => {
    const named: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" };
    const lower = code.toLowerCase();
    if (lower in named) return named[lower]!;
    const n = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
    return Number.isFinite(n) ? String.fromCodePoint(n) : whole;
  });
}

function attributes(tag: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const m of tag.matchAll(/([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
    const name = m[1]!.toLowerCase();
    if (name === 'input' || name === 'form') continue;
    attrs.set(name, decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return attrs;
}

type NoScriptForm = { action: string; hidden: [string, string][] };

/**
 * The first form on the page with server-action fields, as a browser without JavaScript would
 * send it: where it posts, and its hidden inputs in document order. Throws when there is none.
 */
export function readNoScriptForm(html: string, pagePath: string): NoScriptForm {
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const form = attributes(m[1] ?? '');
    const hidden: [string, string][] = [];
    for (const input of (m[2] ?? '').matchAll(/<input\b[^>]*>/gi)) {
      const a = attributes(input[0]);
      if (a.get('type')?.toLowerCase() === 'hidden' && a.has('name')) hidden.push([a.get('name')!, a.get('value') ?? '']);
    }
    if (!hidden.some(([name]) => name.startsWith('$ACTION_'))) continue;
    if ((form.get('method') ?? 'get').toLowerCase() !== 'post') throw new Error('the form does not post');
    const action = form.get('action') || pagePath;
    if (!action.startsWith('/')) throw new Error(`the form posts to ${action}, not to this site`);
    return { action, hidden };
  }
  throw new Error(`no form on ${pagePath} carries server-action fields`);
}

/** A multipart/form-data body, the way a browser encodes text fields. */
export function multipartBody(fields: [string, string][]): Buffer {
  const escapeName = (name: string) => name.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const parts = fields.map(([name, value]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${escapeName(name)}"\r\n\r\n${value}\r\n`);
  return Buffer.from(`${parts.join('')}--${BOUNDARY}--\r\n`, 'utf8');
}

function headersFor(body: Buffer): http.OutgoingHttpHeaders {
  return {
    'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
    'content-length': body.length,
    // A form posted without JavaScript under `Referrer-Policy: no-referrer`.
    origin: 'null',
    'sec-fetch-site': 'same-origin',
    'sec-fetch-mode': 'navigate',
    'sec-fetch-dest': 'document',
    accept: 'text/html',
    'accept-encoding': 'identity',
  };
}

export type Submission = { path: string; body: Buffer };
export type Answer = { status: number; body: Buffer } | { status: number; error: string };

/** One POST of the form, the answer read to the end (or why there is none), never thrown. */
export function postForm(agent: http.Agent | false, port: number, submission: Submission, timeoutMs: number): Promise<Answer> {
  return new Promise((resolve) => {
    const req = http.request({ host: HOST, port, path: submission.path, method: 'POST', agent, headers: headersFor(submission.body) }, (res) => {
      const status = res.statusCode ?? 0;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', (err) => resolve({ status, error: err.message }));
      res.on('end', () => resolve({ status, body: Buffer.concat(chunks) }));
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`timeout after ${timeoutMs} ms`)));
    req.on('error', (err: NodeJS.ErrnoException) => resolve({ status: 0, error: err.code ?? err.message }));
    req.end(submission.body);
  });
}
