import { getDb } from '@/db/client';
import { INVITE_HOURS, listStaff } from '@/db/queries/staff-admin';
import { requireStaff } from '@/lib/auth/staff-session';
import { appClock } from '@/lib/clock';
import { AddStaffForm } from './_components/add-staff-form';
import { StaffTable } from './_components/staff-table';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Ansatte' };

const card = 'rounded-2xl bg-white p-5 md:p-6';
const h2 = 'text-xl font-semibold';

/** Staff accounts, for administrators only. Every change is written to the access log. */
export default async function StaffPage() {
  const who = await requireStaff(['admin']);
  const rows = await listStaff(await getDb(), { now: appClock().now() });

  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">Ansatte</h1>
      <p>
        Her legger du til ansatte, deaktiverer dem som slutter, og gir en ny lenke til den som har mistet andre faktor. Ansatte slettes
        aldri, slik at tilgangsloggen alltid viser hvem som gjorde hva.
      </p>

      <section aria-labelledby="ny-ansatt" className={`${card} max-w-2xl space-y-4`}>
        <h2 id="ny-ansatt" className={h2}>Legg til en ansatt</h2>
        <p className="text-muted">
          Du får en lenke å sende til den nye. Med den velger den nye passord og setter opp andre faktor. Lenken virker i {INVITE_HOURS} timer
          og vises bare én gang.
        </p>
        <AddStaffForm />
      </section>

      <section aria-labelledby="alle-ansatte" className="space-y-3">
        <h2 id="alle-ansatte" className={h2}>Alle ansatte</h2>
        <p>{rows.length === 1 ? '1 ansatt.' : `${rows.length} ansatte.`}</p>
        <StaffTable rows={rows} me={who.staffId} />
      </section>
    </div>
  );
}
