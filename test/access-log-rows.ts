import { asc, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { getDb } from '@/db/client';
import type { AccessAction } from '@/db/queries/audit';
import { accessLog } from '@/db/schema';

/**
 * What an auditor reads in the access log about one object: every column of every row,
 * oldest first. Tests compare these rows whole, so a row that gained a column
 * (an address, a piece of the message) or lost its writer would fail them.
 */
export async function accessLogFor(objectId: string) {
  return (await getDb()).select().from(accessLog).where(eq(accessLog.objectId, objectId)).orderBy(asc(accessLog.id));
}

/** The row one logged event writes: who, which event, which object, and a time; nothing else. */
export function loggedEvent(staffId: string | null, action: AccessAction, objectType: string, objectId: string) {
  return { id: expect.any(Number), at: expect.any(Date), staffId, action, objectType, objectId };
}
