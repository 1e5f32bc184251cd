import Link from 'next/link';
import { HeadedArticle } from '@/components/staff/headed-article';
import type { JournalEntryView } from '@/db/queries/journal';
import { sourceLabels } from './constants';
import { CorrectForm } from './correct-form';
import { RemoveForm } from './remove-form';
import { When } from './when';

const link = 'text-brand-dark underline';

/**
 * One note: the text as it reads now, where it came from, its corrections (who, when, why) and,
 * if its statement was removed, the record of that. The correction or removal form shows when
 * the address asks for it, so each page has one form and every field a unique id.
 */
export function JournalEntry({ entry, number, personId, mode }: { entry: JournalEntryView; number: number; personId: string; mode: 'rett' | 'fjern' | null }) {
  const corrections = entry.revisions.filter((r) => r.revision > 1);
  const latest = entry.revisions.at(-1);
  const meta = (
    <>
      Fra {sourceLabels[entry.source.type]}, skrevet <When at={entry.createdAt} /> av {entry.createdByName ?? 'ukjent'}
      {corrections.length ? `, rettet ${corrections.length === 1 ? 'én gang' : `${corrections.length} ganger`}` : ''}
    </>
  );
  return (
    <HeadedArticle id={`entry-${entry.id}`} level={2} title={`Notat ${number}`} titleClassName="text-xl font-semibold" className="space-y-3 rounded-2xl bg-white p-5 md:p-6" meta={meta}>
      {entry.removal ? (
        <div className="rounded-lg border-2 border-notice-border bg-notice p-4">
          <p className="font-semibold">Opplysningene i dette notatet er fjernet.</p>
          <p>
            Fjernet <When at={entry.removal.at} /> av {entry.removal.byName ?? 'ukjent'}.
          </p>
          <p className="whitespace-pre-wrap">Begrunnelse: {entry.removal.reason}</p>
        </div>
      ) : (
        <p className="whitespace-pre-wrap">{entry.text}</p>
      )}
      {entry.revisions.length > 1 ? <History entry={entry} /> : null}
      {mode === 'rett' && entry.text !== null && latest ? (
        <section id="rett" aria-label={`Rett notat ${number}`} className="border-t border-muted/30 pt-4">
          <CorrectForm entryId={entry.id} current={entry.text} revision={latest.revision} />
        </section>
      ) : null}
      {mode === 'fjern' ? (
        <section id="fjern" aria-label={`Fjern opplysningene i notat ${number}`} className="border-t border-muted/30 pt-4">
          <RemoveForm entryId={entry.id} removed={entry.removal !== null} />
        </section>
      ) : null}
      {mode ? (
        <p>
          <Link prefetch={false} href={`/staff/journal/${personId}`} className={link}>
            Lukk skjemaet
          </Link>
        </p>
      ) : null}
      {entry.removal || mode ? null : (
        <p className="flex flex-wrap gap-x-6 gap-y-2">
          <Link prefetch={false} href={`/staff/journal/${personId}?rett=${entry.id}#rett`} className={link}>
            Rett notat {number}
          </Link>
          <Link prefetch={false} href={`/staff/journal/${personId}?fjern=${entry.id}#fjern`} className={link}>
            Fjern opplysningene i notat {number}
          </Link>
        </p>
      )}
    </HeadedArticle>
  );
}

/** Every version, oldest first, with who wrote it, when, and why it was corrected. */
function History({ entry }: { entry: JournalEntryView }) {
  return (
    <details className="rounded-lg border border-muted/30 p-3">
      <summary className="cursor-pointer font-semibold">Historikk ({entry.revisions.length} versjoner)</summary>
      <ol className="mt-3 space-y-3">
        {entry.revisions.map((r) => (
          <li key={r.revision} className="space-y-1">
            <p className="text-sm text-muted">
              Versjon {r.revision}, <When at={r.writtenAt} />, {r.writtenByName ?? 'ukjent'}
              {r.revision === 1 ? ' (først skrevet)' : ''}
            </p>
            {r.reason ? <p className="whitespace-pre-wrap">Begrunnelse for rettelsen: {r.reason}</p> : null}
            {r.text !== null ? <p className="whitespace-pre-wrap border-l-4 border-muted/30 pl-3">{r.text}</p> : <p className="italic">Teksten er fjernet.</p>}
          </li>
        ))}
      </ol>
    </details>
  );
}
