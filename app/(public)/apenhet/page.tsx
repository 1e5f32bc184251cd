import { connection } from 'next/server';
import { CountTable } from './_components/count-table';
import { ProofList } from './_components/proof-list';
import { PurgeStatus } from './_components/purge-status';
import { appClock } from '@/lib/clock';
import { env } from '@/lib/env';
import { retentionRuleTexts } from '@/lib/retention/rules-text';
import { MONTHS_SHOWN, transparencyAt } from '@/lib/stats/transparency';

export const metadata = { title: 'Åpenhet om sletting' };

/**
 * Rendered per request, since the rules follow the settings and the numbers the purge; the
 * numbers come from memory and are read from the database at most once an hour
 * (lib/stats/transparency-cache.ts).
 */
export default async function TransparencyPage() {
  await connection();
  const { deletions, holds, purge } = await transparencyAt(appClock().now());
  const rules = retentionRuleTexts();
  return (
    <article className="max-w-3xl">
      <h1 className="text-3xl font-bold">Åpenhet om sletting</h1>
      <p className="mt-4 text-lg">
        Det du deler med oss, slettes etter faste regler. Her ser du reglene, hvor mye slettingen har fjernet de siste {MONTHS_SHOWN} månedene, når den sist kjørte, og hvilke løfter testene våre sist bekreftet. Tallene kommer fra det
        slettingen selv skriver ned hver gang den sletter noe.
      </p>

      <section aria-labelledby="sist-kjort" className="mt-10">
        <h2 id="sist-kjort" className="text-2xl font-semibold">
          Når slettingen sist kjørte
        </h2>
        <p className="mt-2">Slettingen kjører automatisk, og skal bli ferdig minst én gang i døgnet.</p>
        <PurgeStatus purge={purge} contactEmail={env().PRIVACY_EMAIL} />
      </section>

      <section aria-labelledby="reglene" className="mt-10">
        <h2 id="reglene" className="text-2xl font-semibold">
          Reglene
        </h2>
        <dl className="mt-4 space-y-4">
          {rules.map((rule) => (
            <div key={rule.id}>
              <dt className="font-semibold">{rule.what}</dt>
              <dd className="mt-1">{rule.when}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="slettet" className="mt-10">
        <h2 id="slettet" className="text-2xl font-semibold">
          Dette er slettet
        </h2>
        <p className="mt-2">
          Et tall fra 1 til 4 vises som «under 5», så ingen kan kjennes igjen i tallene. En sum der et slikt tall inngår, vises som «minst» så mye som kan legges sammen av det som vises.
          Merkede chatter er samtaler som ble slettet innen én virkedag fordi de inneholdt noe som kunne vise hvem noen er.
        </p>
        <p className="mt-2">
          «Av disse: reservert mot journal» er de av de slettede henvendelsene der personen hadde reservert seg mot journal. De er også med i tallet for henvendelser. Er det under 5 av dem,
          eller under 5 av de andre, vises tallet for henvendelser som «minst», så det skjulte tallet ikke kan regnes ut. Før slettingen begynte å telle dem for seg, står det 0.
        </p>
        <CountTable id="slettet-tabell" caption="Slettet per måned" table={deletions} />
        <CountTable id="palegg-tabell" caption="Bevaringspålegg lagt inn og avsluttet (opphevet eller utlevert) per måned" table={holds} />
        <p className="mt-4 text-muted">Tallene på denne siden kan være opptil en time gamle.</p>
      </section>

      <section aria-labelledby="bevis" className="mt-10">
        <h2 id="bevis" className="text-2xl font-semibold">
          Løftene våre, sjekket av testene
        </h2>
        <ProofList />
      </section>
    </article>
  );
}
