import type { InquiryNote } from '@/db/queries/inquiry-review';
import { TimeText } from './time-text';

/** The notes, oldest first, each with who wrote it and when. */
export function NotesList({ notes }: { notes: InquiryNote[] }) {
  if (!notes.length) return <p className="text-muted">Ingen notater ennå.</p>;
  return (
    <ol className="space-y-4">
      {notes.map((n) => (
        <li key={n.id} className="rounded-lg border border-muted/30 bg-white p-4">
          <p className="text-sm text-muted">
            {n.authorName ?? 'Ukjent forfatter'}, <TimeText at={n.createdAt} withTime />
          </p>
          <p className="mt-1 whitespace-pre-wrap">{n.body}</p>
        </li>
      ))}
    </ol>
  );
}
