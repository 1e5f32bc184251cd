import { describe, expect, it } from 'vitest';
import { CHAT_WAIT_BANDS, quantileBand, UNANSWERED_BAND, waitBand } from '@/lib/stats/chat-waits';

const at = (s: number) => new Date(Date.UTC(2027, 0, 1, 12) + s * 1000);

describe('chat wait bands', () => {
  it('puts a wait in the band whose upper bound it is under, the bound itself in the next', () => {
    expect(waitBand(at(0), at(0))).toBe(0);
    expect(waitBand(at(0), at(29.9))).toBe(0);
    expect(waitBand(at(0), at(30))).toBe(1);
    expect(waitBand(at(0), at(90))).toBe(2);
    expect(waitBand(at(0), at(3 * 3600))).toBe(CHAT_WAIT_BANDS.length - 1);
    expect(waitBand(at(10), at(0))).toBe(0); // a clock step backwards is no wait
  });

  it('finds the median and 90th percentile band among answered chats, leaving unanswered ones out', () => {
    const counts = new Array(UNANSWERED_BAND + 1).fill(0);
    counts[0] = 5;
    counts[3] = 4;
    counts[6] = 1;
    counts[UNANSWERED_BAND] = 100;
    expect(quantileBand(counts, 0.5)).toBe(0); // 5 of 10 are in the first band
    expect(quantileBand(counts, 0.6)).toBe(3);
    expect(quantileBand(counts, 0.9)).toBe(3);
    expect(quantileBand(counts, 0.91)).toBe(6);
    expect(quantileBand(new Array(UNANSWERED_BAND + 1).fill(0).map((_, i) => (i === UNANSWERED_BAND ? 3 : 0)), 0.5)).toBeUndefined();
  });
});
