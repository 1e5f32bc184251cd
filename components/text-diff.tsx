import { diffWords } from 'diff';

/**
 * What changes between two versions of a text, word by word. Screen readers hear
 * "lagt til" and "fjernet" before each change; sighted readers see colour and strike-through.
 */
export function TextDiff({ before, after }: { before: string; after: string }) {
  const parts = diffWords(before, after);
  return (
    <div className="whitespace-pre-wrap rounded-xl border border-brand/20 bg-white p-5 leading-relaxed">
      {parts.map((part, i) => {
        if (part.added) {
          return (
            <ins key={i} className="bg-[#d8f0d8] text-[#0f3d12] no-underline decoration-2">
              <span className="sr-only">[lagt til: </span>
              {part.value}
              <span className="sr-only">]</span>
            </ins>
          );
        }
        if (part.removed) {
          return (
            <del key={i} className="bg-[#f8dcdc] text-[#5c0f0f]">
              <span className="sr-only">[fjernet: </span>
              {part.value}
              <span className="sr-only">]</span>
            </del>
          );
        }
        return <span key={i}>{part.value}</span>;
      })}
    </div>
  );
}
