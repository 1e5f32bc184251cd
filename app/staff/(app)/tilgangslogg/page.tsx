import { z } from 'zod';
import { getDb } from '@/db/client';
import { ACCESS_LOG_PAGE_SIZE, listAccessLog, listLoggedStaff } from '@/db/queries/access-log';
import { requireStaff } from '@/lib/auth/staff-session';
import { env } from '@/lib/env';
import { LogFilters } from './_components/log-filters';
import { LogTable } from './_components/log-table';
import { Paging } from './_components/paging';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Tilgangslogg' };

const MAX_PAGE = 10_000;
const blankToUndefined = (v: string | undefined) => v || undefined;
// Anything else in the address is ignored, never an error: that filter falls back to "Alle".
const querySchema = z.object({
  ansatt: z.uuid().optional().catch(undefined),
  type: z.string().regex(/^[a-z_]{1,40}$/).optional().catch(undefined),
  objekt: z.string().trim().max(100).optional().transform(blankToUndefined).catch(undefined),
  side: z.coerce.number().int().min(1).max(MAX_PAGE).catch(1),
});

/**
 * Who did what, and when, for administrators. Reading the log is not itself logged: a row per
 * page view would make the log grow every time someone looks at it (paging through a day could
 * add hundreds), and the log holds no content, only ids, names of staff and action codes.
 */
export default async function AccessLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireStaff(['admin']);
  const { ansatt, type, objekt, side } = querySchema.parse(await searchParams);
  const filter = { staffId: ansatt, objectType: type, objectId: objekt };
  const db = await getDb();
  const [{ entries, hasNext }, people] = await Promise.all([listAccessLog(db, { ...filter, page: side }), listLoggedStaff(db)]);

  const query = new URLSearchParams();
  if (ansatt) query.set('ansatt', ansatt);
  if (type) query.set('type', type);
  if (objekt) query.set('objekt', objekt);
  const filtered = query.size > 0;
  const first = (side - 1) * ACCESS_LOG_PAGE_SIZE + 1;

  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">Tilgangslogg</h1>
      <p>
        Hver innlogging, hver henvendelse som åpnes og hver endring står her, nyeste først. «Ukjent» betyr at ingen ansatt var logget inn:
        en mislykket innlogging med en e-postadresse vi ikke kjenner, eller en endring gjort fra kommandolinjen. Rader eldre enn{' '}
        {env().ACCESS_LOG_RETENTION_DAYS.toLocaleString('nb-NO')} dager slettes.
      </p>
      <LogFilters filter={filter} people={people} />
      {entries.length ? (
        <p>
          Viser {first}–{first + entries.length - 1}
          {filtered ? ' av radene som passer med filteret.' : '.'}
        </p>
      ) : null}
      <LogTable
        entries={entries}
        caption={`Tilgangslogg, nyeste først, side ${side}`}
        empty={side > 1 ? 'Det er ingen flere rader.' : filtered ? 'Ingen rader passer med filteret.' : 'Loggen er tom.'}
      />
      <Paging page={side} hasNext={hasNext} query={query} />
    </div>
  );
}
