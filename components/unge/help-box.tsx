import { Link } from '@/components/site-link';
import { ALARMTELEFONEN, AMBULANCE, MENTAL_HELSE, POLICE, availability, type HelpNumber } from '@/lib/help-numbers';

/** Number (or chat link) first, its explanation beside it from small tablets up, beneath it on phones. */
const LINE = 'sm:grid sm:grid-cols-[8rem_1fr] sm:items-baseline sm:gap-x-3';

/** The numbers a child may need now: danger first (police, ambulance), then someone to talk to. */
const NUMBERS: readonly HelpNumber[] = [POLICE, AMBULANCE, ALARMTELEFONEN, MENTAL_HELSE];

/** On every children's page and the chat: who to call or write to, with the numbers as phone links. */
export function HelpBox({ withChat = true }: { withChat?: boolean }) {
  return (
    <section aria-labelledby="hjelp-overskrift" className="rounded-3xl border-2 border-accent/40 bg-white p-5">
      <h2 id="hjelp-overskrift" className="text-xl font-bold">
        Trenger du hjelp nå?
      </h2>
      <ul className="mt-3 space-y-3">
        {NUMBERS.map((n) => (
          <li key={n.tel} className={LINE}>
            <a href={`tel:${n.tel}`} className="block text-lg font-bold whitespace-nowrap text-brand-dark underline sm:inline">
              {n.number}
            </a>
            <span>
              <strong className="font-semibold">{n.name}.</strong> {n.when} {availability(n)}
            </span>
          </li>
        ))}
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
