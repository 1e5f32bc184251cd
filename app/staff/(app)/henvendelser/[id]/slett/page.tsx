import { notFound } from 'next/navigation';
import { BackLink } from '@/components/staff/back-link';
import { getDb } from '@/db/client';
import { inquiryToErase } from '@/db/queries/inquiry-rights';
import { requireStaff } from '@/lib/auth/staff-session';
import { appClock } from '@/lib/clock';
import { formatDateTime } from '@/lib/dates';
import { pageId } from '@/lib/staff/page-id';
import { EraseForm } from '../../_components/erase-form';
import { statusLabels } from '../../_components/labels';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Slett henvendelsen' };

/**
 * Erasing an inquiry at once because the person asked. The page shows its reference, state and
 * dates, nothing the person wrote, so opening it is not a view of the inquiry.
 */
export default async function EraseInquiryPage({ params }: { params: Promise<{ id: string }> }) {
  await requireStaff(['admin', 'adviser']);
  const id = await pageId(params);
  const inquiry = await inquiryToErase(await getDb(), { id, now: appClock().now() });
  if (!inquiry) notFound();

  return (
    <div className="max-w-3xl space-y-6">
      <BackLink href={`/staff/henvendelser/${inquiry.id}`}>Tilbake til henvendelsen</BackLink>
      <h1 className="text-3xl font-bold">
        Slette henvendelsen <span className="font-mono">{inquiry.reference}</span>?
      </h1>
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">Status</dt>
        <dd>{statusLabels[inquiry.status]}</dd>
        <dt className="font-semibold">Mottatt</dt>
        <dd>{formatDateTime(inquiry.createdAt)}</dd>
        <dt className="font-semibold">Avsluttet</dt>
        <dd>{inquiry.closedAt ? formatDateTime(inquiry.closedAt) : 'Ikke ennå'}</dd>
      </dl>
      {inquiry.onHold ? (
        <p className="rounded-lg border-2 border-accent bg-white p-4">
          Et bevaringspålegg fra politiet eller en domstol gjelder for henvendelsen, så den kan ikke slettes før pålegget er over. Si dette
          til personen, og gi beskjed til en administrator.
        </p>
      ) : (
        <div className="space-y-4 rounded-2xl border-2 border-accent bg-white p-5 md:p-8">
          <p>
            Henvendelsen slettes med en gang, med meldingen, kontaktopplysningene, notatene og rettingene, på samme måte som når fristen går
            ut. Det kan ikke angres.
            {inquiry.status === 'avsluttet' ? null : ' Kontakten er ikke avsluttet, så den avsluttes først.'} Etterpå finnes bare en kvittering
            med tidspunktet, og tilgangsloggen viser hvem som slettet.
          </p>
          <p>Har personen bedt om en kopi, last den ned før du sletter.</p>
          <EraseForm inquiryId={inquiry.id} />
        </div>
      )}
    </div>
  );
}
