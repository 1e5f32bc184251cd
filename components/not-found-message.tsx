import { Link } from '@/components/site-link';
import { EMERGENCY_SENTENCE } from '@/lib/help-numbers';

type Destination = { href: string; label: string };

const PUBLIC_WAYS_ON: readonly Destination[] = [
  { href: '/', label: 'Gå til forsiden' },
  { href: '/kontakt', label: 'Ta kontakt med oss' },
  { href: '/unge', label: 'Sider for barn og unge' },
];

/**
 * What a 404 says, inside whichever frame the address belongs to: the adult site's, the
 * children's or the staff area's. Each frame has its own not-found file, so no page carries
 * another frame's 404 in its payload.
 */
export function NotFoundMessage({ waysOn = PUBLIC_WAYS_ON, emergency = true }: { waysOn?: readonly Destination[]; emergency?: boolean }) {
  return (
    <>
      <h1 className="text-3xl font-bold">Vi fant ikke siden</h1>
      <p className="mt-4 text-lg">
        Siden du leter etter finnes ikke, eller den har fått en ny adresse. Det er ikke noe du har gjort feil.
      </p>
      <ul className="mt-6 list-disc space-y-2 pl-6">
        {waysOn.map(({ href, label }) => (
          <li key={href}>
            <Link href={href} className="text-brand-dark underline">{label}</Link>
          </li>
        ))}
      </ul>
      {emergency ? <p className="mt-6">Trenger du hjelp nå? {EMERGENCY_SENTENCE}</p> : null}
    </>
  );
}
