import { useEffect, useRef, useState } from 'react';
import { Composer } from '@/components/chat/composer';
import { HeadedArticle } from '@/components/staff/headed-article';
import { useComposer, type ComposerState } from '@/components/chat/use-composer';
import { CategoryFieldsets } from '@/components/staff/category-fieldsets';
import { Handover, StaffNotes } from './handover';
import type { QuickReply } from '@/lib/chat/quick-replies';
import { act, dateTime, time, type CategoryList } from './host-api';
import { useQuickReplies } from './quick-replies';
import type { HostChatSummary, HostMessage } from './use-host-events';

const FINDING_NAMES: Record<string, string> = { fodselsnummer: 'et fødselsnummer', telefon: 'et telefonnummer', epost: 'en e-postadresse' };

/** One of the host's open chats: what was written, the reply field and the chat's actions. */
export function HostChat({
  number,
  chat,
  messages,
  categories,
  onNotice,
  quickReplies,
}: {
  number: number;
  chat: HostChatSummary;
  messages: HostMessage[];
  categories: CategoryList;
  onNotice: (notice: string) => void;
  quickReplies: readonly QuickReply[];
}) {
  const composer = useComposer((draft) => act({ handling: 'send', id: chat.id, tekst: draft }));
  const quick = useQuickReplies(quickReplies, composer, `svar-${chat.id}`);
  const findings = [...new Set(messages.flatMap((m) => m.funn))];

  const meta = (
    <>
      Kode <span className="font-mono">{chat.kode}</span> (den besøkende ser den samme koden; den brukes ved bevaringspålegg og sletting på forespørsel). {chat.tatt ? `Tatt ${time(chat.tatt)}.` : null}{' '}
      {chat.merket && chat.slettes ? `Merket: inneholder personopplysninger. Slettes ${dateTime(chat.slettes)}.` : null}
    </>
  );

  return (
    <HeadedArticle id={`samtale-${chat.id}`} level={3} title={`Samtale ${number}`} titleClassName="text-xl font-bold" className="rounded-2xl bg-white p-4 ring-1 ring-brand/20" meta={meta}>
      {findings.length > 0 && !chat.merket ? (
        <div role="alert" className="mt-3 rounded-xl bg-notice p-3">
          Besøkende har skrevet noe som ser ut som {findings.map((f) => FINDING_NAMES[f] ?? f).join(' og ')}. Merk samtalen, så slettes
          den innen utgangen av neste arbeidsdag.
        </div>
      ) : null}
      {/* Said politely when it starts: a supervisor (an admin) is reading this chat now. */}
      <p role="status" className={chat.tilsyn ? 'mt-2 rounded-lg bg-notice p-2' : 'sr-only'}>
        {chat.tilsyn ? `Leses av leder nå: ${chat.tilsyn}. Den besøkende ser ikke dette.` : ''}
      </p>
      <StaffNotes notes={chat.notater} />
      <HostMessageLog number={number} messages={messages} />
      <Composer
        id={`svar-${chat.id}`}
        label={`Svar i samtale ${number}`}
        composer={composer}
        look="compact"
        field={quick.field}
        below={
          <>
            {quick.list}
            {composer.error ? (
              <p role="alert" className="mt-1 text-accent">
                {composer.error}
              </p>
            ) : null}
          </>
        }
      >
        {quick.button}
        <ChatActions number={number} chat={chat} composer={composer} />
      </Composer>
      <ChatCategories number={number} chat={chat} categories={categories} />
      <Handover number={number} chatId={chat.id} onDone={onNotice} />
    </HeadedArticle>
  );
}

