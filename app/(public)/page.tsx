import { Link } from '@/components/site-link';
import { sections } from '@/content/sections';

export default function HomePage() {
  return (
    <>
      <section aria-labelledby="velkommen" className="rounded-2xl bg-brand-light px-6 py-10">
        <h1 id="velkommen" className="text-3xl font-bold md:text-4xl">Du er ikke alene</h1>
        <p className="mt-4 max-w-2xl text-lg">
          Er du pårørende til noen som er syk, eller bekymret for noen du er glad i? Her finner du veiledning,
          og du kan skrive til oss. Er du barn eller ung, har vi egne sider for deg.
        </p>
        <p className="mt-6 flex flex-wrap gap-3">
          <Link href="/kontakt" className="rounded-lg bg-brand px-5 py-3 font-semibold text-white no-underline hover:bg-brand-dark">
            Ta kontakt
          </Link>
          <Link href="/unge" className="rounded-lg border-2 border-brand px-5 py-3 font-semibold text-brand-dark no-underline hover:bg-white">
            For barn og unge
          </Link>
        </p>
      </section>

      <h2 className="mt-12 text-2xl font-bold">Finn veiledning for din situasjon</h2>
      <ul className="mt-6 grid gap-4 md:grid-cols-2">
        {sections.map((s) => (
          <li key={s.slug} className="rounded-xl border border-brand/20 bg-white p-5">
            <h3 className="text-xl font-semibold">
              <Link href={`/${s.slug}`} className="text-brand-dark underline">{s.title}</Link>
            </h3>
            <p className="mt-2 text-muted">{s.lead}</p>
          </li>
        ))}
      </ul>

      <section aria-labelledby="personvern-kort" className="mt-12 rounded-xl bg-white p-6">
        <h2 id="personvern-kort" className="text-2xl font-bold">Trygt å ta kontakt</h2>
        <p className="mt-3">
          Vi bruker ingen sporing fra andre selskaper, og vi lagrer aldri IP-adressen din. Les hva vi lagrer og hvor lenge i{' '}
          <Link href="/personvern" className="text-brand-dark underline">personvernerklæringen</Link>.
        </p>
      </section>
    </>
  );
}
