/**
 * The rule every privacy-statement version must follow: it is published at least 14 days
 * before it takes effect, and a newer version never takes effect before an older one.
 * The database has the same 14-day check (privacy_versions_notice_period); this module gives
 * the caller a clear reason before the database has to refuse.
 */
export const MIN_NOTICE_DAYS = 14;
const DAY_MS = 86_400_000;

export function earliestTakesEffect(publishedAt: Date): Date {
  return new Date(publishedAt.getTime() + MIN_NOTICE_DAYS * DAY_MS);
}

export type ScheduleProblem = 'notice_too_short' | 'before_previous_version';

export function checkSchedule(input: {
  publishedAt: Date;
  takesEffectAt: Date;
  latestTakesEffectAt?: Date;
}): ScheduleProblem | undefined {
  if (input.takesEffectAt.getTime() < earliestTakesEffect(input.publishedAt).getTime()) {
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
