import { describe, expect, it } from 'vitest';
import { priceText, seatsText, sessionTime } from './format';

describe('course wording', () => {
  it('writes the price, the time in Oslo and the seats as a reader expects', () => {
    expect(priceText(0)).toBe('Gratis');
    expect(priceText(1450)).toBe('1\u00a0450 kr');
    // 17:00 UTC is 18:00 in Oslo in winter, 19:00 in summer.
    expect(sessionTime({ startsAt: new Date('2027-01-07T17:00:00Z'), endsAt: new Date('2027-01-07T19:00:00Z') })).toBe('Torsdag 7. januar 2027, kl. 18:00–20:00');
    expect(sessionTime({ startsAt: new Date('2027-06-10T17:00:00Z'), endsAt: new Date('2027-06-10T19:30:00Z') })).toBe('Torsdag 10. juni 2027, kl. 19:00–21:30');
    expect(seatsText({ seatsLeft: 0, open: true })).toBe('Fullt. Du kan melde deg på ventelisten.');
    expect(seatsText({ seatsLeft: 1, open: true })).toBe('1 ledig plass.');
    expect(seatsText({ seatsLeft: 12, open: true })).toBe('12 ledige plasser.');
    expect(seatsText({ seatsLeft: 3, open: false })).toBe('Påmeldingen er stengt.');
  });
});
