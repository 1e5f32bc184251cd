import { env, type Env } from '@/lib/env';
import { ORDER_RETENTION_YEARS_AFTER_FINANCIAL_YEAR } from '@/lib/retention/course-orders';
import { INQUIRY_RETENTION_MONTHS } from '@/lib/retention/months';

/**
 * The retention rules as the transparency page (/apenhet) states them, written from the same
 * settings and constants the purge and the deadlines use (lib/env.ts, months.ts), so the page
 * cannot promise one number while the purge keeps another. Plain bokmål for anyone.
 */
export type RetentionSettings = Pick<
  Env,
  'CHAT_RETENTION_DAYS' | 'CHAT_IDLE_HOURS' | 'HOLD_RETENTION_DAYS' | 'ACCESS_LOG_RETENTION_DAYS' | 'SESSION_IDLE_MINUTES' | 'SESSION_ABSOLUTE_HOURS' | 'COURSE_BOOKING_RETENTION_DAYS'
>;

/** `what`: the data; `when`: when it goes, one or more sentences. */
export type RetentionRuleText = { id: string; what: string; when: string };

const units = {
  day: ['dag', 'dager'],
  hour: ['time', 'timer'],
  minute: ['minutt', 'minutter'],
  month: ['måned', 'måneder'],
} as const;

/** "1 dag", "17 dager". */
function count(n: number, unit: keyof typeof units): string {
  return `${n} ${units[unit][n === 1 ? 0 : 1]}`;
}

/** A long period in days, with whole years beside it when it is one: "730 dager (omtrent 2 år)". */
function days(n: number): string {
  return n >= 365 && n % 365 === 0 ? `${count(n, 'day')} (omtrent ${n / 365} år)` : count(n, 'day');
}

/** The years a sale is kept after its financial year, in words (bokføringsloven says five). */
const ORDINALS: Record<number, string> = { 3: 'tredje', 4: 'fjerde', 5: 'femte', 6: 'sjette', 10: 'tiende' };

const HOLD_EXCEPTION = 'Står et bevaringspålegg, venter slettingen til pålegget er opphevet; er det vi tok vare på utlevert, slettes det med en gang.';

export function retentionRuleTexts(settings: RetentionSettings = env()): RetentionRuleText[] {
  const { CHAT_RETENTION_DAYS, CHAT_IDLE_HOURS, HOLD_RETENTION_DAYS, ACCESS_LOG_RETENTION_DAYS, SESSION_IDLE_MINUTES, SESSION_ABSOLUTE_HOURS, COURSE_BOOKING_RETENTION_DAYS } = settings;
  const holdsGo = HOLD_RETENTION_DAYS === 0 ? 'Slettes med en gang' : `Slettes ${count(HOLD_RETENTION_DAYS, 'day')}`;
  return [
    {
      id: 'inquiries',
      what: 'Henvendelser fra kontaktskjemaet, med notatene vi skrev om dem',
      when: `Slettes ${count(INQUIRY_RETENTION_MONTHS, 'month')} etter at kontakten ble avsluttet. ${HOLD_EXCEPTION} En journal er ikke en del av henvendelsen og slettes ikke sammen med den; har du reservert deg mot journal, skrives det ingen.`,
    },
    {
      id: 'flagged-chats',
      what: 'Chatsamtaler der en chattevert har merket at noe kan vise hvem du er',
      when: `Slettes ved slutten av neste virkedag etter at samtalen ble merket. Lørdager, søndager og offentlige fridager regnes ikke som virkedager. ${HOLD_EXCEPTION}`,
    },
    {
      id: 'chats',
      what: 'Andre chatsamtaler',
      when: `Slettes ${count(CHAT_RETENTION_DAYS, 'day')} etter at samtalen ble avsluttet. ${HOLD_EXCEPTION}`,
    },
    {
      id: 'idle-chats',
      what: 'Chatsamtaler som ingen skriver i lenger',
      when: `Avsluttes når ingen har skrevet noe på ${count(CHAT_IDLE_HOURS, 'hour')}, og slettes deretter etter reglene over.`,
    },
    {
      id: 'chat-blocks',
      what: 'Sperringer av en chat som ble misbrukt',
      when: 'Slettes når sperringen går ut.',
    },
    {
      id: 'holds',
      what: 'Bevaringspålegg (for eksempel når politiet ber oss ta vare på en samtale), med saksnummer og begrunnelse',
      when: `${holdsGo} etter at pålegget ble opphevet eller det vi tok vare på ble utlevert.`,
    },
    {
      id: 'staff-sessions',
      what: 'Innlogginger for ansatte',
      when: `Slettes når innloggingen er over: etter ${count(SESSION_IDLE_MINUTES, 'minute')} uten bruk, og senest ${count(SESSION_ABSOLUTE_HOURS, 'hour')} etter at den ansatte logget inn.`,
    },
    {
      id: 'course-bookings',
      what: 'Påmeldinger til kurs: navn, e-post, telefon, svarene du ga og om du møtte',
      when: `Slettes ${count(COURSE_BOOKING_RETENTION_DAYS, 'day')} etter at kurset er over. Holdes en plass av mens du betaler, og du ikke fullfører betalingen, slettes den når tiden er ute.`,
    },
    {
      id: 'course-orders',
      what: 'Kjøp av kursplass: navn, e-post, kurs, beløp, dato og betalingsreferanse',
      when: `Bokføringsloven krever at vi tar vare på dette som regnskapsbilag. Det slettes ved utgangen av det ${ORDINALS[ORDER_RETENTION_YEARS_AFTER_FINANCIAL_YEAR]} året etter året du kjøpte plassen. Kjøpet lagres adskilt fra henvendelser og chatter og kobles aldri til dem.`,
    },
    {
      id: 'staff-links',
      what: 'Engangslenker for å opprette en konto for ansatte',
      when: 'Slettes når lenken er brukt eller har gått ut.',
    },
    {
      id: 'access-log',
      what: 'Tilgangsloggen: hvilke ansatte som har åpnet eller endret hva (ikke hva som sto der)',
      when: `Hver oppføring slettes ${days(ACCESS_LOG_RETENTION_DAYS)} etter at den ble skrevet.`,
    },
    {
      id: 'statistics',
      what: 'Statistikk',
      when:
        'Vi skriver bare ned summer per dag, for eksempel hvor mange sider som ble lest og hvor mange henvendelser som kom inn. Ingen sum har noe som kan peke på en person, og ingen tid er mer nøyaktig enn dagen. ' +
        'Summene slettes ikke: de er tall uten kobling til noen. Det samme gjelder kvitteringene slettingen skriver (hvilken regel, hvor mange og når), som tallene på denne siden kommer fra. ' +
        'For å telle hvor mye av chatens åpningstid som hadde en chattevert, husker vi i tillegg bare det siste minuttet som er talt, ikke hvem som var der.',
    },
  ];
}
