import 'server-only';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { logAccess } from '@/db/queries/audit';
import { getInquiry } from '@/db/queries/inquiry-review';
import { requireStaff } from '@/lib/auth/staff-session';
import { appClock } from '@/lib/clock';
import { pageId } from '@/lib/staff/page-id';

/**
 * An inquiry opened for a page that shows what the person wrote: advisers and admins only, and
 * the view written to the access log before anything is shown. Not there (or not for staff any
 * more): the 404 page.
 */
export async function viewedInquiry(params: Promise<{ id: string }>) {
  const who = await requireStaff(['admin', 'adviser']);
  const id = await pageId(params);
  const db = await getDb();
  const now = appClock().now();
  const inquiry = await getInquiry(db, { id, now });
  if (!inquiry) notFound();
  await logAccess(db, { staffId: who.staffId, action: 'inquiry_view', objectType: 'inquiry', objectId: inquiry.id, now });
  return { who, db, inquiry };
}
