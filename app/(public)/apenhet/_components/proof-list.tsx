import { Link } from '@/components/site-link';
import { formatDate } from '@/lib/dates';
import { provedClaims } from '@/lib/privacy/proof';

/** Noon on the day, so the day reads the same in Oslo whatever the server's time zone. */
const day = (isoDate: string) => formatDate(new Date(`${isoDate}T12:00:00Z`));

/**
 * Each promise of the privacy statement the test suite checks, in plain words, with the day the
 * suite last proved it for this release; then the promises only people can keep, with who
 * answers for each. Read from the claims registry when the site is built.
 */
export function ProofList() {
  const { claims, promises, commit } = provedClaims();
  return (
    <>
      <p className="mt-2">
        Hvert løfte i <Link href="/personvern" className="text-brand-dark underline">personvernerklæringen</Link> som et program kan sjekke, har tester som feiler hvis koden
        bryter det. Før en ny utgave av nettsiden blir tatt i bruk, må alle disse testene ha gått gjennom.
        {commit ? ` Datoene gjelder utgaven med kjennetegnet ${commit}.` : null}
      </p>
      <ul className="mt-4 space-y-3">
        {claims.map((c) => (
          <li key={c.id} className="rounded-lg border border-brand/20 p-3">
            <p>{c.says}</p>
            <p className="mt-1 text-muted">
              {c.provedOn ? (
                <>
                  Sist bekreftet av testene <time dateTime={c.provedOn}>{day(c.provedOn)}</time>.
                </>
              ) : (
                'Ikke bekreftet av testene for denne utgaven ennå.'
              )}
            </p>
          </li>
        ))}
      </ul>
      <h3 className="mt-8 text-xl font-semibold">Løfter som mennesker står for</h3>
      <p className="mt-2">Noen løfter kan ingen test sjekke, for eksempel taushetsplikt. For hvert av dem står det hvem hos oss som svarer for det.</p>
      <ul className="mt-4 list-disc space-y-1 pl-6">
        {promises.map((p) => (
          <li key={p.id}>
            {p.says} <span className="text-muted">Ansvarlig: {p.answers}.</span>
          </li>
        ))}
      </ul>
    </>
  );
}
