import type { ReactNode, Ref, TextareaHTMLAttributes } from 'react';
import { MAX_CHAT_MESSAGE } from '@/lib/chat/message-limit';
import type { ComposerState } from './use-composer';

/**
 * Each side's spacing for its composer: `roomy` for the visitor, whose composer is plain markup
 * on a page without React (app/chat/_components/visitor-chat.tsx), `compact` for the host.
 */
export const COMPOSER_LOOKS = {
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
  look: keyof typeof COMPOSER_LOOKS;
  /** Shown under the field, e.g. the error when it belongs there. */
  below?: ReactNode;
  /**
   * More for the field (the host's ready answers: ARIA attributes, a ref, key handling). A key
   * its onKeyDown handled (default prevented) does not send.
   */
  field?: Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'value' | 'onChange' | 'maxLength' | 'rows' | 'className'> & { ref?: Ref<HTMLTextAreaElement> };
  children?: ReactNode;
};

/**
 * The host's message field and its Send button: Enter sends, Shift+Enter starts a new line, and
 * the field holds at most MAX_CHAT_MESSAGE characters. `children` are the side's other buttons.
 * The visitor's composer looks and behaves the same, in plain markup and script.
 */
export function Composer({ id, label, composer, look, below, field, children }: ComposerProps) {
  const style = COMPOSER_LOOKS[look];
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
        {...field}
        id={id}
        value={composer.draft}
        onChange={(e) => composer.setDraft(e.target.value)}
        onKeyDown={(e) => {
          field?.onKeyDown?.(e);
          if (e.key === 'Enter' && !e.shiftKey && !e.defaultPrevented) {
            e.preventDefault();
            e.currentTarget.form?.requestSubmit();
          }
        }}
        maxLength={MAX_CHAT_MESSAGE}
        rows={style.rows}
        className={style.field}
      />
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
