import { Fragment } from 'react';
import type { BlockChange, SectionChanges, WordPart } from '@/lib/privacy/diff';

/**
 * The changes between two privacy statements, part by part. Screen readers hear "lagt til"
 * and "fjernet" around each change; sighted readers see colour and strike-through too.
 */
const label: Record<BlockChange['kind'], string> = {
  changed: 'Endret',
  added: 'Nytt',
  removed: 'Tatt bort',
};

function Part({ part }: { part: WordPart }) {
  if (part.change === 'added') {
    return (
      <ins className="rounded-sm bg-[#d8f0d8] px-0.5 text-[#0f3d12] no-underline">
        <span className="sr-only">[lagt til: </span>
        {part.text}
        <span className="sr-only">]</span>
      </ins>
    );
  }
  if (part.change === 'removed') {
    return (
      <del className="rounded-sm bg-[#f8dcdc] px-0.5 text-[#5c0f0f]">
        <span className="sr-only">[fjernet: </span>
        {part.text}
        <span className="sr-only">]</span>
      </del>
    );
  }
  return <>{part.text}</>;
}

export function StatementDiff({ sections }: { sections: SectionChanges[] }) {
  if (sections.length === 0) return <p>Teksten er den samme som i versjonen som gjelder nå.</p>;
  return (
    <div className="space-y-6">
      {sections.map((s, n) => (
        <section key={s.section} aria-labelledby={`endring-${n}`} className="rounded-xl border border-brand/20 bg-white p-5">
          <h3 id={`endring-${n}`} className="text-lg font-semibold">
            {s.section}
          </h3>
          <ul className="mt-3 space-y-3">
            {s.changes.map((c, i) => (
              <li key={i}>
                <strong className="text-sm uppercase tracking-wide text-muted">{label[c.kind]}:</strong>{' '}
                {c.parts.map((p, j) => (
                  <Fragment key={j}>
                    <Part part={p} />
                  </Fragment>
                ))}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
