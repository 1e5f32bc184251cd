// Not marked 'server-only': command-line tools write to the access log too.
import type { DbOrTx } from '@/db/client';
import { accessLog } from '@/db/schema';

/**
 * One row per sign-in, failed sign-in, sign-in refused while locked, view, change and export: who, when, which object,
 * which action. Never content: callers pass ids and fixed action names only.
 */
export type AccessAction =
  | 'sign_in'
  | 'sign_in_failed'
  | 'sign_in_locked'
  | 'sign_out'
  | 'inquiry_view'
  | 'inquiry_change'
  | 'inquiry_note'
  | 'inquiry_close'
  | 'inquiry_reopen'
  | 'inquiry_copy'
  | 'inquiry_correct'
  | 'inquiry_erase'
  | 'inquiry_erase_refused'
  | 'hold_place'
  | 'hold_release'
  | 'hold_handed_over'
  | 'export'
  | 'staff_change'
  | 'privacy_publish'
  | 'chat_accept'
  | 'chat_handover'
  | 'chat_handover_received'
  | 'chat_requeue'
  | 'chat_supervise_list'
  | 'chat_supervise_view'
  | 'chat_supervise_note'
  | 'chat_end'
  | 'chat_flag'
  | 'chat_block'
  | 'chat_hours'
  | 'chat_delete_lookup'
  | 'chat_delete'
  | 'chat_delete_refused'
  | 'journal_view'
  | 'journal_write'
  | 'journal_correct'
  | 'journal_remove'
  | 'journal_export'
  | 'category_change'
  | 'chat_categories'
  | 'quick_reply_change'
  | 'statistics_view'
  | 'statistics_export'
  | 'course_participants_view'
  | 'course_participants_export'
  | 'course_attendance'
  | 'course_create'
  | 'course_change'
  | 'course_delete'
  | 'course_session_create'
  | 'course_session_change'
  | 'course_session_cancel';

export async function logAccess(
  db: DbOrTx,
  entry: { staffId: string | null; action: AccessAction; objectType?: string; objectId?: string; now: Date },
): Promise<void> {
  await db.insert(accessLog).values({
    at: entry.now,
    staffId: entry.staffId,
    action: entry.action,
    objectType: entry.objectType ?? null,
    objectId: entry.objectId ?? null,
  });
}
