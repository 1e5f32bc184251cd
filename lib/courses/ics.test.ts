import { describe, expect, it } from 'vitest';
import { escapeIcsText, foldIcsLine, sessionIcs } from '@/lib/courses/ics';

describe('the calendar file of a session', () => {
  const ics = sessionIcs({
    uid: 'b1@hjelpelinje',
    title: 'Å snakke med barn om sykdom',
    startsAt: new Date('2027-01-07T17:00:00Z'),
    endsAt: new Date('2027-01-07T19:00:00Z'),
    location: 'Storgata 1, Oslo; 2. etasje',
    description: 'Påmeldingen din: https://hjelpelinje.example/kurs/bestilling/abc',
    stamp: new Date('2026-12-06T10:00:00Z'),
  });

  it('is one event with its times in UTC and CRLF line ends', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics).toContain('\r\nDTSTART:20270107T170000Z\r\n');
    expect(ics).toContain('\r\nDTEND:20270107T190000Z\r\n');
    expect(ics).toContain('\r\nUID:b1@hjelpelinje\r\n');
    expect(ics.endsWith('END:VEVENT\r\nEND:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('escapes commas, semicolons and line breaks in text', () => {
    expect(ics).toContain('LOCATION:Storgata 1\\, Oslo\\; 2. etasje');
    expect(escapeIcsText('a\nb\\c')).toBe('a\\nb\\\\c');
  });

  it('folds lines longer than 75 octets without splitting a character', () => {
    const long = `DESCRIPTION:${'æøå'.repeat(40)}`;
    const folded = foldIcsLine(long);
    for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(folded.split('\r\n').map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(long);
  });
});
