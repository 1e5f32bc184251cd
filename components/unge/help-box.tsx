import Link from 'next/link';

/** Number (or chat link) first, its explanation beside it from small tablets up, beneath it on phones. */
const LINE = 'sm:grid sm:grid-cols-[8rem_1fr] sm:items-baseline sm:gap-x-3';

/** On every children's page: who to call or write to, with the numbers as phone links. */
export function HelpBox({ withChat = true }: { withChat?: boolean }) {
  return (
    <section aria-labelledby="hjelp-overskrift" className="rounded-3xl border-2 border-accent/40 bg-white p-5">
      <h2 id="hjelp-overskrift" className="text-xl font-bold">
        Trenger du hjelp nå?
      </h2>
      <ul className="mt-3 space-y-3">
        <HelpLine number="113" tel="113" text="Medisinsk nødtelefon. Ring hvis noen er i fare eller er veldig syk." />
        <HelpLine number="116 111" tel="116111" text="Alarmtelefonen for barn og unge. Gratis, og åpen hele døgnet." />
        <HelpLine number="116 123" tel="116123" text="Mental Helse sin hjelpetelefon, for deg som vil snakke med noen. Åpen hele døgnet." />
        {withChat && (
          <li className={LINE}>
            <Link href="/chat" className="block text-lg font-bold text-brand-dark underline sm:inline">
              Chat med oss
            </Link>
            <span>Du trenger ikke si hvem du er.</span>
          </li>
        )}
      </ul>
    </section>
  );
}

function HelpLine({ number, tel, text }: { number: string; tel: string; text: string }) {
  return (
    <li className={LINE}>
      <a href={`tel:${tel}`} className="block text-lg font-bold whitespace-nowrap text-brand-dark underline sm:inline">
        {number}
      </a>
      <span>{text}</span>
    </li>
  );
}
