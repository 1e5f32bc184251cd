/**
 * The phone numbers the site gives people who need help now: one list, used by the children's
 * help box, the chat, the footer, the error pages and the page shown while the database is away.
 * The articles and the children's topics write the numbers in their text; a content test checks
 * that the text agrees with this list (`lib/content/help-numbers.test.ts`).
 *
 * Every fact here was checked against the source named beside it; change a fact only together
 * with its source and its check date.
 */

export type HelpNumber = {
  /** As it is written and read aloud: "116 111". */
  number: string;
  /** As it is dialled, for `tel:` links. */
  tel: string;
  name: string;
  /** When to call, in words a ten-year-old understands. */
  when: string;
  /** Whether it is free to call; `undefined` where we have not been able to check it. */
  free: boolean | undefined;
  /** Open day and night. All five numbers are. */
  allDay: true;
  source: { title: string; url: string; checked: string };
};

/** Nkom lists the emergency numbers (112 police, 113 medical); both rest on the same page. */
const EMERGENCY_NUMBERS_SOURCE = { title: 'Nkom: Nødnummer, nødanrop og lokalisering', url: 'https://nkom.no/telefoni-og-telefonnummer/nodnummer-nodanrop-og-lokalisering', checked: '2026-12-01' };

export const POLICE: HelpNumber = {
  number: '112',
  tel: '112',
  name: 'Politiet',
  when: 'Ring hvis noen slår, truer eller skader deg eller andre, eller du er redd det skal skje.',
  free: undefined,
  allDay: true,
  source: EMERGENCY_NUMBERS_SOURCE,
};

export const AMBULANCE: HelpNumber = {
  number: '113',
  tel: '113',
  name: 'Medisinsk nødtelefon (ambulanse)',
  when: 'Ring hvis noen er veldig syk eller skadet, ikke våkner eller ikke puster vanlig.',
  free: undefined,
  allDay: true,
  source: EMERGENCY_NUMBERS_SOURCE,
};

export const LEGEVAKT: HelpNumber = {
  number: '116 117',
  tel: '116117',
  name: 'Legevakten',
  when: 'Ring når du trenger lege raskt og fastlegen er stengt, for eksempel om natta eller i helgen.',
  free: true,
  allDay: true,
  source: { title: 'Balsfjord kommune: Legevakt, nasjonalt nummer 116 117', url: 'https://www.balsfjord.kommune.no/legevakt-nasjonalt-nummer-116-117.5789711-49621.html', checked: '2026-12-01' },
};

export const ALARMTELEFONEN: HelpNumber = {
  number: '116 111',
  tel: '116111',
  name: 'Alarmtelefonen for barn og unge',
  when: 'For deg som blir slått, plaget eller ikke tatt vare på hjemme, eller har det vanskelig på en annen måte.',
  free: true,
  allDay: true,
  source: { title: 'Alarmtelefonen for barn og unge: Om Alarmtelefonen', url: 'https://www.116111.no/omalarmtelefonen', checked: '2026-12-01' },
};

export const MENTAL_HELSE: HelpNumber = {
  number: '116 123',
  tel: '116123',
  name: 'Mental Helses hjelpetelefon',
  when: 'For deg som trenger noen å snakke med, om hva som helst.',
  free: true,
  allDay: true,
  source: { title: 'Mental Helse: Tusen takk for alle julegavene (hjelpetelefonen er gratis og døgnåpen)', url: 'https://mentalhelse.no/aktuelt/nyheter/mental-helse/mental-helse-takker-for-gaver', checked: '2026-12-01' },
};

/** "Gratis. Åpent hele døgnet." — what a caller needs to know before dialling. */
export function availability(n: HelpNumber): string {
  return [n.free ? 'Gratis' : undefined, n.allDay ? 'Åpent hele døgnet' : undefined].filter(Boolean).join('. ') + '.';
}

/** The one sentence adult pages end with: violence and medical emergencies both have a number. */
export const EMERGENCY_SENTENCE = `Er noen i fare, ring ${POLICE.number} (politi) eller ${AMBULANCE.number} (ambulanse).`;

/** Illness that cannot wait for the fastlege, at night or at the weekend. */
export const LEGEVAKT_SENTENCE = `Trenger du lege raskt når fastlegen er stengt, ring legevakten på ${LEGEVAKT.number}.`;
