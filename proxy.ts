import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/lib/env';
import { isYoungHost } from '@/lib/young-host';

/**
 * When UNGE_HOST is set, the root of that host name is the children's start page. Only the
 * root is rewritten: every other page on that host keeps its own path (/unge/…, /chat, …),
 * and `/?voksen` (the children's link to the adult pages) is the main front page there too.
 * This only routes; it checks nothing (every handler checks its caller itself).
 */
export function proxy(request: NextRequest) {
  if (!request.nextUrl.searchParams.has('voksen') && isYoungHost(request.headers.get('host'), env().UNGE_HOST)) {
    return NextResponse.rewrite(new URL('/unge', request.url));
  }
  return NextResponse.next();
}

export const config = { matcher: '/' };
