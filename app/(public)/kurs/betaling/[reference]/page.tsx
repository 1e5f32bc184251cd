import type { Metadata } from 'next';
import { Link } from '@/components/site-link';
import { notFound } from 'next/navigation';
import { bookingByPaymentReference } from '@/db/queries/course-bookings';
import { courseContext } from '@/lib/courses/load';
import { applyPaymentState, vippsFromEnv } from '@/lib/courses/payment';
import { priceText, sessionTime } from '@/lib/courses/format';
import { env } from '@/lib/env';
import { log } from '@/lib/log';

// The address holds the payment's reference: no search engine, no referrer, no cache.
export const metadata: Metadata = { title: 'Betaling', robots: { index: false, follow: false }, referrer: 'no-referrer' };

type Props = { params: Promise<{ reference: string }> };

type Shown = { heading: string; lines: string[]; again?: boolean; retry?: boolean };

/**
 * Where Vipps sends the buyer back. The page asks Vipps how the payment stands and acts on it
 * (the webhook may have come first, or not yet: either way the seat is confirmed once), then
 * says in plain words where the buyer stands. It shows the course and the date, never who
 * signed up: the reference in the address is not a password.
 */
export default async function PaymentReturnPage({ params }: Props) {
  const { reference } = await params;
  const client = vippsFromEnv();
  if (!client || !/^kurs-[0-9a-f]{24}$/.test(reference)) notFound();
  const { db, now } = await courseContext();
  const before = await bookingByPaymentReference(db, { reference });
  if (!before) notFound();

  const mail = Boolean(env().SMTP_URL?.trim());
  let shown: Shown;
  const status = await client.getPayment(reference);
  if (!status.ok) {
    log.warn('course.payment_status_failed', { code: status.code });
    shown = {
      heading: 'Vi får ikke sjekket betalingen akkurat nå',
      lines: [
        'Vi får ikke svar fra Vipps. Har du godkjent betalingen, er den ikke tapt: plassen din blir bekreftet så snart Vipps gir oss beskjed.',
        mail ? 'Du får en e-post når plassen er bekreftet.' : 'Last inn siden på nytt om litt for å se hvordan det står.',
      ],
      retry: true,
    };
  } else {
    const outcome = await applyPaymentState(db, client, { reference, state: status.state, now });
    switch (outcome.kind) {
      case 'confirmed':
      case 'already':
        shown = {
          heading: 'Du er påmeldt',
          lines: [
            `Betalingen er godkjent, og plassen er din. ${priceText(before.session.priceNok)} er reservert på kontoen din og trekkes når kurset starter.`,
            mail ? 'Vi har sendt deg en bekreftelse på e-post, med en kalenderfil og lenken til påmeldingen din.' : 'Lenken til påmeldingen din fikk du da du meldte deg på.',
          ],
        };
        break;
      case 'waiting':
        shown = {
          heading: 'Betalingen er ikke fullført',
          lines: ['Vipps har ikke fått godkjent betalingen ennå. Fullfør den i Vipps-appen, og last deretter inn denne siden på nytt.'],
          retry: true,
        };
        break;
      case 'no_seat':
        shown = {
          heading: 'Plassen rakk å gå til en annen',
          lines: ['Betalingen kom etter at fristen gikk ut, og kurset ble fullt i mellomtiden. Reservasjonen av beløpet er opphevet, så ingenting blir trukket.'],
          again: true,
        };
        break;
      case 'released':
      case 'unknown':
        shown = {
          heading: 'Betalingen ble ikke fullført',
          lines: ['Betalingen ble avbrutt eller gikk ut på tid. Du er ikke påmeldt, og ingenting er trukket.'],
          again: true,
        };
        break;
    }
  }

  const { session } = before;
  return (
    <article className="max-w-3xl">
      <h1 className="text-3xl font-bold">{shown.heading}</h1>
      {shown.lines.map((line) => (
        <p key={line} className="mt-4 text-lg">
          {line}
        </p>
      ))}
      <dl className="mt-6 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-lg">
        <dt className="font-semibold">Kurs</dt>
        <dd>{session.courseTitle}</dd>
        <dt className="font-semibold">Tid</dt>
        <dd>{sessionTime(session)}</dd>
      </dl>
      {shown.retry ? (
        <p className="mt-6">
          <Link href={`/kurs/betaling/${reference}`} className="text-brand-dark underline">
            Last inn siden på nytt
          </Link>
        </p>
      ) : null}
      {shown.again ? (
        <p className="mt-6">
          <Link href={`/kurs/${before.courseSlug}`} className="text-brand-dark underline">
            Tilbake til kurset for å melde deg på igjen
          </Link>
        </p>
      ) : null}
    </article>
  );
}
