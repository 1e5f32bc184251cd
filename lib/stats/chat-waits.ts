/**
 * How long a chat waited for a host, as one of a few bands: only the band is ever stored
 * (db/schema/statistics.ts daily_chat_waits), never the wait itself. The last band is a chat
 * that ended before anyone answered it.
 */
export const CHAT_WAIT_BANDS = [
  { upToSeconds: 30, label: 'Under 30 sekunder' },
  { upToSeconds: 60, label: '30 sekunder til 1 minutt' },
  { upToSeconds: 120, label: '1–2 minutter' },
  { upToSeconds: 300, label: '2–5 minutter' },
  { upToSeconds: 600, label: '5–10 minutter' },
  { upToSeconds: 900, label: '10–15 minutter' },
  { upToSeconds: 1800, label: '15–30 minutter' },
  { upToSeconds: Infinity, label: 'Over 30 minutter' },
] as const;

export const UNANSWERED_BAND = CHAT_WAIT_BANDS.length;

/** The band of a wait from start to answer. */
export function waitBand(startedAt: Date, answeredAt: Date): number {
  const seconds = Math.max(0, (answeredAt.getTime() - startedAt.getTime()) / 1000);
  return CHAT_WAIT_BANDS.findIndex((b) => seconds < b.upToSeconds);
}

/**
 * The band a quantile (0.5 for the median, 0.9 for the 90th percentile) of the answered chats
 * falls in, from the count per band; undefined when no chat was answered.
 */
export function quantileBand(counts: readonly number[], q: number): number | undefined {
  const answered = counts.slice(0, CHAT_WAIT_BANDS.length);
  const total = answered.reduce((a, b) => a + b, 0);
  if (total === 0) return undefined;
  const rank = Math.ceil(q * total);
  let seen = 0;
  for (let i = 0; i < answered.length; i++) {
    seen += answered[i]!;
    if (seen >= rank) return i;
  }
  return answered.length - 1;
}
