import { useEffect, useRef, useState, type KeyboardEvent, type TextareaHTMLAttributes } from 'react';
import type { ComposerState } from '@/components/chat/use-composer';
import { MAX_CHAT_MESSAGE } from '@/lib/chat/message-limit';
import { filterQuickReplies, insertQuickReply, quickReplyCategoryLabels, quickReplyQueryAt, type QuickReply } from '@/lib/chat/quick-replies';

/**
 * Ready answers in a chat's message field: `/` and a few letters, or the "Hurtigsvar" button,
 * opens a list of matching answers under the field. Focus stays in the field throughout:
 * ArrowDown and ArrowUp move the highlight (aria-activedescendant), Enter puts the answer in
 * the field in place of the `/query`, Escape closes the list and keeps what was typed.
 *
 * The field keeps its textbox role with aria-autocomplete, aria-haspopup and aria-controls
 * rather than role=combobox: a textarea may carry no other role (ARIA in HTML), and axe
 * reports one, so the multi-line field is the ARIA 1.1 combobox's own textbox.
 */
export function useQuickReplies(replies: readonly QuickReply[], composer: ComposerState, idBase: string) {
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const caretAfter = useRef<number | null>(null);
  const [caret, setCaret] = useState(0);
  const [browsing, setBrowsing] = useState(false);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const [active, setActive] = useState(0);

  const { draft } = composer;
  const query = quickReplyQueryAt(draft, caret);
  const bySlash = query !== null && dismissed !== draft;
  const open = replies.length > 0 && (bySlash || browsing);
  const matches = open ? filterQuickReplies(replies, bySlash ? query.query : '') : [];
  const current = Math.min(active, matches.length - 1);
  const listId = `${idBase}-hurtigsvar`;
  const optionId = (i: number) => `${listId}-${i}`;

  // After an insertion: back in the field with the caret after the answer.
  useEffect(() => {
    const el = fieldRef.current;
    if (caretAfter.current === null || !el) return;
    el.focus();
    el.setSelectionRange(caretAfter.current, caretAfter.current);
    caretAfter.current = null;
  }, [draft]);

  useEffect(() => {
    if (open && current >= 0) document.getElementById(optionId(current))?.scrollIntoView({ block: 'nearest' });
  });

  function insert(reply: QuickReply) {
    const el = fieldRef.current;
    let at = bySlash ? query : { start: el?.selectionStart ?? draft.length, end: el?.selectionEnd ?? draft.length };
    let text = reply.text;
    if (!bySlash && at.start > 0 && !/\s$/.test(draft.slice(0, at.start))) text = ` ${text}`;
    if (!el) at = { start: draft.length, end: draft.length };
    const next = insertQuickReply(draft, at, text);
    caretAfter.current = Math.min(next.caret, MAX_CHAT_MESSAGE);
    setBrowsing(false);
    setActive(0);
    setCaret(caretAfter.current);
    composer.setDraft(next.draft.slice(0, MAX_CHAT_MESSAGE));
  }

  function close() {
    setBrowsing(false);
    setDismissed(draft);
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (!open) return;
    const n = matches.length;
    if (e.key === 'ArrowDown' && n > 0) setActive((current + 1) % n);
    else if (e.key === 'ArrowUp' && n > 0) setActive((current - 1 + n) % n);
    else if (e.key === 'Enter' && !e.shiftKey) {
      // With nothing matching, Enter does not send the `/query` by mistake: Escape first.
      if (n > 0) insert(matches[current]!);
    } else if (e.key === 'Escape') close();
    else return;
    e.preventDefault();
  }

  const field: TextareaHTMLAttributes<HTMLTextAreaElement> & { ref: typeof fieldRef } = {
    ref: fieldRef,
    'aria-autocomplete': 'list',
    'aria-haspopup': 'listbox',
    'aria-controls': open && matches.length > 0 ? listId : undefined,
    'aria-activedescendant': open && current >= 0 ? optionId(current) : undefined,
    onKeyDown,
    onSelect: (e) => setCaret(e.currentTarget.selectionStart),
    onInput: (e) => {
      setCaret(e.currentTarget.selectionStart);
      setBrowsing(false);
      setActive(0);
    },
    onBlur: () => {
      if (open) close();
    },
  };

  const status = !open ? '' : matches.length > 0 ? `${matches.length} hurtigsvar. Pil opp og ned velger, Enter setter inn, Escape lukker.` : 'Ingen hurtigsvar passer. Escape lukker listen.';

  const list = (
    <>
      <p role="status" className="sr-only">
        {status}
      </p>
      {open ? (
        matches.length > 0 ? (
          <ul role="listbox" id={listId} aria-label="Hurtigsvar" className="mt-1 rounded-lg border-2 border-brand bg-white">
            {matches.map((r, i) => (
              <li
                key={r.id}
                id={optionId(i)}
                role="option"
                aria-selected={i === current}
                // The field keeps focus, so the caret and what is typed stay where they are.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => insert(r)}
                className={`cursor-pointer px-3 py-2 ${i === current ? 'bg-brand-light outline-2 -outline-offset-2 outline-brand' : ''}`}
              >
                <span className="font-semibold">{r.title}</span> <span className="text-sm text-muted">({quickReplyCategoryLabels[r.category]})</span>
                <span className="line-clamp-2 block text-sm">{r.text}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-1 rounded-lg border-2 border-brand bg-white px-3 py-2">Ingen hurtigsvar passer «{query?.query}».</p>
        )
      ) : null}
    </>
  );

  const button =
    replies.length > 0 ? (
      <button
        type="button"
        aria-haspopup="listbox"
        aria-expanded={open}
        aria-controls={open && matches.length > 0 ? listId : undefined}
        onClick={() => {
          setBrowsing(true);
          setActive(0);
          fieldRef.current?.focus();
        }}
        className="rounded-lg border-2 border-brand px-4 py-2 font-semibold text-brand-dark"
      >
        Hurtigsvar
      </button>
    ) : null;

  return { field, list, button };
}
