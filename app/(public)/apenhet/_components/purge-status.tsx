import { formatDateTime } from '@/lib/dates';
import { PURGE_OVERDUE_HOURS, type PurgeHealth } from '@/lib/stats/transparency';

/** When the purge last started and finished, and a plain warning when it seems to have stopped. */
export function PurgeStatus({ purge, contactEmail }: { purge: PurgeHealth | undefined; contactEmail: string }) {
  const time = (d: Date) => <time dateTime={d.toISOString()}>{formatDateTime(d)}</time>;
  return (
    <>
      {purge ? (
        <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="font-semibold">Sist startet</dt>
          <dd>{time(purge.startedAt)}</dd>
          <dt className="font-semibold">Sist ferdig</dt>
          <dd>{purge.finishedAt ? time(purge.finishedAt) : 'Ikke ferdig ennå'}</dd>
        </dl>
      ) : (
        <p className="mt-4">Slettingen har ikke kjørt ennå.</p>
      )}
      {purge?.unfinished && purge.finishedAt ? <p className="mt-2">Den siste kjøringen har startet, men har ikke meldt at den er ferdig.</p> : null}
      {!purge || purge.overdue ? (
        <div className="mt-4 rounded-2xl border-4 border-notice-border bg-notice p-4">
          <p className="font-semibold">Slettingen har ikke blitt ferdig de siste {PURGE_OVERDUE_HOURS} timene.</p>
          <p className="mt-2">
            Da kan noe bli liggende lenger enn reglene under sier, selv om det ikke lenger vises noe sted. Vi vil gjerne vite om det, hvis du ser denne meldingen:{' '}
            <a href={`mailto:${contactEmail}`} className="text-brand-dark underline">
              {contactEmail}
            </a>
            .
          </p>
        </div>
      ) : null}
    </>
  );
}
