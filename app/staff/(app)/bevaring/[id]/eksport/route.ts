import { z } from 'zod';
import { errorCode, getDb } from '@/db/client';
import { logAccess } from '@/db/queries/audit';
import { holdExport } from '@/db/queries/holds-admin';
import { staffAllowed } from '@/lib/auth/staff-session';
import { appClock } from '@/lib/clock';
import { log } from '@/lib/log';
import { exportFileName, exportText } from './export-text';

/**
 * Downloads a held inquiry, opened, for handing over. Checks the admin session itself (a
 * handler is reachable without the page), writes the export to the access log before a byte
 * of content leaves, and tells every cache to keep nothing.
 */
export const dynamic = 'force-dynamic';

const headers = { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' };
const answer = (status: number, text: string) => new Response(`${text}\n`, { status, headers });

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const who = await staffAllowed(['admin']);
  if (!who) return answer(403, 'Du har ikke tilgang til dette.');
  // A download is started from our own pages or typed in; another site cannot start one for you.
  const site = request.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return answer(403, 'Start eksporten fra siden for bevaringspålegg.');

  const id = z.uuid().safeParse((await params).id);
  if (!id.success) return answer(404, 'Vi finner ikke pålegget.');
  try {
    const db = await getDb();
    const now = appClock().now();
    const doc = await holdExport(db, { holdId: id.data, now });
    if (!doc) return answer(404, 'Vi finner ikke et aktivt bevaringspålegg med dette. Er det opphevet eller utlevert, er det ingenting å eksportere.');
    await logAccess(db, { staffId: who.staffId, action: 'export', objectType: doc.object.type, objectId: doc.object.id, now });
    return new Response(exportText(doc, { exportedAt: now, exportedBy: who.name }), {
      headers: { ...headers, 'Content-Disposition': `attachment; filename="${exportFileName(doc)}"` },
    });
  } catch (err) {
    log.error('hold_export.failed', { code: errorCode(err) });
    return answer(500, 'Eksporten kunne ikke lages. Prøv igjen om litt.');
  }
}
