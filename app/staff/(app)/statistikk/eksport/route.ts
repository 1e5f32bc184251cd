import { statisticsRows } from '@/db/queries/statistics-report';
import { refuse } from '@/lib/actions/refusal';
import { osloIsoDate } from '@/lib/dates';
import { staffRoute } from '@/lib/staff/route';
import { buildReport } from '@/lib/stats/report';
import { reportCsv, reportFileName } from '@/lib/stats/report-csv';
import { readRange } from '@/lib/stats/report-range';

/**
 * The dashboard's numbers as a CSV file, suppressed exactly as the page shows them (the same
 * report is built from the same rows). Advisers and admins; the export's access-log row is
 * written in the same transaction before the file leaves; no cache may keep it.
 */
export const dynamic = 'force-dynamic';

export const GET = staffRoute({
  roles: ['admin', 'adviser'],
  answer: 'text',
  sameSiteOnly: 'Start nedlastingen fra statistikksiden.',
  event: 'statistics_export',
  failed: 'Statistikken kunne ikke lastes ned. Prøv igjen om litt.',
  run: async ({ db, request, now, audit }) => {
    const reading = readRange(Object.fromEntries(new URL(request.url).searchParams), osloIsoDate(now));
    if (!reading.ok) throw refuse('invalid', reading.message);
    const { range } = reading;
    await audit('statistics_export', { type: 'statistics', id: `${range.from}/${range.to}` });
    const csv = reportCsv(buildReport(await statisticsRows(db, range), range));
    return new Response(csv, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${reportFileName(range)}"`,
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  },
});
