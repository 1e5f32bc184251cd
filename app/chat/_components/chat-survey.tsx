import { CHAT_SURVEY } from '@/lib/chat/survey';

/**
 * The survey after a chat, as plain markup the chat's script shows once the chat has ended and
 * the page holds the ticket its start gave (components/chat/visitor-island.js, the block marked
 * "survey"). Every question may be left out; the thanks is said in the chat's status line.
 */
export function ChatSurvey() {
  return (
    <div data-chat-show="avsluttet" hidden>
      <form data-chat-survey="" hidden aria-labelledby="chat-svar-overskrift" className="mt-6 space-y-4 rounded-2xl bg-paper p-4 ring-1 ring-brand/15">
        <h3 id="chat-svar-overskrift" className="text-xl font-bold">
          Vil du si hva du syntes?
        </h3>
        <p>
          Svar på det du vil, eller hopp over alt sammen. Svarene er anonyme: vi teller bare hvor mange som svarte hva hver dag, og svarene blir aldri koblet til
          samtalen din.
        </p>
        {CHAT_SURVEY.map(({ question, text, answers }) => (
          <fieldset key={question} className="space-y-2">
            <legend className="font-semibold">{text}</legend>
            <div className="flex flex-wrap gap-x-6 gap-y-2">
              {answers.map(([value, label]) => (
                <label key={value} htmlFor={`chat-svar-${question}-${value}`} className="flex min-h-11 items-center gap-2">
                  <input type="radio" id={`chat-svar-${question}-${value}`} name={question} value={value} className="size-5" />
                  {label}
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        <button type="submit" data-chat-survey-send="" className="rounded-2xl bg-brand px-6 py-3 font-bold text-white hover:bg-brand-dark disabled:opacity-60">
          Send svarene
        </button>
      </form>
    </div>
  );
}
