import Link from 'next/link';
import { getDb } from '@/db/client';
import { listQuickReplies } from '@/db/queries/chat-quick-replies';
import { requireStaff } from '@/lib/auth/staff-session';
import { quickReplyCategories, quickReplyCategoryLabels } from '@/lib/chat/quick-replies';
import { AddQuickReplyForm } from './_components/add-quick-reply-form';
import { QuickReplyActions } from './_components/quick-reply-actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Hurtigsvar' };

const card = 'rounded-2xl bg-white p-5 md:p-6';

/** The ready answers chat hosts insert in the console, for administrators. */
export default async function QuickRepliesPage() {
  await requireStaff(['admin']);
  const replies = await listQuickReplies(await getDb());
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">Hurtigsvar</h1>
      <p className="max-w-3xl">
        Chatteverter setter inn et hurtigsvar i svarfeltet ved å skrive / og noen bokstaver, eller fra knappen «Hurtigsvar» ved feltet. Teksten kan
        endres før den sendes. Skriv ingenting her om enkeltpersoner: alle verter ser svarene.
      </p>
      <p>
        <Link href="/staff/chat" className="text-brand-dark underline">
          Tilbake til chatten
        </Link>
      </p>
      {replies.length === 0 ? <p className={card}>Det finnes ingen hurtigsvar ennå.</p> : null}
      {quickReplyCategories.map((category) => {
        const rows = replies.filter((r) => r.category === category);
        if (rows.length === 0) return null;
        return (
          <section key={category} aria-labelledby={`kategori-${category}`} className={`${card} space-y-3`}>
            <h2 id={`kategori-${category}`} className="text-xl font-semibold">
              {quickReplyCategoryLabels[category]}
            </h2>
            <ul className="divide-y divide-brand/10">
              {rows.map((r) => (
                <li key={r.id} className="grid gap-2 py-3 md:grid-cols-[2fr_1fr]">
                  <div>
                    <p className="font-semibold">{r.title}</p>
                    <p className="whitespace-pre-wrap">{r.text}</p>
                  </div>
                  <QuickReplyActions reply={r} />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      <section aria-labelledby="nytt-hurtigsvar" className={`${card} max-w-2xl space-y-4`}>
        <h2 id="nytt-hurtigsvar" className="text-xl font-semibold">
          Legg til et hurtigsvar
        </h2>
        <AddQuickReplyForm />
      </section>
    </div>
  );
}
