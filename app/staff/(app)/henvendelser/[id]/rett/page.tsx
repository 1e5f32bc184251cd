import { BackLink } from '@/components/staff/back-link';
import { listCorrections } from '@/db/queries/inquiry-rights';
import { CorrectForm } from '../../_components/correct-form';
import { CorrectionHistory } from '../../_components/rights-section';
import { viewedInquiry } from '../../_components/viewed-inquiry';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Rett kontaktopplysninger' };

/**
 * Correcting a person's name and contact details at their request. The page shows them, so
 * the view is logged like the inquiry's own page; each correction keeps the old value.
 */
export default async function CorrectInquiryPage({ params }: { params: Promise<{ id: string }> }) {
  const { db, inquiry } = await viewedInquiry(params);
  const corrections = await listCorrections(db, { inquiryId: inquiry.id });

  return (
    <div className="max-w-3xl space-y-6">
      <BackLink href={`/staff/henvendelser/${inquiry.id}`}>Tilbake til henvendelsen</BackLink>
      <h1 className="text-3xl font-bold">
        Rett kontaktopplysninger i <span className="font-mono">{inquiry.reference}</span>
      </h1>
      <p>
        Skriv opplysningene slik personen vil ha dem. Det gamle tas vare på i en historikk som hører til henvendelsen, kommer med i en kopi
        til personen og slettes sammen med henvendelsen.
      </p>
      <div className="rounded-2xl bg-white p-5 md:p-8">
        <CorrectForm inquiryId={inquiry.id} current={{ name: inquiry.name, email: inquiry.email ?? '', phone: inquiry.phone ?? '' }} />
      </div>
      <section aria-labelledby="historikk" className="rounded-2xl bg-white p-5 md:p-8">
        <h2 id="historikk" className="text-xl font-semibold">
          Historikk
        </h2>
        <CorrectionHistory corrections={corrections} />
      </section>
    </div>
  );
}
