import 'server-only';
import { and, asc, desc, eq, exists, inArray, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { accessLog, inquiries, staff } from '@/db/schema';

/**
 * The access log as administrators read it: newest first, a page at a time, filtered by who
 * or by which object. Rows hold ids only; to make them readable, the staff member's name and
 * an inquiry's reference (never its content) are looked up for the page that is shown.
 */
export const ACCESS_LOG_PAGE_SIZE = 100;

export type AccessLogFilter = { staffId?: string; objectType?: string; objectId?: string };

export type AccessLogEntry = {
  id: number;
  at: Date;
  action: string;
  staffId: string | null;
  staffName: string | null;
  objectType: string | null;
  objectId: string | null;
  /** A staff member's name or an inquiry's reference, while the object still exists. */
  objectName: string | null;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function listAccessLog(
  db: Database,
  { staffId, objectType, objectId, page = 1, pageSize = ACCESS_LOG_PAGE_SIZE }: AccessLogFilter & { page?: number; pageSize?: number },
): Promise<{ entries: AccessLogEntry[]; hasNext: boolean }> {
  const filters: SQL[] = [];
  if (staffId) filters.push(eq(accessLog.staffId, staffId));
  if (objectType) filters.push(eq(accessLog.objectType, objectType));
  if (objectId) filters.push(eq(accessLog.objectId, objectId));
  // One row more than the page tells whether there is a next page, without counting the log.
  const rows = await db
    .select({
      id: accessLog.id,
      at: accessLog.at,
      action: accessLog.action,
      staffId: accessLog.staffId,
      staffName: staff.name,
      objectType: accessLog.objectType,
      objectId: accessLog.objectId,
    })
    .from(accessLog)
    .leftJoin(staff, eq(staff.id, accessLog.staffId))
    .where(and(...filters))
    .orderBy(desc(accessLog.at), desc(accessLog.id))
    .limit(pageSize + 1)
    .offset((Math.max(Math.trunc(page), 1) - 1) * pageSize);
  const entries = rows.slice(0, pageSize);
  const names = await objectNames(db, entries);
  return {
    entries: entries.map((e) => ({ ...e, objectName: names.get(`${e.objectType}:${e.objectId}`) ?? null })),
    hasNext: rows.length > pageSize,
  };
}

/** Names for the objects on one page, in two small look-ups by primary key. */
async function objectNames(db: Database, entries: { objectType: string | null; objectId: string | null }[]) {
  const idsOf = (type: string) => [...new Set(entries.filter((e) => e.objectType === type && e.objectId && UUID.test(e.objectId)).map((e) => e.objectId!))];
  const staffIds = idsOf('staff');
  const inquiryIds = idsOf('inquiry');
  const names = new Map<string, string>();
  if (staffIds.length) {
    for (const r of await db.select({ id: staff.id, name: staff.name }).from(staff).where(inArray(staff.id, staffIds))) names.set(`staff:${r.id}`, r.name);
  }
  if (inquiryIds.length) {
    const rows = await db.select({ id: inquiries.id, reference: inquiries.reference }).from(inquiries).where(inArray(inquiries.id, inquiryIds));
    for (const r of rows) names.set(`inquiry:${r.id}`, r.reference);
  }
  return names;
}

/** Staff who appear in the log, for the filter; disabled ones too, since their rows remain. */
export async function listLoggedStaff(db: Database): Promise<{ id: string; name: string; disabled: boolean }[]> {
  const rows = await db
    .select({ id: staff.id, name: staff.name, disabledAt: staff.disabledAt })
    .from(staff)
    .where(exists(db.select({ one: accessLog.id }).from(accessLog).where(eq(accessLog.staffId, staff.id))))
    .orderBy(asc(staff.name), asc(staff.id));
  return rows.map(({ disabledAt, ...r }) => ({ ...r, disabled: disabledAt !== null }));
}
