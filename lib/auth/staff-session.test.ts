import { encode } from 'next-auth/jwt';
import { describe, expect, it, vi } from 'vitest';
import { hashToken } from '@/db/queries/staff';
import { testSecrets } from '@/test/test-db';
import { staffStreamCaller } from './staff-session';

/**
 * An event stream learns which session it was opened in from the same signed session cookie
 * Auth.js reads, so it can check that session again later; a cookie for someone else, or none,
 * gives no stream.
 */
const signedIn = vi.hoisted(() => ({ user: null as { id: string; name: string; role: string } | null }));
vi.mock('@/lib/auth/next-auth', () => ({
  cookieNames: () => ({ secure: false, session: 'hl-session', csrf: 'hl-csrf', callback: 'hl-callback' }),
  auth: async () => (signedIn.user ? { user: signedIn.user } : null),
}));

Object.assign(process.env, testSecrets);
const staffId = '0b6f3c1e-8d2a-4c5e-9f1a-2b3c4d5e6f70';

async function requestWith(token: Record<string, unknown>): Promise<Request> {
  const cookie = await encode({ token, secret: testSecrets.AUTH_SECRET, salt: 'hl-session' });
  return new Request('http://127.0.0.1/staff/chat/api/hendelser', { headers: { cookie: `hl-session=${cookie}` } });
}

describe('staffStreamCaller', () => {
  it('names the session of the signed cookie by its token hash @claim:ansattes-innlogging', async () => {
    signedIn.user = { id: staffId, name: 'Hanne', role: 'chat_host' };
    const caller = await staffStreamCaller(await requestWith({ sid: 'økt-token', sub: staffId }), ['chat_host']);
    expect(caller).toEqual({ staffId, name: 'Hanne', role: 'chat_host', sessionHash: hashToken('økt-token') });
  });

  it('refuses a role that may not read, a cookie of someone else, and no cookie', async () => {
    signedIn.user = { id: staffId, name: 'Hanne', role: 'adviser' };
    expect(await staffStreamCaller(await requestWith({ sid: 'x', sub: staffId }), ['chat_host'])).toBeNull();
    signedIn.user = { id: staffId, name: 'Hanne', role: 'chat_host' };
    expect(await staffStreamCaller(await requestWith({ sid: 'x', sub: 'someone-else' }), ['chat_host'])).toBeNull();
    expect(await staffStreamCaller(new Request('http://127.0.0.1/'), ['chat_host'])).toBeNull();
  });
});
