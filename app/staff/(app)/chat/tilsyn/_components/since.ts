/** "4 min" or "under 1 min" since `then`; "–" when there is none. Minutes, never seconds: a glance, not a stopwatch. */
export function minutesSince(then: Date | null, now: Date): string {
  if (!then) return '–';
  const minutes = Math.floor((now.getTime() - then.getTime()) / 60_000);
  return minutes < 1 ? 'under 1 min' : `${minutes} min`;
}
