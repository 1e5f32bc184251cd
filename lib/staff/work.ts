import 'server-only';
import { getDb, type DbOrTx } from '@/db/client';
import { logAccess, type AccessAction } from '@/db/queries/audit';
import type { StaffSession } from '@/lib/auth/staff-session';
import { Refusal, type ErrorCode } from '@/lib/actions/refusal';
import { appClock } from '@/lib/clock';

/**
 * What wrapped staff work gets: the transaction, the time, the caller, and `audit`, which
 * writes an access-log row (ids and a fixed action name only) in that same transaction, so a
 * change and its row are stored together or not at all.
 */
export type StaffWork = {
  db: DbOrTx;
  now: Date;
  who: StaffSession;
  audit: (action: AccessAction, object: { type: string; id: string }) => Promise<void>;
};

/**
 * A refusal that is itself worth a row in the access log: a lookup that found nothing, say,
 * where the attempt matters even though nothing was read or changed. The transaction is rolled
 * back like any refusal's, then this one row (an action name and at most an id) is written.
 */
export class LoggedRefusal extends Refusal {
  readonly entry: { action: AccessAction; object?: { type: string; id?: string } };

  constructor(code: ErrorCode, message: string, entry: LoggedRefusal['entry'], fieldErrors: Record<string, string> = {}) {
    super(code, message, fieldErrors);
    this.entry = entry;
  }
}

/**
 * Runs `work` in one transaction. With `requireLog`, work that wrote no access-log row is a
 * bug: it is rolled back rather than leaving a change nobody can trace.
 */
export async function inStaffTransaction<T>(who: StaffSession, work: (ctx: StaffWork) => Promise<T>, { requireLog = false } = {}): Promise<T> {
  const db = await getDb();
  const now = appClock().now();
  try {
    return await db.transaction(async (tx) => {
      let logged = 0;
      const audit: StaffWork['audit'] = async (action, object) => {
        await logAccess(tx, { staffId: who.staffId, action, objectType: object.type, objectId: object.id, now });
        logged += 1;
      };
      const value = await work({ db: tx, now, who, audit });
      if (requireLog && logged === 0) throw new Error('staff change without an access-log row');
      return value;
    });
  } catch (err) {
    if (err instanceof LoggedRefusal) {
      const { action, object } = err.entry;
      await logAccess(db, { staffId: who.staffId, action, objectType: object?.type, objectId: object?.id, now });
    }
    throw err;
  }
}
