import { describe, expect, it } from 'vitest';
import { type ChatHours, describeHours, isOpen, nextOpening, parseChatHours } from '@/lib/chat/hours';

function hours(text: string): ChatHours {
  const parsed = parseChatHours(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.hours;
}

function errorFor(text: string): string {
  const parsed = parseChatHours(text);
  if (parsed.ok) throw new Error(`accepted: ${text}`);
  return parsed.error;
}

const weekdays = hours('man-fre 14:00-22:00, søn 18:00-21:00');
const at = (iso: string) => new Date(iso);

describe('parseChatHours', () => {
  it('reads days and times as minutes, Monday = 0', () => {
    expect(weekdays).toEqual({
      kind: 'weekly',
      parts: [
        { fromDay: 0, toDay: 4, opens: 840, closes: 1320 },
        { fromDay: 6, toDay: 6, opens: 1080, closes: 1260 },
      ],
    });
    expect(hours(' Alltid ')).toEqual({ kind: 'always' });
  });

  it('forgives capitals, spaces, dots, dashes and letters without ø', () => {
    expect(hours('Lor - Son 9.00 – 13.30')).toEqual(hours('lør-søn 09:00-13:30'));
    expect(hours('fre 20:00-24:00')).toEqual({ kind: 'weekly', parts: [{ fromDay: 4, toDay: 4, opens: 1200, closes: 1440 }] });
  });

  it('explains in Norwegian what is wrong', () => {
    expect(errorFor('')).toContain('Skriv åpningstidene');
    expect(errorFor('man-fre')).toBe('Forstår ikke «man-fre». Skriv dager og tid, for eksempel «man-fre 14:00-22:00, søn 18:00-21:00».');
    expect(errorFor('mon-fri 14:00-22:00')).toBe('«mon» er ikke en dag. Bruk man, tir, ons, tor, fre, lør eller søn.');
    expect(errorFor('constructor 14:00-22:00')).toContain('«constructor» er ikke en dag');
    expect(errorFor('man 14-22')).toBe('«14» er ikke et klokkeslett. Skriv TT:MM, fra 00:00 til 24:00.');
    expect(errorFor('man 14:60-22:00')).toBe('«14:60» er ikke et klokkeslett. Skriv TT:MM, fra 00:00 til 24:00.');
    expect(errorFor('man 14:00-24:30')).toContain('«24:30» er ikke et klokkeslett');
    expect(errorFor('man 14:00-22:00,')).toContain('komma for mye');
    expect(errorFor('alltid, søn 18:00-21:00')).toBe('«alltid» kan ikke kombineres med andre tider.');
  });

  it('rejects a part whose end is not after its start', () => {
    expect(errorFor('man-fre 22:00-14:00')).toContain('I «man-fre 22:00-14:00» må sluttiden være etter starttiden.');
    expect(errorFor('søn 18:00-18:00')).toContain('må sluttiden være etter starttiden');
  });
});

describe('isOpen in Oslo time', () => {
  it('opens at 14:00 exactly and closes at 22:00 exactly, in winter time', () => {
    // Monday 11 January 2027; Oslo is UTC+1.
    expect(isOpen(weekdays, at('2027-01-11T12:59:59Z'))).toBe(false);
    expect(isOpen(weekdays, at('2027-01-11T13:00:00Z'))).toBe(true);
    expect(isOpen(weekdays, at('2027-01-11T20:59:59Z'))).toBe(true);
    expect(isOpen(weekdays, at('2027-01-11T21:00:00Z'))).toBe(false);
  });

  it('keeps the wall-clock hours in summer time and stays closed on Saturday', () => {
    expect(isOpen(weekdays, at('2027-06-07T12:00:00Z'))).toBe(true);
    expect(isOpen(weekdays, at('2027-06-07T20:00:00Z'))).toBe(false);
    expect(isOpen(weekdays, at('2027-06-05T15:00:00Z'))).toBe(false);
  });

  it('on the Sundays the clocks change', () => {
    // 28 March 2027: summer time from 02:00, so 18:00 in Oslo is 16:00 UTC.
    expect(isOpen(weekdays, at('2027-03-28T15:59:00Z'))).toBe(false);
    expect(isOpen(weekdays, at('2027-03-28T16:00:00Z'))).toBe(true);
    expect(isOpen(weekdays, at('2027-03-28T19:00:00Z'))).toBe(false);
    // 31 October 2027: winter time from 03:00, so 18:00 in Oslo is 17:00 UTC.
    expect(isOpen(weekdays, at('2027-10-31T16:59:00Z'))).toBe(false);
    expect(isOpen(weekdays, at('2027-10-31T17:00:00Z'))).toBe(true);
    expect(isOpen(weekdays, at('2027-10-31T20:00:00Z'))).toBe(false);
  });

  it('a closing time of 24:00 runs to midnight', () => {
    const late = hours('fre 20:00-24:00');
    expect(isOpen(late, at('2027-06-04T21:59:00Z'))).toBe(true);
    expect(isOpen(late, at('2027-06-04T22:00:00Z'))).toBe(false);
  });

  it('a range may wrap past Sunday', () => {
    const weekend = hours('lør-man 10:00-14:00');
    expect(isOpen(weekend, at('2027-06-07T09:00:00Z'))).toBe(true); // Monday
    expect(isOpen(weekend, at('2027-06-08T09:00:00Z'))).toBe(false); // Tuesday
  });

  it('always open is open', () => {
    expect(isOpen(hours('alltid'), at('2027-12-25T03:00:00Z'))).toBe(true);
  });
});

describe('nextOpening', () => {
  const next = (h: ChatHours, now: string) => nextOpening(h, at(now))?.toISOString() ?? null;

  it('is the next start when closed, also exactly at closing time', () => {
    expect(next(weekdays, '2027-06-07T06:00:00Z')).toBe('2027-06-07T12:00:00.000Z');
    expect(next(weekdays, '2027-06-07T20:00:00Z')).toBe('2027-06-08T12:00:00.000Z');
    // Friday evening: Sunday at 18:00.
    expect(next(weekdays, '2027-06-04T20:30:00Z')).toBe('2027-06-06T16:00:00.000Z');
  });

  it('is the following opening when open now', () => {
    expect(next(weekdays, '2027-06-07T12:00:00Z')).toBe('2027-06-08T12:00:00.000Z');
    expect(next(hours('man 14:00-22:00'), '2027-06-07T13:00:00Z')).toBe('2027-06-14T12:00:00.000Z');
  });

  it('skips a start that only continues an opening from the day before', () => {
    const overnight = hours('fre 20:00-24:00, lør 00:00-02:00');
    expect(next(overnight, '2027-06-04T19:00:00Z')).toBe('2027-06-11T18:00:00.000Z');
  });

  it('crosses a clock change', () => {
    // Friday 26 March 2027 at 23:00 in winter time; Monday 29 March at 14:00 is in summer time.
    expect(next(hours('man-fre 14:00-22:00'), '2027-03-26T22:00:00Z')).toBe('2027-03-29T12:00:00.000Z');
    // Friday 29 October 2027 at 23:00 in summer time; Monday 1 November at 14:00 is in winter time.
    expect(next(hours('man-fre 14:00-22:00'), '2027-10-29T21:00:00Z')).toBe('2027-11-01T13:00:00.000Z');
  });

  it('opens when the clock jumps past a skipped time, and at the first of a repeated time', () => {
    const night = hours('søn 02:30-04:00');
    // 28 March 2027: 02:30 never shows; the clock goes from 02:00 to 03:00 at 01:00 UTC.
    expect(next(night, '2027-03-27T12:00:00Z')).toBe('2027-03-28T01:00:00.000Z');
    expect(isOpen(night, at('2027-03-28T01:00:00Z'))).toBe(true);
    // 31 October 2027: 02:30 comes twice; the first time is 00:30 UTC.
    expect(next(night, '2027-10-30T12:00:00Z')).toBe('2027-10-31T00:30:00.000Z');
    expect(isOpen(night, at('2027-10-31T00:30:00Z'))).toBe(true);
  });

  it('is null when the chat never closes', () => {
    expect(next(hours('alltid'), '2027-06-07T12:00:00Z')).toBeNull();
    expect(next(hours('man-søn 00:00-24:00'), '2027-06-07T12:00:00Z')).toBeNull();
  });
});

describe('describeHours', () => {
  it('writes the hours as a Norwegian phrase', () => {
    expect(describeHours(weekdays)).toBe('mandag–fredag kl. 14.00–22.00 og søndag kl. 18.00–21.00');
    expect(describeHours(hours('alltid'))).toBe('hele døgnet, alle dager');
    expect(describeHours(hours('man-søn 00:00-24:00'))).toBe('alle dager hele døgnet');
    expect(describeHours(hours('man 9:00-12:00, ons 10:00-12:00, lør-man 18:00-24:00'))).toBe(
      'mandag kl. 09.00–12.00, onsdag kl. 10.00–12.00 og lørdag–mandag kl. 18.00–24.00',
    );
  });
});
