import { Link } from '@/components/site-link';
import { ContactForm } from './_components/contact-form';
import { env } from '@/lib/env';

export const metadata = { title: 'Kontakt' };

export default function ContactPage() {
  const email = env().CONTACT_EMAIL;
  return (
    <div className="max-w-3xl">
      <ContactForm
        intro={
          <>
            <p className="mt-4 text-lg">
              Skriv til oss om det som er vanskelig. En fagkonsulent med taushetsplikt leser det du skriver og tar kontakt med deg.
            </p>
            <section aria-labelledby="for-du-skriver" className="mt-6 rounded-2xl border border-brand/20 bg-brand-light/50 p-5">
              <h2 id="for-du-skriver" className="text-xl font-semibold">Før du skriver: dette lagrer vi</h2>
              <ul className="mt-3 list-disc space-y-2 pl-6">
                <li>Vi lagrer alt du fyller ut i skjemaet kryptert, og bruker det bare til å svare deg og gi deg veiledning.</li>
                <li>
                  Vi sletter henvendelsen og notatene våre om den tre måneder etter at kontakten med deg er avsluttet, med mindre politiet
                  eller en domstol har pålagt oss å ta vare på den.
                </li>
                <li>Du kan be om å få en kopi av henvendelsen, få rettet den eller få den slettet med en gang. Oppgi referansen du får når du har sendt skjemaet.</li>
                <li>
                  Er det fare for liv eller helse, kan det bli opprettet en journal. Du kan si nei til journal nederst i skjemaet, og du får
                  veiledning likevel.
                </li>
                <li>Vi lagrer ikke IP-adressen din.</li>
              </ul>
              <p className="mt-3">
                Les mer i <Link href="/personvern" className="text-brand-dark underline">personvernerklæringen</Link>. Du kan også skrive
                til oss på <a href={`mailto:${email}`} className="text-brand-dark underline">{email}</a>.
              </p>
            </section>
            <p className="mt-6 rounded-lg bg-sand p-4">Haster det? Ved fare for liv og helse: ring 113.</p>
          </>
        }
      />
    </div>
  );
}
