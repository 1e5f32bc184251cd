import { getDb } from '@/db/client';
import { logAccess } from '@/db/queries/audit';
import { statisticsRows } from '@/db/queries/statistics-report';
import { requireStaff } from '@/lib/auth/staff-session';
import { appClock } from '@/lib/clock';
import { osloIsoDate } from '@/lib/dates';
import { chatSurveyReportFor } from '@/lib/stats/chat-survey-report';
import { buildReport } from '@/lib/stats/report';
import { dayLabel } from '@/lib/stats/report-dates';
import { readRange } from '@/lib/stats/report-range';
import { ChatSection } from './_components/chat-section';
import { CategoriesSection, StartedSection } from './_components/contacts-section';
import { CoverageSection } from './_components/coverage-section';
import { PagesSection } from './_components/pages-section';
import { RangeForm } from './_components/range-form';
import { SurveySection } from './_components/survey-section';
import { VisitsSection } from './_components/visits-section';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Statistikk' };

/**
 * The statistics dashboard for advisers and admins: daily totals summed over a period, every
 * number suppressed (lib/stats/report.ts), charts drawn on the server. The survey after a chat
 * ("Etter chatten") is shown to admins only (lib/stats/chat-survey-report.ts). Each view that shows
 * numbers is written to the access log, with the period as the object (it names no person).
 */
export default async function StatisticsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const who = await requireStaff(['admin', 'adviser']);
  const now = appClock().now();
  const reading = readRange(await searchParams, osloIsoDate(now));

  let body: React.ReactNode = null;
  if (reading.ok) {
    const { range } = reading;
    const db = await getDb();
    await logAccess(db, { staffId: who.staffId, action: 'statistics_view', objectType: 'statistics', objectId: `${range.from}/${range.to}`, now });
    const report = buildReport(await statisticsRows(db, range), range);
    const survey = await chatSurveyReportFor(db, { role: who.role, range });
    const query = new URLSearchParams({ fra: range.from, til: range.to });
    body = (
      <>
        <p>
          Viser {dayLabel(range.from)} til og med {dayLabel(range.to)}.{' '}
          {/* A plain link: Next's <Link> would first fetch the handler as a page, an export logged twice. */}
          <a href={`/staff/statistikk/eksport?${query}`} className="text-brand-dark underline">
            Last ned tallene som CSV-fil (regneark)
          </a>
        </p>
        <VisitsSection visits={report.visits} />
        <PagesSection pages={report.pages} />
        <StartedSection started={report.started} />
        <CategoriesSection categories={report.categories} />
        <ChatSection chats={report.chats} />
        <CoverageSection coverage={report.coverage} />
        {survey ? <SurveySection questions={survey} /> : null}
      </>
    );
  }

  return (
    <div className="space-y-8">
      <h1 className="text-3xl font-bold">Statistikk</h1>
      <div className="max-w-prose space-y-2">
        <p>Tall for nettsidene, henvendelsene og chatten. Bare summer per dag er lagret, aldri hvem som besøkte eller tok kontakt.</p>
        <p>
          Tall fra 1 til 4 vises som «under 5», så ingen kan kjennes igjen av et lite tall. En sum der et slikt tall inngår vises som «minst» det vi vet at den er. I
          diagrammene er slike tall skravert.
        </p>
      </div>
      <RangeForm reading={reading} />
      {body}
    </div>
  );
}
