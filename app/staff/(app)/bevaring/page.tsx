import { getDb } from '@/db/client';
import { listHolds } from '@/db/queries/holds-admin';
import { requireStaff } from '@/lib/auth/staff-session';
import { appClock } from '@/lib/clock';
import { env } from '@/lib/env';
import { HoldTable } from './_components/hold-table';
import { PlaceHoldForm } from './_components/place-hold-form';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Bevaringspålegg' };

const LIMIT = 200;

/** Legal holds: who placed which, why, and where each stands; and a new one placed. */
export default async function LegalHoldsPage() {
  await requireStaff(['admin']);
  const now = appClock().now();
  const holds = await listHolds(await getDb(), { now, limit: LIMIT });

  return (
    <div className="space-y-8">
      <div className="max-w-3xl space-y-3">
        <h1 className="text-3xl font-bold">Bevaringspålegg</h1>
        <p>
          Et bevaringspålegg, for eksempel fra politiet, hindrer at en henvendelse eller en chatsamtale slettes når slettefristen går ut.
          Pålegget gjelder til du opphever det, eller til det som er bevart, er utlevert. Det som er utlevert, slettes for godt ved neste
          automatiske sletting. Selve pålegget, med referansen og begrunnelsen, slettes {env().HOLD_RETENTION_DAYS} dager etter at det
          ble opphevet eller utlevert.
        </p>
      </div>

      <section aria-labelledby="nytt-palegg" className="max-w-3xl space-y-3">
        <h2 id="nytt-palegg" className="text-2xl font-semibold">Legg inn et nytt pålegg</h2>
        <p>
          Du kan bare legge pålegg på en henvendelse eller chat som fortsatt finnes. Det som har passert slettefristen, er borte, selv om
          det ikke er slettet ennå, og kan ikke hentes tilbake med et pålegg.
        </p>
        <PlaceHoldForm />
      </section>

      <section aria-labelledby="palegg" className="space-y-3">
        <h2 id="palegg" className="text-2xl font-semibold">Alle pålegg</h2>
        {holds.length === LIMIT ? <p>Viser {LIMIT} pålegg: alle aktive først, deretter de nyeste.</p> : null}
        <HoldTable holds={holds} now={now} />
      </section>
    </div>
  );
}
