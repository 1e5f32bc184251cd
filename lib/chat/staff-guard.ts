import 'server-only';
import { getDb } from '@/db/client';
import { liveSessions } from '@/db/queries/session-check';
import type { StaffRole } from '@/db/schema';
import type { StreamCaller } from '@/lib/auth/staff-session';
import type { Clock } from '@/lib/clock';
import { env } from '@/lib/env';
import { log } from '@/lib/log';

/** How often an open staff stream asks again whether its session stands, events or not. */
export const SESSION_RECHECK_MS = 15_000;

export const SESSION_ENDED_MESSAGE = 'Økten din er avsluttet. Logg inn igjen for å fortsette.';

/**
 * Keeps a staff stream only as long as the right to read it: the session must still stand
 * (not signed out, not idle, not past its absolute end, the account not disabled) and the
 * role must still be one that may read. `allowed()` is asked before each event; a timer asks
 * every SESSION_RECHECK_MS and at the session's absolute end. `onLost` runs once.
 */
export function guardStaffStream({
  caller,
  roles,
  clock,
  onLost,
}: {
  caller: StreamCaller;
  roles: readonly StaffRole[];
  clock: Clock;
  onLost: () => void;
}): { allowed: () => Promise<boolean>; stop: () => void } {
  let lost = false;
  let endTimer: NodeJS.Timeout | undefined;
  const stop = () => {
    clearInterval(recheck);
    if (endTimer) clearTimeout(endTimer);
  };
  const lose = () => {
    if (lost) return;
    lost = true;
    stop();
    onLost();
  };
  const allowed = async (): Promise<boolean> => {
    if (lost) return false;
    let ok = false;
    try {
      const now = clock.now();
      const session = (await liveSessions(await getDb(), { tokenHashes: [caller.sessionHash], now, idleMinutes: env().SESSION_IDLE_MINUTES })).get(caller.sessionHash);
      ok = Boolean(session && session.staffId === caller.staffId && roles.includes(session.role));
      if (ok && session && !endTimer) {
        // Never past the absolute end, even between two checks.
        endTimer = setTimeout(lose, Math.max(0, session.expiresAt.getTime() - now.getTime()));
        endTimer.unref();
      }
    } catch (err) {
      // When we cannot tell, the stream does not go on.
      log.error('chat.session_check_failed', { name: err instanceof Error ? err.name : 'unknown' });
    }
    if (!ok) lose();
    return ok;
  };
  const recheck = setInterval(() => void allowed(), SESSION_RECHECK_MS);
  recheck.unref();
  return { allowed, stop };
}
