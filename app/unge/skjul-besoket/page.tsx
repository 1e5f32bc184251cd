import type { Metadata } from 'next';
import { Link } from '@/components/site-link';
import type { ReactNode } from 'react';
import { CHAT_COOKIE } from '@/lib/chat/token';
import { env } from '@/lib/env';

export const metadata: Metadata = {
  title: 'Skjul besøket ditt',
  description: 'Hva Rask utgang gjør, og hvordan du kan skjule at du har vært på sidene våre.',
};

const LINK = 'text-brand-dark underline';

/**
 * What the quick exit does and does not do, and how to leave fewer traces: written for ages
 * 10–18. Every claim here is what the code does: one history entry for the children's pages
 * and the chat with JavaScript (components/unge/island.js), the quick exit's
 * location.replace and sessionStorage clearing (components/quick-exit.tsx, run by the island), and the chat's
 * session cookie (lib/chat/visitor.ts), deleted when the chat ends.
 */
export default function HideYourVisitPage() {
  const exitHost = new URL(env().QUICK_EXIT_URL).hostname;
  return (
    <article>
      <h1 className="text-3xl font-bold sm:text-4xl">Skjul besøket ditt</h1>
      <p className="mt-4 text-xl">
        Vil du ikke at andre skal se at du har vært her? Her er noen tips. De er nyttige hvis du deler telefon, nettbrett eller PC med
        noen.
      </p>

      <Part id="rask-utgang" title="Rask utgang">
        <p>
          Knappen <strong>Rask utgang</strong> øverst til høyre tar deg til {exitHost} med en gang. Du kan også trykke på Esc-tasten.
        </p>
        <h3 className="mt-4 text-xl font-bold">Dette gjør Rask utgang</h3>
        <ul className="mt-2 list-disc space-y-2 pl-6">
          <li>
            Sidene for unge og chatten bruker bare én plass i nettleserens tilbake-liste, uansett hvor mange sider du leser. Rask utgang
            bytter ut den plassen. Da kommer du ikke tilbake til oss med tilbake-knappen.
          </li>
          <li>Den sletter det nettleseren husket fra oss i denne fanen, for eksempel alderen du valgte.</li>
          <li>Trykker du på Rask utgang i chatten, blir samtalen avsluttet.</li>
        </ul>
        <h3 className="mt-4 text-xl font-bold">Dette gjør ikke Rask utgang</h3>
        <ul className="mt-2 list-disc space-y-2 pl-6">
          <li>Den sletter ikke historikken i nettleseren. Sidene du har lest, kan fortsatt stå der.</li>
          <li>Den lukker ikke andre faner eller vinduer der du har sidene våre oppe.</li>
        </ul>
      </Part>

      <Part id="uten-javascript" title="Hvis JavaScript er slått av">
        <p>
          JavaScript er noe nettleseren bruker for å få sidene til å gjøre mer. Er det slått av, er Rask utgang bare en vanlig lenke. Da får
          hver side du åpner, sin egen plass i tilbake-listen. Tilbake-knappen kan da vise sidene våre. Slett historikken når du er ferdig,
          eller bruk privat nettlesing.
        </p>
      </Part>

      <Part id="privat" title="Bruk privat nettlesing">
        <p>
          De fleste nettlesere har privat nettlesing. Det heter ofte «privat fane» eller «inkognito». Når du lukker det private vinduet,
          glemmer nettleseren hvilke sider du har vært på.
        </p>
        <p className="mt-3">
          Du finner det i menyen i nettleseren. Menyen ser ofte ut som tre prikker eller tre streker. Husk å lukke alle private vinduer når
          du er ferdig.
        </p>
        <p className="mt-3">
          Privat nettlesing skjuler ikke besøket for den som passer på nettverket du bruker, for eksempel på skolen.
        </p>
      </Part>

      <Part id="historikk" title="Slett historikken">
        <p>Historikken er en liste over sidene du har besøkt. Slik sletter du den:</p>
        <ul className="mt-2 list-disc space-y-2 pl-6">
          <li>
            <strong>På telefon og nettbrett:</strong> Åpne menyen eller innstillingene i nettleseren. Se etter «Historikk» eller
            «Personvern», og velg å slette. Bruker du Safari på iPhone eller iPad, finner du det i Innstillinger-appen, under Safari.
          </li>
          <li>
            <strong>På PC og Mac:</strong> I Chrome, Edge og Firefox kan du trykke Ctrl + Shift + Delete (Cmd + Shift + Delete på Mac).
            I Safari på Mac finner du det under «Historikk» i menyen øverst.
          </li>
        </ul>
        <p className="mt-3">
          Ofte kan du velge å slette bare den siste timen. Det kan være lurt. Hvis hele historikken plutselig er borte, kan noen legge merke
          til det.
        </p>
      </Part>

      <Part id="deler-enhet" title="Hvis du deler enhet med andre">
        <ul className="list-disc space-y-2 pl-6">
          <li>Lukk fanene med sidene våre når du er ferdig.</li>
          <li>Bruk privat nettlesing hvis du kan.</li>
          <li>Nettleseren kan foreslå sider du har vært på når noen skriver i adressefeltet. Det slutter den med når du sletter historikken.</li>
          <li>Tenk på hvem som kan se skjermen din.</li>
        </ul>
      </Part>

      <Part id="chatten" title="Chatten">
        <p>
          Når du starter en chat, lagrer nettleseren en liten informasjonskapsel (cookie) fra oss. Den heter <code>{CHAT_COOKIE}</code>. Den
          inneholder bare en tilfeldig kode. Slik vet vi at meldingene kommer fra deg, uten at vi vet hvem du er.
        </p>
        <p className="mt-3">
          Avslutter du samtalen, eller trykker du på Rask utgang i chatten, sletter vi informasjonskapselen med en gang. Ellers blir den borte senest
          når du lukker nettleseren. Noen nettlesere er satt opp til å åpne fanene fra sist gang. De kan huske den lenger. Samtalen blir
          ikke lagret på enheten din.
        </p>
      </Part>

      <p className="mt-10">
        <Link href="/unge" className={LINK}>
          Til temaene
        </Link>{' '}
        ·{' '}
        <Link href="/chat" className={LINK}>
          Til chatten
        </Link>
      </p>
    </article>
  );
}

function Part({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-8">
      <h2 id={id} className="text-2xl font-bold">
        {title}
      </h2>
      <div className="mt-3">{children}</div>
    </section>
  );
}
