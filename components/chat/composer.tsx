import type { ReactNode } from 'react';
import { MAX_CHAT_MESSAGE } from '@/lib/chat/message-limit';
import type { ComposerState } from './use-composer';

/**
 * The message field and its Send button, for the visitor and for the host alike: Enter sends,
 * Shift+Enter starts a new line, and the field holds at most MAX_CHAT_MESSAGE characters.
 * `look` keeps each side's own spacing; `children` are the side's other buttons.
 */
const LOOKS = {
  roomy: {
    form: 'mt-4',
    field: 'mt-1 block w-full rounded-xl border-2 border-muted p-3',
    rows: 3,
    buttons: 'mt-3 flex flex-wrap gap-3',
    send: 'rounded-2xl bg-brand px-6 py-3 font-bold text-white hover:bg-brand-dark disabled:opacity-60',
  },
  compact: {
    form: 'mt-3',
    field: 'mt-1 block w-full rounded-lg border-2 border-muted p-2',
    rows: 2,
    buttons: 'mt-2 flex flex-wrap gap-2',
    send: 'rounded-lg bg-brand px-4 py-2 font-semibold text-white',
  },
} as const;

type ComposerProps = {
  id: string;
  label: string;
  composer: ComposerState;
  look: keyof typeof LOOKS;
  /** Show the key hint and the character count under the field. */
  counted?: boolean;
  /** The element that shows this composer's error, when it is outside the form. */
  describedBy?: string;
  /** Shown under the field, e.g. the error when it belongs there. */
  below?: ReactNode;
  children?: ReactNode;
};

export function Composer({ id, label, composer, look, counted = false, describedBy, below, children }: ComposerProps) {
  const style = LOOKS[look];
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void composer.submit();
      }}
      className={style.form}
    >
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      <textarea
        id={id}
        value={composer.draft}
        onChange={(e) => composer.setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault();
            e.currentTarget.form?.requestSubmit();
          }
        }}
        maxLength={MAX_CHAT_MESSAGE}
        rows={style.rows}
        aria-describedby={describedBy}
        className={style.field}
      />
      {counted ? (
        <p className="mt-1 text-sm text-muted">
          Enter sender, Shift+Enter gir ny linje. {composer.draft.length} av {MAX_CHAT_MESSAGE} tegn.
        </p>
      ) : null}
      {below}
      <div className={style.buttons}>
        <button type="submit" disabled={composer.sending} className={style.send}>
          Send
        </button>
        {children}
      </div>
    </form>
  );
}
