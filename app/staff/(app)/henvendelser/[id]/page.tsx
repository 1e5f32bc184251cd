import Link from 'next/link';
import { BackLink } from '@/components/staff/back-link';
import { categoryOptionsFor } from '@/db/queries/contact-stats';
import { listCorrections } from '@/db/queries/inquiry-rights';
import { listAssignableStaff } from '@/db/queries/inquiry-review';
import { AssignForm } from '../_components/assign-form';
import { CategoryForm } from '../_components/category-form';
import { ContactDetails, InquiryState } from '../_components/inquiry-facts';
import { JournalChoice } from '../_components/journal-choice';
import { LifecycleForm } from '../_components/lifecycle-form';
import { NoteForm } from '../_components/note-form';
import { NotesList } from '../_components/notes-list';
import { RightsSection } from '../_components/rights-section';
import { StatusForm } from '../_components/status-form';
import { viewedInquiry } from '../_components/viewed-inquiry';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Henvendelse' };

const card = 'rounded-2xl bg-white p-5 md:p-6';
const h2 = 'text-xl font-semibold';

/** One inquiry, opened. Every view is written to the access log before anything is shown. */
export default async function InquiryPage({ params }: { params: Promise<{ id: string }> }) {
  const { who, db, inquiry } = await viewedInquiry(params);
  const people = await listAssignableStaff(db);
  const categories = await categoryOptionsFor(db, { channel: 'henvendelse', id: inquiry.id });
  const hasReason = categories.reasons.some((c) => c.checked);
  const corrections = await listCorrections(db, { inquiryId: inquiry.id });
  const closed = inquiry.status === 'avsluttet';

  return (
    <div className="space-y-6">
      <BackLink href="/staff/henvendelser">Tilbake til henvendelsene</BackLink>
      <h1 className="text-3xl font-bold">
        Henvendelse <span className="font-mono">{inquiry.reference}</span>
      </h1>
      <JournalChoice declined={inquiry.journalDeclined} />
      {inquiry.journalDeclined ? null : (
        <p>
          <Link href={`/staff/journal/ny?kilde=henvendelse&id=${inquiry.id}`} className="text-brand-dark underline">Skriv journal</Link>
        </p>
      )}

      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="space-y-6">
          <section aria-labelledby="meldingen" className={card}>
            <h2 id="meldingen" className={h2}>Meldingen</h2>
            <p className="mt-3 whitespace-pre-wrap">{inquiry.message}</p>
          </section>
          <section aria-labelledby="kontakt" className={card}>
            <h2 id="kontakt" className={`${h2} mb-3`}>Kontaktopplysninger</h2>
            <ContactDetails inquiry={inquiry} />
          </section>
          <section aria-labelledby="notater" className={`${card} space-y-4`}>
            <h2 id="notater" className={h2}>Notater</h2>
            <NotesList notes={inquiry.notes} />
            <NoteForm inquiryId={inquiry.id} />
          </section>
          <section aria-labelledby="tema" className={`${card} space-y-4`}>
            <h2 id="tema" className={h2}>Tema og utfall</h2>
            <CategoryForm inquiryId={inquiry.id} options={categories} />
          </section>
          <section aria-labelledby="rettigheter" className={`${card} space-y-4`}>
            <h2 id="rettigheter" className={h2}>Personens rettigheter</h2>
            <RightsSection inquiryId={inquiry.id} corrections={corrections} />
          </section>
        </div>

        <section aria-labelledby="oppfolging" className={`${card} space-y-6 self-start`}>
          <h2 id="oppfolging" className={h2}>Oppfølging</h2>
          <InquiryState inquiry={inquiry} />
          <AssignForm inquiryId={inquiry.id} current={inquiry.assignedTo?.id ?? null} people={people} me={who.staffId} />
          {inquiry.status === 'avsluttet' ? null : <StatusForm inquiryId={inquiry.id} current={inquiry.status} />}
          <LifecycleForm inquiryId={inquiry.id} closed={closed} hasReason={hasReason} />
        </section>
      </div>
    </div>
  );
}
