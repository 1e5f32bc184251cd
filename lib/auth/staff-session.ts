import 'server-only';
import { notFound, redirect } from 'next/navigation';
import type { StaffRole } from '@/db/schema';
import { getToken } from 'next-auth/jwt';
import { hashToken } from '@/db/queries/staff';
import { auth, cookieNames } from '@/lib/auth/next-auth';
import { env } from '@/lib/env';

/** Who is signed in, as every staff page, action and handler asks it for itself. */
export type StaffSession = { staffId: string; name: string; role: StaffRole };

const roles: readonly string[] = ['admin', 'adviser', 'chat_host', 'course_admin'];

async function currentStaff(): Promise<StaffSession | null> {
  const session = await auth();
  const user = session?.user as { id?: string; name?: string; role?: string } | undefined;
  if (!user?.id || !user.role || !roles.includes(user.role)) return null;
  return { staffId: user.id, name: user.name ?? '', role: user.role as StaffRole };
}

/** For pages: no session → the sign-in page; a role that may not see this → not found. */
export async function requireStaff(allowed: readonly StaffRole[]): Promise<StaffSession> {
  const who = await currentStaff();
  if (!who) redirect('/staff/logg-inn');
  if (!allowed.includes(who.role)) notFound();
  return who;
}

/** For actions and handlers: the caller, or null when they may not do this. */
export async function staffAllowed(allowed: readonly StaffRole[]): Promise<StaffSession | null> {
  const who = await currentStaff();
  return who && allowed.includes(who.role) ? who : null;
}

/** A caller of an event stream, with the hash of their session's token to check it again later. */
export type StreamCaller = StaffSession & { sessionHash: string };

/**
 * For event streams, which outlive the request that opened them: the caller as `staffAllowed`
 * sees them, and which session they are in (read from the same signed cookie), so the stream
 * can ask the database whether that session still stands before each event it sends.
 */
export async function staffStreamCaller(request: Request, allowed: readonly StaffRole[]): Promise<StreamCaller | null> {
  const who = await staffAllowed(allowed);
  const secret = env().AUTH_SECRET;
  if (!who || !secret) return null;
  const names = cookieNames();
  const token = await getToken({ req: request, secret, cookieName: names.session, salt: names.session, secureCookie: names.secure }).catch(() => null);
  if (typeof token?.sid !== 'string' || token.sub !== who.staffId) return null;
  return { ...who, sessionHash: hashToken(token.sid) };
}
