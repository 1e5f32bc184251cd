import 'server-only';
import NextAuth, { type NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { logAccess } from '@/db/queries/audit';
import { createSession, endSession, touchSession } from '@/db/queries/staff';
import { verifyStaffCredentials } from '@/lib/auth/verify-credentials';
import { appClock } from '@/lib/clock';
import { env } from '@/lib/env';

/**
 * Staff sign-in through Auth.js. It carries the credentials exchange and its CSRF token;
 * the session itself lives in our database (staff_sessions): the encrypted Auth.js cookie
 * holds only a random session token, checked against the database on every request for the
 * idle limit (15 min), the absolute limit (8 h), revocation and disabled accounts.
 */
export function cookieNames() {
  const secure = env().SITE_URL.startsWith('https://');
  const prefix = secure ? '__Host-' : '';
  return { secure, session: `${prefix}hl-session`, csrf: `${prefix}hl-csrf`, callback: `${prefix}hl-callback` };
}

function config(): NextAuthConfig {
  const e = env();
  // Auth.js takes its public address from AUTH_URL (read from process.env by the library),
  // otherwise from the request's Host. scripts/serve.ts sets it from SITE_URL before Next
  // starts; this covers anything that loads the app without it.
  process.env.AUTH_URL ??= `${e.SITE_URL}/api/auth`;
  const names = cookieNames();
  const cookie = (name: string) => ({ name, options: { httpOnly: true, sameSite: 'strict' as const, path: '/', secure: names.secure } });
  const limits = { idleMinutes: e.SESSION_IDLE_MINUTES, absoluteHours: e.SESSION_ABSOLUTE_HOURS };
  return {
    secret: e.AUTH_SECRET,
    trustHost: true,
    session: { strategy: 'jwt', maxAge: e.SESSION_ABSOLUTE_HOURS * 3600 },
    cookies: { sessionToken: cookie(names.session), csrfToken: cookie(names.csrf), callbackUrl: cookie(names.callback) },
    pages: { signIn: '/staff/logg-inn', error: '/staff/logg-inn' },
    logger: { error: () => {}, warn: () => {}, debug: () => {} },
    providers: [
      Credentials({
        credentials: { email: {}, password: {}, code: {} },
        authorize: async (c) =>
          verifyStaffCredentials({
            email: String(c.email ?? ''),
            password: String(c.password ?? ''),
            code: String(c.code ?? ''),
            now: appClock().now(),
          }),
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        const db = await getDb();
        const now = appClock().now();
        if (user?.id) {
          // A new session, with a new id, at every sign-in.
          return { sid: await createSession(db, { staffId: user.id, now, limits }), sub: user.id, name: user.name };
        }
        if (typeof token.sid !== 'string') return null;
        const who = await touchSession(db, { token: token.sid, now, limits });
        if (!who) return null;
        return { ...token, name: who.name, role: who.role };
      },
      session({ session, token }) {
        return { ...session, user: { id: String(token.sub), name: String(token.name ?? ''), role: token.role as string, email: '' } };
      },
    },
    events: {
      async signOut(message) {
        const token = 'token' in message ? message.token : null;
        if (typeof token?.sid !== 'string') return;
        const db = await getDb();
        await endSession(db, token.sid);
        await logAccess(db, { staffId: typeof token.sub === 'string' ? token.sub : null, action: 'sign_out', now: appClock().now() });
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => config());
