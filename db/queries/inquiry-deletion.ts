// Not marked 'server-only': the purge also runs from the command line (scripts/purge.ts).
// Deleting inquiries: the one way an inquiry is deleted, whether the purge finds it due or an
// adviser erases it at once because the person it is about asked (eraseInquiry in
// inquiry-rights.ts).
import { inArray, type SQLWrapper } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { inquiries } from '@/db/schema';

/**
 * Deletes these inquiries and returns how many went: the row with everything sealed in it, and
 * by ON DELETE CASCADE its notes, its corrections and its reasons and outcomes. The daily totals
 * it was counted in are numbers only and stay.
 */
export async function deleteInquiries(tx: Database, ids: SQLWrapper | string[]): Promise<number> {
  const deleted = await tx.delete(inquiries).where(inArray(inquiries.id, ids)).returning({ id: inquiries.id });
  return deleted.length;
}
