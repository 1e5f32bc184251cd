import 'server-only';
import { and, asc, desc, eq, isNull, not, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { messagesSince } from '@/db/queries/chat-host';
import { chatVisibleToStaff, firstName, type OpenedMessage } from '@/db/queries/chat-shared';
import { openInquiryFields, visibleAt } from '@/db/queries/inquiries';
import { inquiryRecordColumns, listInquiryNotes, type InquiryDetail } from '@/db/queries/inquiry-review';
import { openHoldTexts } from '@/db/queries/holds';
import { activeHoldOn, handedOver } from '@/db/queries/retention';
import { chatConversations, inquiries, legalHolds, staff } from '@/db/schema';

/**
 * What admins read and export on the legal-holds page. Holds are kept for every kind of
 * object (inquiries and chats), so each query takes the object type. What the held
 * object says is opened only by holdExport, and only while its hold is active.
 */
export type HoldObjectType = (typeof legalHolds.$inferSelect)['objectType'];
export type HoldStatus = 'active' | 'released' | 'handed_over';

export type HoldListItem = {
  id: string;
  objectType: HoldObjectType;
  objectId: string;
  /** The inquiry's receipt code or the chat's reference while it can still be read; null once it is gone. */
  objectReference: string | null;
  /** When the held object would be deleted without the hold; null when no deadline is set. */
  objectDeleteAfter: Date | null;
  reference: string;
  reason: string;
  placedByName: string | null;
  placedAt: Date;
  status: HoldStatus;
  /** When the hold was released or the object handed over. */
  endedAt: Date | null;
};

const isActive = and(isNull(legalHolds.releasedAt), isNull(legalHolds.handedOverAt))!;
const placedBy = eq(staff.id, legalHolds.placedBy);

// A hold joined to what it keeps. An object past its deadline is gone for every reader, so
// neither it nor its code is shown.
const heldInquiry = (now: Date) => and(eq(legalHolds.objectType, 'inquiry'), eq(inquiries.id, legalHolds.objectId), visibleAt(now));
const heldChat = (now: Date) => and(eq(legalHolds.objectType, 'chat'), eq(chatConversations.id, legalHolds.objectId), chatVisibleToStaff(now));

const status = sql<HoldStatus>`case
  when ${legalHolds.handedOverAt} is not null then 'handed_over'
  when ${legalHolds.releasedAt} is not null then 'released'
  else 'active' end`;

function holdsQuery(db: Database, now: Date) {
  return db
    .select({
      id: legalHolds.id,
      objectType: legalHolds.objectType,
      objectId: legalHolds.objectId,
      objectReference: sql<string | null>`coalesce(${inquiries.reference}, ${chatConversations.reference})`,
      objectDeleteAfter: sql<Date | null>`coalesce(${inquiries.deleteAfter}, ${chatConversations.deleteAfter})`.mapWith(legalHolds.placedAt),
      reference: legalHolds.reference,
      reason: legalHolds.reason,
      placedByName: staff.name,
      placedAt: legalHolds.placedAt,
      status,
      endedAt: sql<Date | null>`coalesce(${legalHolds.handedOverAt}, ${legalHolds.releasedAt})`.mapWith(legalHolds.placedAt),
    })
    .from(legalHolds)
    .leftJoin(staff, placedBy)
    .leftJoin(inquiries, heldInquiry(now))
    .leftJoin(chatConversations, heldChat(now));
}

/** Holds, active ones first, then newest first. */
export async function listHolds(
  db: Database,
  { now, objectType, limit = 200 }: { now: Date; objectType?: HoldObjectType; limit?: number },
): Promise<HoldListItem[]> {
  const rows = await holdsQuery(db, now)
    .where(objectType ? eq(legalHolds.objectType, objectType) : undefined)
    .orderBy(desc(sql`${isActive}`), desc(legalHolds.placedAt), asc(legalHolds.id))
    .limit(Math.min(Math.max(limit, 1), 500));
  return rows.map(opened);
}

export async function getHold(db: Database, { id, now }: { id: string; now: Date }): Promise<HoldListItem | undefined> {
  const [row] = await holdsQuery(db, now).where(eq(legalHolds.id, id)).limit(1);
  return row && opened(row);
}

const opened = <T extends { id: string; reference: string; reason: string }>(row: T): T => ({ ...row, ...openHoldTexts(row.id, row) });

/**
 * The object an active hold keeps, or undefined once the hold has ended. With `lock`, inside
 * a transaction, the hold stays locked so a release and a handover cannot cross.
 */
export async function findActiveHold(
  db: Database,
  { id, now, lock = false }: { id: string; now: Date; lock?: boolean },
): Promise<{ objectType: HoldObjectType; objectId: string; objectDeleteAfter: Date | null } | undefined> {
  const query = db
    .select({
      objectType: legalHolds.objectType,
      objectId: legalHolds.objectId,
      objectDeleteAfter: sql<Date | null>`coalesce(${inquiries.deleteAfter}, ${chatConversations.deleteAfter})`.mapWith(legalHolds.placedAt),
    })
    .from(legalHolds)
    .leftJoin(inquiries, heldInquiry(now))
    .leftJoin(chatConversations, heldChat(now))
    .where(and(eq(legalHolds.id, id), isActive))
    .limit(1);
  const [row] = lock ? await query.for('update', { of: legalHolds }) : await query;
  return row;
}

/** "k7qm 3xhp", "K7QM3XHP" and "K7QM-3XHP" all name the same receipt. */
export function normaliseReference(raw: string): string {
  const compact = raw.toUpperCase().replace(/[\s\-–]/g, '');
  return compact.length === 8 ? `${compact.slice(0, 4)}-${compact.slice(4)}` : compact;
}

/**
 * A visible inquiry by its receipt code, and whether a hold already keeps it. One past its
 * deadline, or handed over and waiting for the purge, is not found: it is gone, and a new
 * hold must not bring it back.
 */
export async function findInquiryByReference(
  db: Database,
  { reference, now, lock = false }: { reference: string; now: Date; lock?: boolean },
): Promise<{ id: string; reference: string; onHold: boolean } | undefined> {
  const query = db
    .select({
      id: inquiries.id,
      reference: inquiries.reference,
      onHold: sql<boolean>`${activeHoldOn('inquiry', inquiries.id)}`.mapWith(Boolean),
    })
    .from(inquiries)
    .where(and(eq(inquiries.reference, normaliseReference(reference)), visibleAt(now), not(handedOver('inquiry', inquiries.id))))
    .limit(1);
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

type HoldSummary = { id: string; reference: string; reason: string; placedAt: Date; placedByName: string | null };

/** The hold's own fields in an export's query (with staff joined on who placed it). */
const holdSummaryColumns = {
  holdId: legalHolds.id,
  holdReference: legalHolds.reference,
  holdReason: legalHolds.reason,
  placedAt: legalHolds.placedAt,
  placedByName: staff.name,
};

/** Splits an export row into the hold and the rest (the held object's fields). */
function splitHold<T extends { holdId: string; holdReference: string; holdReason: string; placedAt: Date; placedByName: string | null }>(
  row: T,
): { hold: HoldSummary; rest: Omit<T, keyof typeof holdSummaryColumns> } {
  const { holdId, holdReference, holdReason, placedAt, placedByName, ...rest } = row;
  const texts = openHoldTexts(holdId, { reference: holdReference, reason: holdReason });
  return { hold: { id: holdId, ...texts, placedAt, placedByName }, rest };
}
export type HoldExport = { hold: HoldSummary; object: InquiryExport | ChatExport };

/** A held chat as handed over: its times, the host's first name, and every message, opened. */
export type ChatExport = {
  type: 'chat';
  id: string;
  reference: string;
  createdAt: Date;
  acceptedAt: Date | null;
  endedAt: Date | null;
  flaggedAt: Date | null;
  deleteAfter: Date | null;
  hostFirstName: string | null;
  messages: OpenedMessage[];
};

/** The whole inquiry as handed over: the review's detail without its working fields. */
type InquiryExport = { type: 'inquiry' } & Omit<InquiryDetail, 'firstOpenedAt' | 'onHold' | 'assignedTo' | 'notes'> & {
  notes: { authorName: string | null; createdAt: Date; body: string }[];
};

/**
 * Everything stored about the object an active hold keeps, opened, for handing over. Does not
 * mark the inquiry as read: an export is not an adviser following it up. The caller logs it.
 */
export async function holdExport(db: Database, { holdId, now }: { holdId: string; now: Date }): Promise<HoldExport | undefined> {
  const chat = await chatHoldExport(db, { holdId, now });
  if (chat) return chat;
  const [row] = await db
    .select({ ...holdSummaryColumns, ...inquiryRecordColumns })
    .from(legalHolds)
    .innerJoin(inquiries, heldInquiry(now))
    .leftJoin(staff, placedBy)
    .where(and(eq(legalHolds.id, holdId), isActive))
    .limit(1);
  if (!row) return undefined;

  const { hold, rest: inquiry } = splitHold(row);
  const id = inquiry.id;
  return {
    hold,
    object: {
      type: 'inquiry',
      ...inquiry,
      ...openInquiryFields(id, inquiry),
      // Who wrote each note and when, and what it says: the note's own id stays in the database.
      notes: (await listInquiryNotes(db, { inquiryId: id })).map(({ authorName, createdAt, body }) => ({ authorName, createdAt, body })),
    },
  };
}

async function chatHoldExport(db: Database, { holdId, now }: { holdId: string; now: Date }): Promise<HoldExport | undefined> {
  const [row] = await db
    .select({
      ...holdSummaryColumns,
      id: chatConversations.id,
      reference: chatConversations.reference,
      createdAt: chatConversations.createdAt,
      acceptedAt: chatConversations.acceptedAt,
      endedAt: chatConversations.endedAt,
      flaggedAt: chatConversations.flaggedAt,
      deleteAfter: chatConversations.deleteAfter,
      hostId: chatConversations.hostId,
    })
    .from(legalHolds)
    .innerJoin(chatConversations, heldChat(now))
    .leftJoin(staff, placedBy)
    .where(and(eq(legalHolds.id, holdId), isActive))
    .limit(1);
  if (!row) return undefined;
  const [host] = row.hostId ? await db.select({ name: staff.name }).from(staff).where(eq(staff.id, row.hostId)) : [];
  const { hold, rest } = splitHold(row);
  const { hostId: _host, ...chat } = rest;
  void _host;
  return {
    hold,
    object: {
      type: 'chat',
      ...chat,
      hostFirstName: host ? firstName(host.name) : null,
      messages: await messagesSince(db, { id: chat.id, afterSeq: 0, now, reader: 'staff' }),
    },
  };
}
