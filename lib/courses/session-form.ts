import { z } from 'zod';
import { osloDateAndTime, osloDateTime } from '@/lib/dates';
import { hasRefusedCharacters, refusedCharactersMessage } from '@/lib/refused-characters';

// The session editor's page loads this module in the browser too (labels, limits). Zod tries
// `new Function` once to pick a faster parser; the Content-Security-Policy refuses that and the
// browser reports a violation. The plain parser is all these forms need.
z.config({ jitless: true });

/**
 * The session editor: a date with a start and an end time, in Oslo time; a place or a meeting
 * link; the seats; and the two deadlines, which default to noon the day before (sign-up) and
 * noon two days before (cancellation), as the example courses have them. Shared by the form
 * and its action; the rules that need the database or the time (seats already taken, a start
 * still ahead) are the action's.
 */
export const PLACE_MAX = 200;
export const LINK_MAX = 500;
export const CAPACITY_MAX = 1000;

export const sessionLabels = {
  date: 'Dato',
  start: 'Starter klokka',
  end: 'Slutter klokka',
  mode: 'Hvor',
  place: 'Sted',
  link: 'Møtelenke',
  capacity: 'Antall plasser',
  signupDate: 'Påmeldingsfrist, dato',
  signupTime: 'Påmeldingsfrist, klokka',
  cancelDate: 'Avbestillingsfrist, dato',
  cancelTime: 'Avbestillingsfrist, klokka',
};
export type SessionField = keyof typeof sessionLabels;

/** The day `days` before an Oslo date (yyyy-mm-dd), as yyyy-mm-dd. */
function daysBefore(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - days)).toISOString().slice(0, 10);
}

const link = (v: string) => {
  try {
    const url = new URL(v);
    return url.protocol === 'https:' && url.hostname.includes('.') && !url.username && !url.password;
  } catch {
    return false;
  }
};

const optionalId = z.union([z.uuid(), z.literal('')]).optional();

/** The hidden inputs: the session's id when one is changed, its course's when one is added. */
export const sessionHidden = ['id', 'course'];

/**
 * Every field is read as text and checked in one pass, so a form with several mistakes names
 * them all at once (a field that failed on its own would stop zod before the rules between fields).
 */
export const sessionSchema = z
  .object({
    id: optionalId,
    course: optionalId,
    ...(Object.fromEntries(Object.keys(sessionLabels).map((k) => [k, z.string().trim()])) as Record<SessionField, z.ZodString>),
  })
  .transform((v, ctx) => {
    const fail = (path: SessionField, message: string) => {
      ctx.addIssue({ code: 'custom', path: [path], message });
      return z.NEVER;
    };
    if (v.mode !== 'sted' && v.mode !== 'digitalt') fail('mode', 'Velg om kurset holdes på et sted eller digitalt.');
    if (v.place.length > PLACE_MAX) fail('place', `Stedet kan ha høyst ${PLACE_MAX} tegn.`);
    else if (hasRefusedCharacters(v.place)) fail('place', refusedCharactersMessage('Stedet'));
    if (v.link.length > LINK_MAX) fail('link', `Lenken kan ha høyst ${LINK_MAX} tegn.`);
    const capacity = /^\d{1,4}$/.test(v.capacity) ? Number(v.capacity) : NaN;
    if (Number.isNaN(capacity)) fail('capacity', 'Skriv antall plasser som et helt tall, minst 1.');
    else if (capacity < 1) fail('capacity', 'Kurset må ha minst 1 plass.');
    else if (capacity > CAPACITY_MAX) fail('capacity', `Kurset kan ha høyst ${CAPACITY_MAX.toLocaleString('nb-NO')} plasser.`);
    const startsAt = osloDateTime(v.date, v.start);
    const endsAt = osloDateTime(v.date, v.end);
    if (!osloDateTime(v.date, '12:00')) fail('date', 'Skriv datoen kurset holdes, for eksempel 2027-03-08.');
    else if (!startsAt) fail('start', 'Skriv når kurset starter, for eksempel 18:00.');
    if (!endsAt) fail('end', 'Skriv når kurset slutter, for eksempel 20:00.');
    else if (startsAt && endsAt <= startsAt) fail('end', 'Kurset må slutte etter at det starter.');
    if (v.mode === 'sted' && !v.place) fail('place', 'Skriv hvor kurset holdes.');
    if (v.mode === 'digitalt' && !link(v.link)) fail('link', 'Skriv møtelenken slik: https://… Lenken må begynne med https.');

    const deadline = (date: string, time: string, fallbackDays: number, fields: [SessionField, SessionField], name: string) => {
      if (!date && !time) return startsAt && osloDateTime(daysBefore(v.date, fallbackDays), '12:00');
      const at = osloDateTime(date, time || '12:00');
      if (!at) return fail(date ? fields[1] : fields[0], `Skriv ${name} som dato og klokkeslett, eller la begge feltene stå tomme.`);
      if (startsAt && at > startsAt) return fail(fields[0], `${name.charAt(0).toUpperCase()}${name.slice(1)} kan ikke være etter at kurset starter.`);
      return at;
    };
    const signupDeadline = deadline(v.signupDate, v.signupTime, 1, ['signupDate', 'signupTime'], 'påmeldingsfristen');
    const cancelDeadline = deadline(v.cancelDate, v.cancelTime, 2, ['cancelDate', 'cancelTime'], 'avbestillingsfristen');
    if (!startsAt || !endsAt || !signupDeadline || !cancelDeadline || ctx.issues.length > 0) return z.NEVER;
    const session = {
      startsAt,
      endsAt,
      place: v.mode === 'sted' ? v.place : null,
      onlineLink: v.mode === 'digitalt' ? v.link : null,
      capacity,
      signupDeadline,
      cancelDeadline,
    };
    return { id: v.id || undefined, course: v.course || undefined, session };
  });

/** The form's values for a session as stored: what its editor opens with. */
export function sessionValues(s: { startsAt: Date; endsAt: Date; place: string | null; onlineLink: string | null; capacity: number; signupDeadline: Date; cancelDeadline: Date }): Partial<Record<SessionField, string>> {
  const start = osloDateAndTime(s.startsAt);
  const signup = osloDateAndTime(s.signupDeadline);
  const cancel = osloDateAndTime(s.cancelDeadline);
  return {
    date: start.date,
    start: start.time,
    end: osloDateAndTime(s.endsAt).time,
    mode: s.place === null ? 'digitalt' : 'sted',
    place: s.place ?? '',
    link: s.onlineLink ?? '',
    capacity: String(s.capacity),
    signupDate: signup.date,
    signupTime: signup.time,
    cancelDate: cancel.date,
    cancelTime: cancel.time,
  };
}
