import { notFound } from 'next/navigation';
import { BackLink } from '@/components/staff/back-link';
import { getDb } from '@/db/client';
import { getHold, type HoldListItem } from '@/db/queries/holds-admin';
import { requireStaff } from '@/lib/auth/staff-session';
import { appClock } from '@/lib/clock';
import { formatDate, formatDateTime } from '@/lib/dates';
import { pageId } from '@/lib/staff/page-id';
import { HoldChangeForm } from './hold-change-form';
import { HeldObject, HoldStatusText } from './hold-table';

const dl = 'grid gap-x-6 gap-y-2 rounded-2xl bg-white p-5 sm:grid-cols-[max-content_1fr] md:p-6';
const dt = 'font-semibold';

/** What happens to the inquiry when the hold is released, said before it is done. */
function ReleaseConsequence({ deleteAfter, now }: { deleteAfter: Date | null; now: Date }) {
  if (!deleteAfter) return <p>Kontakten er ikke avsluttet, så henvendelsen har ingen slettefrist ennå. Den følger de vanlige slettereglene.</p>;
  if (deleteAfter > now) return <p>Henvendelsen følger de vanlige slettereglene igjen og slettes {formatDate(deleteAfter)}.</p>;
  return (
    <p className="rounded-lg border-2 border-notice-border bg-notice p-3 font-semibold">
      Slettefristen gikk ut {formatDate(deleteAfter)}. Når pålegget er opphevet, blir henvendelsen borte med en gang og slettes for godt ved
      neste automatiske sletting. Det kan ikke angres.
    </p>
  );
}

type Kind = 'release' | 'handover';

/** Both confirmation pages: for admins only, about a hold that exists, ending in the step for `kind`. */
export async function holdConfirmPage(kind: Kind, params: Promise<{ id: string }>) {
  await requireStaff(['admin']);
  const id = await pageId(params);
  const now = appClock().now();
  const hold = await getHold(await getDb(), { id, now });
  if (!hold) notFound();
  return <HoldConfirm kind={kind} hold={hold} now={now} />;
}

/** The confirmation step for releasing a hold or handing its object over. Works without JavaScript. */
function HoldConfirm({ kind, hold, now }: { kind: Kind; hold: HoldListItem; now: Date }) {
  const active = hold.status === 'active';
  const what = hold.objectType === 'chat' ? { it: 'samtalen', all: 'samtalen og meldingene' } : { it: 'henvendelsen', all: 'henvendelsen og notatene' };
  return (
    <div className="max-w-3xl space-y-6">
      <BackLink href="/staff/bevaring">Tilbake til bevaringspåleggene</BackLink>
      <h1 className="text-3xl font-bold">{kind === 'release' ? 'Oppheve bevaringspålegget' : 'Marker som utlevert'}</h1>
      <dl className={dl}>
        <dt className={dt}>Gjelder</dt>
        <dd><HeldObject hold={hold} /></dd>
        <dt className={dt}>Politiets referanse</dt>
        <dd>{hold.reference}</dd>
        <dt className={dt}>Begrunnelse</dt>
        <dd className="whitespace-pre-wrap">{hold.reason}</dd>
        <dt className={dt}>Lagt inn</dt>
        <dd>{formatDateTime(hold.placedAt)} av {hold.placedByName ?? 'ukjent'}</dd>
        <dt className={dt}>Status</dt>
        <dd><HoldStatusText hold={hold} now={now} /></dd>
      </dl>
      {active && kind === 'release' ? <ReleaseConsequence deleteAfter={hold.objectDeleteAfter} now={now} /> : null}
      {active && kind === 'handover' ? (
        <div className="space-y-3">
          <p>Marker {what.it} som utlevert først når den er overlevert til politiet.</p>
          <p className="rounded-lg border-2 border-notice-border bg-notice p-3 font-semibold">
            Når du markerer den som utlevert, slettes {what.all} for godt ved neste automatiske sletting, uansett slettefrist.
            Det kan ikke angres.
          </p>
          <p>
            Har du ikke lastet ned {what.it} ennå?{' '}
            <a href={`/staff/bevaring/${hold.id}/eksport`} download className="font-semibold text-brand-dark underline">
              Eksporter den først
            </a>
            .
          </p>
        </div>
      ) : null}
      <HoldChangeForm kind={kind} holdId={hold.id} active={active} />
    </div>
  );
}
