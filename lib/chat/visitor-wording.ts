/**
 * What the visitor's chat says as it changes. The page (app/chat/_components/visitor-chat.tsx)
 * renders its first state with these words; the chat's own script (components/chat/visitor-island.js)
 * gets them as its settings for every later state. `{vert}`, `{plass}` and `{minutter}` are filled in there.
 */
export const VISITOR_CHAT_WORDS = {
  chat: 'Samtale',
  waiting: 'Du venter på svar',
  talkingWith: 'Du snakker med {vert}',
  queued: 'Du er nummer {plass} i køen.',
  answerSoon: 'Vi svarer så snart vi kan.',
  usualWaitOne: 'Vanligvis svarer vi innen ett minutt.',
  usualWait: 'Vanligvis svarer vi innen {minutter} minutter.',
  nobodyFree: 'Ingen chatverter er ledige akkurat nå, så det kan ta lang tid før noen svarer. Du kan vente her, eller ringe et av numrene under.',
  joined: '{vert} er med i samtalen nå.',
  ended: 'Samtalen er avsluttet. Det som ble skrevet, vises ikke lenger her.',
  deleted: 'Samtalen er avsluttet og slettet. Ingenting av det som ble skrevet, finnes lenger hos oss.',
  start: 'Start chat',
  startAgain: 'Start en ny samtale',
  you: 'Du',
  host: 'Chatverten',
  system: 'Hjelpelinje',
  notStarted: 'Vi fikk ikke startet samtalen. Prøv igjen om litt.',
  notSent: 'Meldingen ble ikke sendt. Prøv igjen.',
  empty: 'Skriv en melding først.',
  connectionLost: 'Forbindelsen ble brutt. Vi prøver igjen.',
  // The survey after a chat (app/chat/_components/chat-survey.tsx).
  surveyThanks: 'Takk for at du svarte! Svarene er lagt til tellingen for i dag, uten noe som viser at de kom fra deg.',
  surveyNothing: 'Du har ikke valgt noe svar, så vi har ikke sendt noe. Det er helt greit å la være.',
  surveyNotSent: 'Svarene ble ikke sendt. Du kan prøve igjen.',
} as const;
