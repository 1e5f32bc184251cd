'use client';

import { useEffect, useRef } from 'react';
import type { SignupResult } from '../actions';
import { priceText, sessionTime } from '@/lib/courses/format';

const holdTime = new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit' });

/** Shown once a sign-up is stored: a seat or a place in the queue, and what happens next. */
export function SignupReceipt({ result }: { result: SignupResult }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { session, status, orderReference, keptDays, bookingPath, payment, paidWith } = result;
  const waiting = status === 'waiting';
  const paying = status === 'held';
  return (
    <section aria-labelledby="kvittering" className="max-w-3xl">
      <h1 id="kvittering" ref={heading} tabIndex={-1} className="text-3xl font-bold focus:outline-none">
        {waiting ? 'Du står på ventelisten' : paying ? 'Betal for å få plassen' : 'Du er påmeldt'}
      </h1>
      {paying ? (
        <div className="mt-4 rounded border-2 border-brand-dark p-4">
          <p>
            Vi holder av en plass til deg{payment ? ` til kl. ${holdTime.format(new Date(payment.holdUntil))}` : ' i 15 minutter'}. Betal med Vipps før det, så er plassen din. Beløpet
            blir reservert nå og trukket først når kurset starter.
          </p>
          <p className="mt-3">
            <a href={payment?.url ?? bookingPath} className="inline-block rounded bg-brand-dark px-4 py-2 font-semibold text-white underline-offset-4 hover:underline">
              Betal {priceText(session.priceNok)} med Vipps
            </a>
          </p>
        </div>
      ) : null}
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-lg">
        <dt className="font-semibold">Kurs</dt>
        <dd>{session.courseTitle}</dd>
        <dt className="font-semibold">Tid</dt>
        <dd>{sessionTime(session)}</dd>
        <dt className="font-semibold">Sted</dt>
        <dd>{session.place ?? 'Digitalt'}</dd>
        {!waiting && session.priceNok > 0 ? (
          <>
            <dt className="font-semibold">Pris</dt>
            <dd>
              {priceText(session.priceNok)}
              {paidWith === 'invoice' ? ', på faktura' : ', med Vipps'}
            </dd>
          </>
        ) : null}
        {orderReference ? (
          <>
            <dt className="font-semibold">Ordrenummer</dt>
            <dd className="font-mono tracking-wider">{orderReference}</dd>
          </>
        ) : null}
      </dl>
      {session.onlineLink ? (
        <p className="mt-4">
          Lenken til kurset er <a href={session.onlineLink} className="break-all text-brand-dark underline">{session.onlineLink}</a>. Ta vare på den.
        </p>
      ) : null}
      <h2 className="mt-8 text-xl font-semibold">Hva skjer nå?</h2>
      <ul className="mt-2 list-disc space-y-2 pl-6">
        {waiting ? (
          <li>Blir en plass ledig, tilbyr vi den til dem på ventelisten i den rekkefølgen de meldte seg på. Du får tilbudet på e-post.</li>
        ) : (
          <li>
            {paying ? 'Betaler du ikke innen fristen, går plassen videre, og ingenting blir trukket.' : 'Vi gleder oss til å se deg.'}
            {!paying && paidWith === 'invoice' ? ' Fakturaen kommer på e-post.' : ''}
          </li>
        )}
        <li>
          Påmeldingen din har en egen side der du kan se den og melde deg av:{' '}
          <a href={bookingPath} className="break-all text-brand-dark underline">
            åpne påmeldingen
          </a>
          . Ta vare på lenken: den er det eneste som gir tilgang til påmeldingen.
        </li>
        <li>Vi sletter påmeldingen, med telefonnummeret og svarene dine, {keptDays} dager etter kurset.</li>
      </ul>
    </section>
  );
}
