import { randomBytes } from 'node:crypto';
import type { Metadata } from 'next';
import { Link } from '@/components/site-link';
import { notFound } from 'next/navigation';
import { publicCourseOnce } from '@/lib/courses/load';
import { priceText, seatsText, sessionTime } from '@/lib/courses/format';
import { env } from '@/lib/env';
import { PAYMENT_DESCRIPTION, vippsFromEnv } from '@/lib/courses/payment';
import { SignupForm } from './_components/signup-form';

export const metadata: Metadata = { title: 'Påmelding til kurs' };

type Props = { params: Promise<{ slug: string; session: string }> };

/** Signing up for one session of a course: what it is, what we keep and for how long, then the form. */
export default async function SignupPage({ params }: Props) {
  const { slug, session: sessionId } = await params;
  const { course } = await publicCourseOnce(slug);
  const session = course?.sessions.find((s) => s.id === sessionId);
  if (!course || !session) notFound();
  const back = (
    <Link href={`/kurs/${course.slug}`} className="text-brand-dark underline">
      Tilbake til {course.title}
    </Link>
  );
  if (!session.open) {
    return (
      <article className="max-w-3xl">
        <h1 className="text-3xl font-bold">{session.cancelled ? 'Kursdatoen er avlyst' : 'Påmeldingen er stengt'}</h1>
        <p className="mt-4 text-lg">
          {session.cancelled ? `${course.title}, ${sessionTime(session).toLowerCase()}, er avlyst.` : `Påmeldingsfristen for ${sessionTime(session).toLowerCase()} har gått ut.`} Se om kurset har andre datoer.
        </p>
        <p className="mt-4">{back}</p>
      </article>
    );
  }
  const days = env().COURSE_BOOKING_RETENTION_DAYS;
  const vipps = vippsFromEnv() !== undefined;
  const mail = Boolean(env().SMTP_URL?.trim());
  return (
    <div className="max-w-3xl">
      <p className="mb-4">{back}</p>
      <SignupForm
        sessionId={session.id}
        submission={randomBytes(16).toString('base64url')}
        questions={course.questions}
        full={session.seatsLeft === 0}
        paid={course.priceNok > 0}
        heading={
          <>
            <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-lg">
              <dt className="font-semibold">Kurs</dt>
              <dd>{course.title}</dd>
              <dt className="font-semibold">Tid</dt>
              <dd>{sessionTime(session)}</dd>
              <dt className="font-semibold">Sted</dt>
              <dd>{session.online ? 'Digitalt' : session.place}</dd>
              <dt className="font-semibold">Pris</dt>
              <dd>{priceText(course.priceNok)}</dd>
              <dt className="font-semibold">Plasser</dt>
              <dd>{seatsText(session)}</dd>
            </dl>
            <section aria-labelledby="dette-lagrer-vi" className="mt-6 rounded-2xl border border-brand/20 bg-brand-light/50 p-5">
              <h2 id="dette-lagrer-vi" className="text-xl font-semibold">Dette lagrer vi</h2>
              <ul className="mt-3 list-disc space-y-2 pl-6">
                <li>Navnet, e-postadressen og telefonnummeret ditt og svarene du gir, kryptert, for å kunne gjennomføre kurset.</li>
                <li>Vi sletter påmeldingen {days} dager etter kurset.</li>
                {course.priceNok > 0 ? (
                  <li>Kjøper du en plass, er kjøpet et regnskapsbilag. Bokføringsloven krever at vi tar vare på det (navn, e-post, kurs, beløp og dato) til utgangen av det femte året etter året du kjøpte. Kjøpet lagres for seg og kobles aldri til en henvendelse.</li>
                ) : null}
                {course.priceNok > 0 && vipps ? (
                  <li>
                    Du betaler med Vipps. Vipps får bare beløpet, et tilfeldig referansenummer og teksten «{PAYMENT_DESCRIPTION}», ikke navnet ditt og ikke hvilket kurs det gjelder.
                    Telefonnummeret ditt gir du til Vipps i appen, ikke til oss.
                  </li>
                ) : null}
                {mail ? <li>Vi sender bekreftelsen og en påminnelse to dager før kurset til e-postadressen din, med lenke til påmeldingen.</li> : null}
                <li>Vi lagrer ikke IP-adressen din.</li>
              </ul>
              <p className="mt-3">
                Les mer i <Link href="/personvern" className="text-brand-dark underline">personvernerklæringen</Link>.
              </p>
            </section>
          </>
        }
      />
    </div>
  );
}
