import { osloIsoDate } from '@/lib/dates';

/**
 * The rule every privacy-statement version must follow: it is published at least 14 days
 * before it takes effect, counted in Oslo calendar days (published 1 December, in force
 * 15 December at the earliest), and a newer version never takes effect before an older one.
 * The database has the same 14-day check (privacy_versions_notice_period); this module gives
 * the caller a clear reason before the database has to refuse.
 */
export const MIN_NOTICE_DAYS = 14;
const DAY_MS = 86_400_000;

/** Whole calendar days from the Oslo date of `from` to the Oslo date of `to`. */
export function osloDaysBetween(from: Date, to: Date): number {
  const day = (d: Date) => Date.parse(`${osloIsoDate(d)}T00:00:00Z`);
  return Math.round((day(to) - day(from)) / DAY_MS);
}

export type ScheduleProblem = 'notice_too_short' | 'before_previous_version';

export function checkSchedule(input: {
  publishedAt: Date;
  takesEffectAt: Date;
  latestTakesEffectAt?: Date;
}): ScheduleProblem | undefined {
  if (osloDaysBetween(input.publishedAt, input.takesEffectAt) < MIN_NOTICE_DAYS) {
    return 'notice_too_short';
  }
  if (input.latestTakesEffectAt && input.takesEffectAt.getTime() <= input.latestTakesEffectAt.getTime()) {
    return 'before_previous_version';
  }
  return undefined;
}

export const scheduleProblemText: Record<ScheduleProblem, string> = {
  notice_too_short: `En ny versjon må publiseres minst ${MIN_NOTICE_DAYS} dager før den gjelder.`,
  before_previous_version: 'En ny versjon må gjelde fra en senere dato enn den forrige versjonen.',
};
