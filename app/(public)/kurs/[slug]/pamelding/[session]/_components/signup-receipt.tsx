'use client';

import { useEffect, useRef } from 'react';
import type { SignupResult } from '../actions';
import { priceText, sessionTime } from '@/lib/courses/format';

/** Shown once a sign-up is stored: a seat or a place in the queue, and what happens next. */
export function SignupReceipt({ result }: { result: SignupResult }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { session, status, orderReference, keptDays, bookingPath } = result;
  const waiting = status === 'waiting';
  return (
    <section aria-labelledby="kvittering" className="max-w-3xl">
      <h1 id="kvittering" ref={heading} tabIndex={-1} className="text-3xl font-bold focus:outline-none">
        {waiting ? 'Du står på ventelisten' : 'Du er påmeldt'}
      </h1>
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
            <dd>{priceText(session.priceNok)}, på faktura</dd>
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
          <li>Vi gleder oss til å se deg.{session.priceNok > 0 ? ' Fakturaen kommer på e-post.' : ''}</li>
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
