import 'server-only';
import { notFound, redirect } from 'next/navigation';
import type { StaffRole } from '@/db/schema';
import { auth } from '@/lib/auth/next-auth';

/** Who is signed in, as every staff page, action and handler asks it for itself. */
export type StaffSession = { staffId: string; name: string; role: StaffRole };

const roles: readonly string[] = ['admin', 'adviser', 'chat_host'];

export async function currentStaff(): Promise<StaffSession | null> {
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
