import type { Metadata } from 'next';
import { Link } from '@/components/site-link';
import { notFound } from 'next/navigation';
import { bookingByToken } from '@/db/queries/course-bookings';
import { courseContext } from '@/lib/courses/load';
import { priceText, sessionTime } from '@/lib/courses/format';
import { formatDateTime } from '@/lib/dates';
import { acceptOfferAction, cancelBookingAction } from './actions';
import { BookingAction } from './_components/booking-action';

// The address holds the participant's token: no search engine, no referrer, no cache.
export const metadata: Metadata = { title: 'Påmeldingen din', robots: { index: false, follow: false }, referrer: 'no-referrer' };

type Props = { params: Promise<{ token: string }> };

const statusText = {
  confirmed: 'Du er påmeldt.',
  held: 'Plassen holdes av mens du betaler.',
  offered: 'Du har fått tilbud om en ledig plass.',
  waiting: 'Du står på ventelisten.',
  cancelled: 'Du er meldt av.',
} as const;

/** A participant's own booking, found by the token in their link: what it is, and what they can do. */
export default async function BookingPage({ params }: Props) {
  const { token } = await params;
  const { db, now } = await courseContext();
  const booking = /^[A-Za-z0-9_-]{20,100}$/.test(token) ? await bookingByToken(db, { token }) : undefined;
  if (!booking) notFound();
  const { session } = booking;
  const past = now >= session.startsAt;
  const canCancel = !past && booking.status !== 'cancelled' && (booking.status === 'waiting' || now < session.cancelDeadline);
  return (
    <article className="max-w-3xl">
      <h1 className="text-3xl font-bold">Påmeldingen din</h1>
      <p className="mt-4 text-lg font-semibold">{session.cancelled ? 'Denne kursdatoen er avlyst.' : statusText[booking.status]}</p>
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-lg">
        <dt className="font-semibold">Kurs</dt>
        <dd>
          <Link href={`/kurs/${booking.courseSlug}`} className="text-brand-dark underline">{session.courseTitle}</Link>
        </dd>
        <dt className="font-semibold">Tid</dt>
        <dd>{sessionTime(session)}</dd>
        <dt className="font-semibold">Sted</dt>
        <dd>{session.place ?? 'Digitalt'}</dd>
        <dt className="font-semibold">Pris</dt>
        <dd>{priceText(session.priceNok)}</dd>
      </dl>
      {session.onlineLink ? (
        <p className="mt-4">
          Lenken til kurset er <a href={session.onlineLink} className="break-all text-brand-dark underline">{session.onlineLink}</a>.
        </p>
      ) : null}
      {booking.status === 'held' && booking.paymentUrl && booking.holdUntil && booking.holdUntil > now && !session.cancelled ? (
        <section aria-labelledby="betaling" className="mt-8 rounded-2xl bg-white p-5">
          <h2 id="betaling" className="text-xl font-semibold">Betal for å få plassen</h2>
          <p className="mt-2">Plassen holdes av til {formatDateTime(booking.holdUntil)}. Betaler du ikke innen da, går den videre, og ingenting blir trukket.</p>
          <p className="mt-3">
            <a href={booking.paymentUrl} className="inline-block rounded bg-brand-dark px-4 py-2 font-semibold text-white">
              Betal {priceText(session.priceNok)} med Vipps
            </a>
          </p>
        </section>
      ) : null}
      {booking.status === 'held' && (!booking.holdUntil || booking.holdUntil <= now) ? (
        <p className="mt-4">Tiden for å betale gikk ut, og plassen er gitt videre. Ingenting er trukket.</p>
      ) : null}
      {booking.status === 'offered' && booking.holdUntil && booking.holdUntil > now && !session.cancelled ? (
        <section aria-labelledby="tilbud" className="mt-8 rounded-2xl bg-white p-5">
          <h2 id="tilbud" className="text-xl font-semibold">Vil du ha plassen?</h2>
          <p className="mt-2">Tilbudet står til {formatDateTime(booking.holdUntil)}. Etter det går plassen til den neste på ventelisten.</p>
          <BookingAction action={acceptOfferAction} token={token} label="Ja, jeg tar plassen" pendingLabel="Lagrer …" />
        </section>
      ) : null}
      {canCancel && !session.cancelled ? (
        <section aria-labelledby="avmelding" className="mt-8 rounded-2xl bg-white p-5">
          <h2 id="avmelding" className="text-xl font-semibold">Meld deg av</h2>
          <p className="mt-2">
            {booking.status === 'waiting' ? 'Du kan gå ut av ventelisten når som helst før kurset.' : `Du kan melde deg av fram til ${formatDateTime(session.cancelDeadline)}.`}
            {session.priceNok > 0 && booking.status !== 'waiting' ? (booking.payment === 'vipps' ? ' Har du betalt, får du pengene tilbake.' : ' Da betaler du ingenting.') : ''}
          </p>
          <BookingAction action={cancelBookingAction} token={token} label="Meld meg av" pendingLabel="Melder av …" />
        </section>
      ) : null}
      {!canCancel && !past && booking.status !== 'cancelled' && !session.cancelled ? (
        <p className="mt-8">Avmeldingsfristen har gått ut. Kan du ikke komme, <Link href="/kontakt" className="text-brand-dark underline">ta kontakt med oss</Link>.</p>
      ) : null}
    </article>
  );
}
