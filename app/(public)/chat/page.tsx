import Link from 'next/link';

export const metadata = { title: 'Chat' };

/** Until the anonymous chat opens, this page says so and points to help that is open now. */
export default function ChatPage() {
  return (
    <article className="max-w-3xl">
      <h1 className="text-3xl font-bold">Chat med oss</h1>
      <p className="mt-4 text-lg">
        Chatten vår er ikke åpnet ennå. Når den åpner, kan du skrive med oss uten å si hvem du er.
      </p>
      <h2 className="mt-8 text-xl font-semibold">Du kan få hjelp nå</h2>
      <ul className="mt-3 space-y-2">
        <li>
          <a href="tel:113" className="font-bold text-brand-dark underline">113</a>: medisinsk nødtelefon, hvis noen er i fare.
        </li>
        <li>
          <a href="tel:116111" className="font-bold text-brand-dark underline">116 111</a>: Alarmtelefonen for barn og unge, gratis og åpen hele døgnet.
        </li>
        <li>
          <a href="tel:116123" className="font-bold text-brand-dark underline">116 123</a>: Mental Helse sin hjelpetelefon, åpen hele døgnet.
        </li>
      </ul>
      <p className="mt-6">
        Er du voksen og pårørende, kan du <Link href="/kontakt" className="text-brand-dark underline">skrive til oss</Link>. For barn og unge
        har vi <Link href="/unge" className="text-brand-dark underline">egne sider</Link>.
      </p>
    </article>
  );
}
