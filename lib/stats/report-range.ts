import { dayCount, defaultRange, MAX_RANGE_DAYS, parseDay, typedDay, type DayRange } from './report-dates';

/** The filter's two fields, as typed (kept as they are when the range is refused). */
type TypedRange = { fra: string; til: string };

export type RangeReading =
  | { ok: true; range: DayRange; typed: TypedRange }
  | { ok: false; field: 'fra' | 'til'; message: string; typed: TypedRange };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

/**
 * The range in the address (`fra`, `til`), or the default when neither is given. `today` is
 * today's Oslo date: a range cannot end after it, since no day after it has numbers yet.
 */
export function readRange(query: Record<string, string | string[] | undefined>, today: string): RangeReading {
  const typed = { fra: first(query.fra).slice(0, 40), til: first(query.til).slice(0, 40) };
  if (!typed.fra.trim() && !typed.til.trim()) {
    const range = defaultRange(today);
    return { ok: true, range, typed: { fra: typedDay(range.from), til: typedDay(range.to) } };
  }
  const refuse = (field: 'fra' | 'til', message: string): RangeReading => ({ ok: false, field, message, typed });
  if (!typed.fra.trim()) return refuse('fra', 'Skriv inn fra-datoen.');
  if (!typed.til.trim()) return refuse('til', 'Skriv inn til-datoen.');
  const from = parseDay(typed.fra);
  if (!from) return refuse('fra', 'Fra-datoen er ikke en dato vi kjenner igjen. Skriv den som 31.01.2026.');
  const to = parseDay(typed.til);
  if (!to) return refuse('til', 'Til-datoen er ikke en dato vi kjenner igjen. Skriv den som 31.01.2026.');
  if (to > today) return refuse('til', 'Til-datoen kan ikke være etter i dag. Det finnes ingen tall for dager som ikke har vært ennå.');
  if (from > to) return refuse('fra', 'Fra-datoen må være før til-datoen, eller samme dag.');
  if (dayCount({ from, to }) > MAX_RANGE_DAYS) return refuse('fra', 'Velg en periode på høyst to år.');
  return { ok: true, range: { from, to }, typed };
}