function HostMessageLog({ number, messages }: { number: number; messages: HostMessage[] }) {
  const logRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    logRef.current?.scrollTo({ top: logRef.current.scrollHeight });
  }, [messages.length]);

  return (
    <div ref={logRef} role="log" aria-live="polite" aria-label={`Meldinger i samtale ${number}`} className="mt-3 max-h-80 overflow-y-auto">
      <ol className="space-y-2">
        {messages.map((m) => (
          <li key={m.seq} className={m.fra === 'vert' ? 'ml-6 rounded-xl bg-brand-light p-2' : 'mr-6 rounded-xl bg-sand p-2'}>
            <span className="block text-xs font-semibold text-muted">
              {m.fra === 'vert' ? (m.egen ? 'Du' : 'Tidligere chatvert') : m.fra === 'besokende' ? 'Besøkende' : 'System'} · {time(m.tid)}
            </span>
            <span className="whitespace-pre-wrap">{m.tekst}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** Why the visitor got in touch and what came of it: counted, as numbers only, when the chat ends. */
function ChatCategories({ number, chat, categories }: { number: number; chat: HostChatSummary; categories: CategoryList }) {
  const [status, setStatus] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const set = new Set(chat.tema);
  const options = {
    reasons: categories.reasons.map((c) => ({ ...c, checked: set.has(c.id), retired: false })),
    outcomes: categories.outcomes.map((c) => ({ ...c, checked: set.has(c.id), retired: false })),
  };
  const chosen = options.reasons.filter((c) => c.checked).length + options.outcomes.filter((c) => c.checked).length;

  async function save(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const ids = (name: string) => form.getAll(name).map(Number);
    setSaving(true);
    const r = await act({ handling: 'tema', id: chat.id, arsak: ids('arsak'), utfall: ids('utfall') });
    setSaving(false);
    setStatus(r.ok ? 'Tema og utfall er lagret.' : r.error);
  }

  return (
    <details className="mt-3 rounded-xl bg-sand/60 p-3">
      <summary className="cursor-pointer font-semibold text-brand-dark">
        Tema og utfall ({chosen === 0 ? 'ingen valgt' : `${chosen} valgt`})<span className="sr-only"> for samtale {number}</span>
      </summary>
      <form onSubmit={(e) => void save(e)} className="mt-2 space-y-3">
        <CategoryFieldsets options={options} idPrefix={`tema-${chat.id}`} />
        <p className="text-sm text-muted">Telles i statistikken når samtalen avsluttes. Bare tallene blir igjen.</p>
        <button type="submit" disabled={saving} className="rounded-lg bg-brand px-4 py-2 font-semibold text-white">
          {saving ? 'Lagrer …' : 'Lagre tema og utfall'}
        </button>
        <p role="status">{status}</p>
      </form>
    </details>
  );
}

/** Flag, write a journal note, end (after a confirmation), or end and block. */
function ChatActions({ number, chat, composer }: { number: number; chat: HostChatSummary; composer: ComposerState }) {
  const [confirmEnd, setConfirmEnd] = useState(false);
  const flag = () => void act({ handling: 'merk', id: chat.id }).then((r) => composer.setError(r.ok ? null : r.error));
  const end = (blokker: boolean) => void act({ handling: 'avslutt', id: chat.id, ...(blokker ? { blokker: true } : {}) });

  return (
    <>
      {!chat.merket ? (
        <button type="button" onClick={flag} className="rounded-lg border-2 border-brand px-4 py-2 font-semibold text-brand-dark">
          Inneholder personopplysninger
        </button>
      ) : null}
      {/* For a risk to life or health: a journal note about an identified person, from this chat. */}
      <a href={`/staff/journal/ny?kilde=chat&id=${chat.id}`} target="_blank" rel="noopener" className="rounded-lg border-2 border-brand px-4 py-2 font-semibold text-brand-dark no-underline">
        Skriv journal<span className="sr-only"> fra samtale {number} (åpnes i ny fane)</span>
      </a>
      {confirmEnd ? (
        <>
          {chat.tema.length === 0 ? <p className="w-full text-sm">Du har ikke valgt tema og utfall. Velg dem under før du avslutter, så kommer samtalen med i statistikken.</p> : null}
          <button type="button" onClick={() => end(false)} className="rounded-lg bg-accent px-4 py-2 font-semibold text-white">
            Ja, avslutt
          </button>
          <button type="button" onClick={() => end(true)} className="rounded-lg border-2 border-accent px-4 py-2 font-semibold text-accent">
            Avslutt og blokker
          </button>
          <button type="button" onClick={() => setConfirmEnd(false)} className="rounded-lg px-4 py-2 font-semibold text-brand-dark underline">
            Avbryt
          </button>
        </>
      ) : (
        <button type="button" onClick={() => setConfirmEnd(true)} className="rounded-lg border-2 border-accent px-4 py-2 font-semibold text-accent">
          Avslutt samtalen
        </button>
      )}
    </>
  );
}
