import { z } from 'zod';
import { getDb } from '@/db/client';
import { listInquiries } from '@/db/queries/inquiry-review';
import { inquiryStatuses } from '@/db/schema';
import { requireStaff } from '@/lib/auth/staff-session';
import { appClock } from '@/lib/clock';
import { InquiryFilters } from './_components/inquiry-filters';
import { InquiryTable } from './_components/inquiry-table';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Henvendelser' };

const LIMIT = 50;
// Anything else in the address is ignored, never an error: the filter falls back to "Alle".
const filterSchema = z.object({
  status: z.enum(inquiryStatuses).optional().catch(undefined),
  tildelt: z.literal('meg').optional().catch(undefined),
  slettet: z.literal('1').optional().catch(undefined),
});

export default async function InquiriesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const who = await requireStaff(['admin', 'adviser']);
  const { status, tildelt, slettet } = filterSchema.parse(await searchParams);
  const mine = tildelt === 'meg';
  const rows = await listInquiries(await getDb(), { now: appClock().now(), status, assignedTo: mine ? who.staffId : undefined, limit: LIMIT });

  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">Henvendelser</h1>
      <div role="status">
        {slettet ? (
          <p className="rounded-lg border-2 border-brand bg-brand-light p-3 font-semibold">
            Henvendelsen er slettet med notatene og rettingene. Bare en kvittering og tilgangsloggen viser at den fantes.
          </p>
        ) : null}
      </div>
      <InquiryFilters status={status} mine={mine} />
      {rows.length ? (
        <p>{rows.length === LIMIT ? `Viser de ${LIMIT} nyeste.` : `${rows.length} ${rows.length === 1 ? 'henvendelse' : 'henvendelser'}.`}</p>
      ) : null}
      <InquiryTable rows={rows} empty={status || mine ? 'Ingen henvendelser passer med filteret.' : 'Det er ingen henvendelser her nå.'} />
    </div>
  );
}
