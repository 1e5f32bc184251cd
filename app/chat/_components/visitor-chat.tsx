import { COMPOSER_LOOKS } from '@/components/chat/composer';
import { MAX_CHAT_MESSAGE } from '@/lib/chat/message-limit';
import { ALARMTELEFONEN, EMERGENCY_SENTENCE, MENTAL_HELSE, availability } from '@/lib/help-numbers';
import { VISITOR_CHAT_WORDS as WORDS } from '@/lib/chat/visitor-wording';
import { ChatSurvey } from './chat-survey';

/** The chat's phase when the page is drawn: `laster` while a running chat is looked up. */
export type FirstPhase = 'laster' | 'klar' | 'stengt';

const look = COMPOSER_LOOKS.roomy;

/**
 * The visitor's side of the chat as plain markup: every element it will ever show is here, in
 * the state of the first frame, with `data-chat-*` hooks for its script
 * (components/chat/visitor-island.js). An element with `data-chat-show` is shown in the phases
 * it lists. The panel is for browsers that run the script (`data-js-only`); without it the
 * page says the chat needs JavaScript. `idle`: the phase when no chat is running.
 */
export function VisitorChat({ phase, idle }: { phase: FirstPhase; idle: 'klar' | 'stengt' }) {
  const showIn = (phases: string) => ({ 'data-chat-show': phases, hidden: !phases.split(' ').includes(phase) });
  return (
    <section
      data-chat={phase}
      data-chat-idle={idle}
      data-js-only=""
      hidden={phase !== 'klar'}
      aria-labelledby="chat-overskrift"
      className="mt-8 rounded-3xl bg-white p-5 shadow-sm ring-1 ring-brand/15"
    >
      <h2 id="chat-overskrift" data-chat-heading="" className="text-2xl font-bold">
        {WORDS.chat}
      </h2>
      <p role="status" data-chat-status="" className="mt-2"></p>
      {/* Shown by the script while the visitor waits and no host is free: the other ways to get help, here, not only at the foot of the page. */}
      <div data-chat-nobody="" hidden className="mt-3 rounded-xl border-2 border-accent/40 p-3">
        <p className="font-semibold">Vil du heller snakke med noen nå?</p>
        <ul className="mt-2 space-y-1">
          {[ALARMTELEFONEN, MENTAL_HELSE].map((n) => (
            <li key={n.tel}>
              <a href={`tel:${n.tel}`} className="font-bold text-brand-dark underline">
                {n.number}
              </a>{' '}
              {n.name}. {availability(n)}
            </li>
          ))}
        </ul>
        <p className="mt-2">{EMERGENCY_SENTENCE}</p>
      </div>
      {/* The chat's code, for the visitor to quote when asking us to delete the chat at once; held in this page only. */}
      <p data-chat-code-box="" hidden className="mt-3 rounded-xl bg-paper p-3 ring-1 ring-brand/15">
        Koden for samtalen din er <strong data-chat-code="" className="font-mono tracking-wider"></strong>. Oppgi koden hvis du vil at vi
        sletter samtalen med en gang. Du trenger ikke si noe annet om deg selv.
      </p>
      <p id="chat-feil" role="alert" data-chat-error="" hidden className="mt-3 rounded-xl bg-notice p-3"></p>
      <button
        type="button"
        data-chat-start=""
        {...showIn('klar avsluttet slettet')}
        className="mt-4 rounded-2xl bg-brand px-6 py-3 text-lg font-bold text-white hover:bg-brand-dark"
      >
        {WORDS.start}
      </button>
      <ChatSurvey />
      <div {...showIn('venter aktiv')}>
        <p {...showIn('venter')} className="mt-3">
          Du kan begynne å skrive nå. Meldingen venter på chatverten og blir lest når noen tar samtalen.
        </p>
        <div role="log" aria-live="polite" aria-label="Meldinger" className="mt-4 max-h-[60vh] overflow-y-auto">
          <ol data-chat-messages="" className="space-y-3"></ol>
        </div>
        <Composer />
      </div>
      <template data-chat-template="besokende">
        <Message className="ml-8 rounded-2xl bg-brand-light p-3" />
      </template>
      <template data-chat-template="andre">
        <Message className="mr-8 rounded-2xl bg-sand p-3" />
      </template>
    </section>
  );
}

/** The message field: Enter sends, Shift+Enter starts a new line, at most MAX_CHAT_MESSAGE characters. */
function Composer() {
  return (
    <form data-chat-composer="" className={look.form}>
      <label htmlFor="chat-melding" className="block font-semibold">
        Din melding
      </label>
      <textarea id="chat-melding" data-chat-field="" maxLength={MAX_CHAT_MESSAGE} rows={look.rows} className={look.field}></textarea>
      <p className="mt-1 text-sm text-muted">
        Enter sender, Shift+Enter gir ny linje. <span data-chat-count="">0</span> av {MAX_CHAT_MESSAGE} tegn.
      </p>
      <div className={look.buttons}>
        <button type="submit" data-chat-send="" className={look.send}>
          Send
        </button>
        <button type="button" data-chat-end="" className="rounded-2xl border-2 border-accent px-6 py-3 font-bold text-accent hover:bg-paper">
          Avslutt samtalen
        </button>
      </div>
    </form>
  );
}

/** One message in the log, as the script fills it in: who wrote it, and the text. */
function Message({ className }: { className: string }) {
  return (
    <li className={className}>
      <span data-chat-from="" className="block text-sm font-semibold text-muted"></span>
      <span data-chat-text="" className="whitespace-pre-wrap"></span>
    </li>
  );
}
