import { Link } from '@/components/site-link';
import { notFound } from 'next/navigation';
import { getPublishedVersion } from '@/db/queries/privacy';
import { Markdown } from '@/components/markdown';
import { formatDate, osloIsoDate } from '@/lib/dates';
import { privacyContext } from '@/lib/privacy/load';

type Props = { params: Promise<{ nummer: string }> };

export async function generateMetadata({ params }: Props) {
  return { title: `Personvernerklæring, versjon ${(await params).nummer}` };
}

export default async function VersionPage({ params }: Props) {
  const { nummer } = await params;
  if (!/^[1-9]\d{0,5}$/.test(nummer)) notFound();
  const { db, now } = await privacyContext();
  const version = await getPublishedVersion(db, { number: Number(nummer), now });
  if (!version) notFound();
  return (
    <article className="max-w-3xl">
      <p>
        <Link href="/personvern/versjoner" className="text-brand-dark underline">Alle versjoner</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{version.title}</h1>
      <p className="mt-2 text-muted">
        Versjon {version.number}. Publisert <time dateTime={osloIsoDate(version.publishedAt)}>{formatDate(version.publishedAt)}</time>, gjelder
        fra <time dateTime={osloIsoDate(version.takesEffectAt)}>{formatDate(version.takesEffectAt)}</time>.
      </p>
      <p className="mt-2"><strong>Hva er nytt:</strong> {version.summary}</p>
      <div className="mt-8">
        <Markdown source={version.body} />
      </div>
    </article>
  );
}
