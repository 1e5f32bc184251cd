import { randomBytes } from 'node:crypto';
import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/lib/env';
import { log } from '@/lib/log';
import { documentCsp, resourceCsp } from '@/lib/security/headers';
import { BuildOutputError, prerenderedHashes } from '@/lib/security/prerendered-hashes';
import { isYoungHost } from '@/lib/young-host';

/**
 * Runs before every page and handler, however the app was started:
 * - the Content-Security-Policy: a fresh nonce per request (Next reads it from the policy on
 *   the request and puts it on the scripts of pages it renders now), plus the hashes of the
 *   inline scripts of the page Next prerendered for this path, which carries no nonce;
 * - when UNGE_HOST is set, the root of that host name is the children's start page. Only the
 *   root is rewritten: every other page on that host keeps its own path (/unge/…, /chat, …),
 *   and `/?voksen` (the children's link to the adult pages) is the main front page there too.
 * This routes and sets headers; it checks nothing (every handler checks its caller itself).
 */
export function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  const young = pathname === '/' && !searchParams.has('voksen') && isYoungHost(request.headers.get('host'), env().UNGE_HOST);
  const target = young ? '/unge' : pathname;

  let csp: string;
  try {
    csp = policyFor(target);
  } catch (err) {
    if (!(err instanceof BuildOutputError)) throw err;
    // Never a weaker policy: without the hashes the prerendered pages cannot be served safely.
    log.error('csp.build_output_unusable', { reason: err.message });
    return new NextResponse('Nettstedet er ikke tilgjengelig akkurat nå. Prøv igjen om litt.', {
      status: 503,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': resourceCsp, 'Retry-After': '30' },
    });
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('Content-Security-Policy', csp);
  const forward = { request: { headers: requestHeaders } };
  const response = young ? NextResponse.rewrite(new URL('/unge', request.url), forward) : NextResponse.next(forward);
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

// The build this process serves: Next starts in the project folder.
const hashesFor = prerenderedHashes(process.cwd());

function policyFor(pathname: string): string {
  if (env().NODE_ENV === 'development') return documentCsp({ scriptHashes: [], dev: true });
  const nonce = randomBytes(18).toString('base64');
  return documentCsp({ scriptHashes: hashesFor(decodePath(pathname)), nonce, dev: false });
}

function decodePath(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

// Script files, images and the chat's JSON handlers need no page policy (next.config.ts gives
// them the resource policy). Next reads this literally: keep it in step with
// handlerPathPrefixes in lib/security/headers.ts (proxy.test.ts checks).
export const config = { matcher: ['/((?!_next/static|_next/image|favicon.ico|chat/api/|staff/chat/api/).*)'] };
