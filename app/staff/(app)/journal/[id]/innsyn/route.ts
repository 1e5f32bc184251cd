import { z } from 'zod';
import { errorCode, getDb } from '@/db/client';
import { logAccess } from '@/db/queries/audit';
import { getJournal } from '@/db/queries/journal';
import { staffAllowed } from '@/lib/auth/staff-session';
import { appClock } from '@/lib/clock';
import { log } from '@/lib/log';
import { innsynFileName, innsynText } from './innsyn-text';

/**
 * Downloads a person's whole journal as a document for innsyn. Checks the caller itself (a
 * handler is reachable without the page): advisers and admins only. Writes the export to the
 * access log before a byte of content leaves, and tells every cache to keep nothing.
 */
export const dynamic = 'force-dynamic';

const headers = { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' };
const answer = (status: number, text: string) => new Response(`${text}\n`, { status, headers });

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const who = await staffAllowed(['admin', 'adviser']);
  if (!who) return answer(403, 'Du har ikke tilgang til dette.');
  // A download is started from our own pages or typed in; another site cannot start one for you.
  const site = request.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return answer(403, 'Start nedlastingen fra journalen.');

  const id = z.uuid().safeParse((await params).id);
  if (!id.success) return answer(404, 'Vi finner ikke journalen.');
  try {
    const db = await getDb();
    const now = appClock().now();
    const journal = await getJournal(db, { personId: id.data });
    if (!journal) return answer(404, 'Vi finner ikke journalen.');
    await logAccess(db, { staffId: who.staffId, action: 'journal_export', objectType: 'journal', objectId: journal.id, now });
    return new Response(innsynText(journal, { exportedAt: now, exportedBy: who.name }), {
      headers: { ...headers, 'Content-Disposition': `attachment; filename="${innsynFileName(now)}"` },
    });
  } catch (err) {
    log.error('journal_export.failed', { code: errorCode(err) });
    return answer(500, 'Journalen kunne ikke lastes ned. Prøv igjen om litt.');
  }
}
