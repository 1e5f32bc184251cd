import Link from 'next/link';
import { env } from '@/lib/env';

export const metadata = { title: 'Kontakt' };

export default function ContactPage() {
  const email = env().CONTACT_EMAIL;
  return (
    <article className="max-w-3xl">
      <h1 className="text-3xl font-bold">Kontakt oss</h1>
      <p className="mt-4 text-lg">
        Du kan skrive til oss om det som er vanskelig. En fagkonsulent med taushetsplikt svarer deg.
      </p>
      <p className="mt-4">
        E-post: <a href={`mailto:${email}`} className="text-brand-dark underline">{email}</a>
      </p>
      <p className="mt-4">
        Før du skriver, kan du lese hva vi lagrer og hvor lenge i{' '}
        <Link href="/personvern" className="text-brand-dark underline">personvernerklæringen</Link>.
      </p>
      <p className="mt-6 rounded-lg bg-sand p-4">Ved fare for liv og helse: ring 113.</p>
    </article>
  );
}
