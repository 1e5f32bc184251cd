import { MAX_CHAT_MESSAGE } from '@/lib/chat/message-limit';
import { QUICK_REPLY_TITLE_MAX, quickReplyCategories, quickReplyCategoryLabels, type QuickReply } from '@/lib/chat/quick-replies';
import type { QuickReplyField } from '../actions';

export const fieldLabels: Record<QuickReplyField, string> = { category: 'Kategori', title: 'Tittel', text: 'Tekst' };

const hints: Record<QuickReplyField, string> = {
  category: '',
  title: `Kort, så verten finner svaret ved å skrive / og noen bokstaver. Høyst ${QUICK_REPLY_TITLE_MAX} tegn.`,
  text: `Slik den kommer inn i svarfeltet. Verten kan endre den før den sendes. Høyst ${MAX_CHAT_MESSAGE} tegn.`,
};

/**
 * A ready answer's three fields. `prefix` keeps ids apart when several forms share the page (the
 * add form uses none, so its error summary's links reach its fields). What was typed comes back
 * in `values` after an error; `errors` stand beside their field.
 */
export function QuickReplyFields({ prefix = '', reply, values, errors }: { prefix?: string; reply?: QuickReply; values: Partial<Record<QuickReplyField, string>>; errors: Partial<Record<QuickReplyField, string>> }) {
  const id = (f: QuickReplyField) => `${prefix}${f}`;
  const describedBy = (f: QuickReplyField) => [hints[f] ? `${id(f)}-hint` : '', errors[f] ? `${id(f)}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = (f: QuickReplyField) => ({ id: id(f), name: f, 'aria-describedby': describedBy(f), 'aria-invalid': errors[f] ? true : undefined });
  const label = (f: QuickReplyField) => (
    <>
      <label htmlFor={id(f)} className="block font-semibold">
        {fieldLabels[f]}
      </label>
      {hints[f] ? (
        <p id={`${id(f)}-hint`} className="text-sm text-muted">
          {hints[f]}
        </p>
      ) : null}
      {errors[f] ? (
        <p id={`${id(f)}-error`} className="field-error">
          {errors[f]}
        </p>
      ) : null}
    </>
  );
  return (
    <>
      <div>
        {label('category')}
        <select {...common('category')} defaultValue={values.category ?? reply?.category ?? ''} className="input mt-1">
          <option value="" disabled>
            Velg kategori
          </option>
          {quickReplyCategories.map((c) => (
            <option key={c} value={c}>
              {quickReplyCategoryLabels[c]}
            </option>
          ))}
        </select>
      </div>
      <div>
        {label('title')}
        <input {...common('title')} autoComplete="off" maxLength={QUICK_REPLY_TITLE_MAX} defaultValue={values.title ?? reply?.title} className="input mt-1" />
      </div>
      <div>
        {label('text')}
        <textarea {...common('text')} rows={4} maxLength={MAX_CHAT_MESSAGE} defaultValue={values.text ?? reply?.text} className="input mt-1 w-full" />
      </div>
    </>
  );
}
