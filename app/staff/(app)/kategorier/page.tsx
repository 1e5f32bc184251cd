import { getDb } from '@/db/client';
import { listCategories } from '@/db/queries/contact-stats';
import type { ContactCategory } from '@/db/schema';
import { requireStaff } from '@/lib/auth/staff-session';
import { AddCategoryForm } from './_components/add-category-form';
import { CategoryActions } from './_components/category-actions';
import { kindLabels } from './_components/labels';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Tema og utfall' };

const card = 'rounded-2xl bg-white p-5 md:p-6';
const h2 = 'text-xl font-semibold';

function CategoryList({ kind, rows }: { kind: ContactCategory['kind']; rows: ContactCategory[] }) {
  const id = kind === 'reason' ? 'tema-liste' : 'utfall-liste';
  return (
    <section aria-labelledby={id} className={`${card} space-y-3`}>
      <h2 id={id} className={h2}>{kind === 'reason' ? 'Tema (hva kontakten handlet om)' : 'Utfall (hva det ble til)'}</h2>
      <ol className="divide-y divide-brand/10">
        {rows.map((c, i) => (
          <li key={c.id} className="grid gap-2 py-3 md:grid-cols-[1fr_2fr]">
            <p className="font-semibold">
              {c.label}
              {c.retiredAt ? <span className="font-normal text-muted"> (ikke i bruk)</span> : null}
            </p>
            <CategoryActions id={c.id} label={c.label} retired={c.retiredAt !== null} first={i === 0} last={i === rows.length - 1} />
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The reasons and outcomes advisers and chat hosts choose from, for administrators. */
export default async function CategoriesPage() {
  await requireStaff(['admin']);
  const all = await listCategories(await getDb(), { withRetired: true });
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">Tema og utfall</h1>
      <p className="max-w-3xl">
        Fagkonsulenter og chatteverter merker hver henvendelse og samtale med tema og utfall fra disse listene. Når kontakten er avsluttet, blir
        merkene til tall per dag i statistikken, uten noe som peker tilbake på kontakten. En kategori slettes aldri, fordi tallene som alt er
        talt, hører til den: ta den heller ut av bruk.
      </p>
      <div className="grid gap-6 lg:grid-cols-2">
        {(['reason', 'outcome'] as const).map((kind) => (
          <CategoryList key={kind} kind={kind} rows={all.filter((c) => c.kind === kind)} />
        ))}
      </div>
      <section aria-labelledby="ny-kategori" className={`${card} max-w-2xl space-y-4`}>
        <h2 id="ny-kategori" className={h2}>Legg til {kindLabels.reason.toLowerCase()} eller {kindLabels.outcome.toLowerCase()}</h2>
        <AddCategoryForm />
      </section>
    </div>
  );
}
