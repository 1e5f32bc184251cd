import { TZDate } from '@date-fns/tz';
import { OSLO, osloIsoDate } from '@/lib/dates';

/**
 * The chat's opening hours (the CHAT_HOURS setting, later edited by an admin): "alltid", or
 * comma-separated parts such as "man-fre 14:00-22:00, søn 18:00-21:00". Times are Oslo wall-clock
 * times, so 14:00 stays 14:00 through the clock changes. Days are 0 = Monday … 6 = Sunday; a
 * range may wrap past Sunday ("lør-man"); times are minutes after midnight, closing up to 24:00.
 */
type ChatHoursPart = { fromDay: number; toDay: number; opens: number; closes: number };
export type ChatHours = { kind: 'always' } | { kind: 'weekly'; parts: ChatHoursPart[] };
export type ParsedChatHours = { ok: true; hours: ChatHours } | { ok: false; error: string };

const DAY_NAMES = ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag'];
const DAY_CODES = new Map(Object.entries({ man: 0, tir: 1, ons: 2, tor: 3, fre: 4, lør: 5, lor: 5, søn: 6, son: 6 }));
const EXAMPLE = '«man-fre 14:00-22:00, søn 18:00-21:00»';

/** A mistake in the setting; its message is shown to the admin as it stands. */
class HoursError extends Error {}

function parseDayCode(code: string): number {
  const day = DAY_CODES.get(code);
  if (day === undefined) throw new HoursError(`«${code}» er ikke en dag. Bruk man, tir, ons, tor, fre, lør eller søn.`);
  return day;
}

function parseTime(time: string): number {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(time);
  const minutes = m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  if (!m || Number(m[2]) > 59 || minutes > 24 * 60) {
    throw new HoursError(`«${time}» er ikke et klokkeslett. Skriv TT:MM, fra 00:00 til 24:00.`);
  }
  return minutes;
}

function parsePart(original: string): ChatHoursPart {
  if (!original) throw new HoursError(`Det står et komma for mye. Skill delene med ett komma, som i ${EXAMPLE}.`);
  const text = original.toLowerCase().replace(/\s*[-–—]\s*/g, '-').replace(/\s+/g, ' ');
  if (text === 'alltid') throw new HoursError('«alltid» kan ikke kombineres med andre tider.');
  const m = /^([a-zæøå]+)(?:-([a-zæøå]+))? (\S+)-(\S+)$/.exec(text);
  if (!m) throw new HoursError(`Forstår ikke «${original}». Skriv dager og tid, for eksempel ${EXAMPLE}.`);
  const [, first = '', last = first, start = '', end = ''] = m;
  const part = { fromDay: parseDayCode(first), toDay: parseDayCode(last), opens: parseTime(start), closes: parseTime(end) };
  if (part.closes <= part.opens) {
    throw new HoursError(
      `I «${original}» må sluttiden være etter starttiden. Åpent over midnatt skrives som to deler, for eksempel «fre 20:00-24:00, lør 00:00-02:00».`,
    );
  }
  return part;
}

/** The setting as a typed value, or a sentence for the admin form saying what is wrong. */
export function parseChatHours(text: string): ParsedChatHours {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, error: `Skriv åpningstidene, for eksempel ${EXAMPLE}, eller «alltid».` };
  if (trimmed.toLowerCase() === 'alltid') return { ok: true, hours: { kind: 'always' } };
  try {
    return { ok: true, hours: { kind: 'weekly', parts: trimmed.split(',').map((s) => parsePart(s.trim())) } };
  } catch (e) {
    if (e instanceof HoursError) return { ok: false, error: e.message };
    throw e;
  }
}

const covers = (p: ChatHoursPart, day: number) => (day - p.fromDay + 7) % 7 <= (p.toDay - p.fromDay + 7) % 7;

function osloWall(ms: number): { day: number; minutes: number } {
  const t = new TZDate(ms, OSLO);
  return { day: (t.getDay() + 6) % 7, minutes: t.getHours() * 60 + t.getMinutes() };
}

export function isOpen(hours: ChatHours, now: Date): boolean {
  if (hours.kind === 'always') return true;
  const { day, minutes } = osloWall(now.getTime());
  return hours.parts.some((p) => covers(p, day) && p.opens <= minutes && minutes < p.closes);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The instant an Oslo wall-clock time occurs on a calendar day (UTC midnight of its date). */
function osloInstant(day: Date, minutes: number): number {
  const [y, m, d] = [day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()];
  let at = new TZDate(y, m, d, Math.floor(minutes / 60), minutes % 60, 0, OSLO).getTime();
  // In October the hour from 02:00 repeats: the chat opens at the first of the two.
  if (osloWall(at - HOUR).minutes === minutes) return at - HOUR;
  // In March the hour from 02:00 is skipped: the chat opens when the clock jumps past the time.
  if (osloWall(at).minutes !== minutes) {
    for (let i = 0; i < 60 && osloWall(at - MINUTE).minutes >= minutes; i++) at -= MINUTE;
  }
  return at;
}

/**
 * When the chat next opens after being closed: if closed now, the moment it opens; if open now,
 * the start of the following opening. Null when it never closes.
 */
export function nextOpening(hours: ChatHours, now: Date): Date | null {
  if (hours.kind === 'always') return null;
  const [year, month, date] = osloIsoDate(now).split('-').map(Number) as [number, number, number];
  const opensAt = (ms: number) => isOpen(hours, new Date(ms)) && !isOpen(hours, new Date(ms - MINUTE));
  // A week and a day reaches the same opening next week when the chat is open now.
  for (let offset = 0; offset <= 7; offset++) {
    const calendarDay = new Date(Date.UTC(year, month - 1, date + offset));
    const weekday = (calendarDay.getUTCDay() + 6) % 7;
    const starts = hours.parts
      .filter((p) => covers(p, weekday))
      .map((p) => osloInstant(calendarDay, p.opens))
      .filter((ms) => ms > now.getTime() && opensAt(ms));
    if (starts.length > 0) return new Date(Math.min(...starts));
  }
  return null;
}

const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}.${String(minutes % 60).padStart(2, '0')}`;

function describePart(p: ChatHoursPart): string {
  const days =
    (p.toDay - p.fromDay + 7) % 7 === 6
      ? 'alle dager'
      : p.fromDay === p.toDay
        ? DAY_NAMES[p.fromDay]
        : `${DAY_NAMES[p.fromDay]}–${DAY_NAMES[p.toDay]}`;
  const time = p.opens === 0 && p.closes === 24 * 60 ? 'hele døgnet' : `kl. ${clock(p.opens)}–${clock(p.closes)}`;
  return `${days} ${time}`;
}

/** The hours as a Norwegian phrase, e.g. "mandag–fredag kl. 14.00–22.00 og søndag kl. 18.00–21.00". */
export function describeHours(hours: ChatHours): string {
  if (hours.kind === 'always') return 'hele døgnet, alle dager';
  const parts = hours.parts.map(describePart);
  const last = parts.pop() ?? '';
  return parts.length > 0 ? `${parts.join(', ')} og ${last}` : last;
}
