import { describe, expect, it } from 'vitest';
import { osloIsoDate } from '@/lib/dates';
import { dayCount, defaultRange, isoWeek, monthLabel, monthsIn, parseDay, weekLabel, weeksIn } from './report-dates';
import { readRange } from './report-range';

describe('ISO weeks and months', () => {
  it.each([
    ['2026-01-01', 2026, 1], // a Thursday: week 1 of its own year
    ['2027-01-01', 2026, 53], // a Friday: the last week of the year before
    ['2024-12-30', 2025, 1], // a Monday in December: week 1 of the next year
    ['2021-01-03', 2020, 53], // a Sunday: still the week before
    ['2026-03-29', 2026, 13], // the Sunday summer time starts
  ])('%s belongs to %i, week %i, by its Thursday', (day, year, week) => {
    expect(isoWeek(day)).toEqual({ year, week });
  });

  it('lists every week a range touches by its Monday, and every month, across a new year', () => {
    expect(weeksIn({ from: '2026-12-30', to: '2027-01-11' })).toEqual(['2026-12-28', '2027-01-04', '2027-01-11']);
    expect(monthsIn({ from: '2026-11-30', to: '2027-02-01' })).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsIn({ from: '2026-03-31', to: '2026-03-31' })).toEqual(['2026-03']);
    expect(weekLabel('2026-12-28')).toBe('Uke 53, 2026');
    expect(monthLabel('2027-01')).toBe('januar 2027');
  });

  it('counts days through the change to and from summer time', () => {
    expect(dayCount({ from: '2026-03-28', to: '2026-03-30' })).toBe(3);
    expect(dayCount({ from: '2026-10-24', to: '2026-10-26' })).toBe(3);
  });
});

describe('the period', () => {
  it('by default is the Oslo week so far and the twelve full weeks before it', () => {
    // 00:30 in Oslo on 1 April (summer time) is still 31 March in UTC: the range ends on 1 April.
    const today = osloIsoDate(new Date('2026-03-31T22:30:00Z'));
    expect(today).toBe('2026-04-01');
    expect(defaultRange(today)).toEqual({ from: '2026-01-05', to: '2026-04-01' });
    expect(weeksIn(defaultRange(today))).toHaveLength(13);
    expect(readRange({}, today)).toEqual({ ok: true, range: { from: '2026-01-05', to: '2026-04-01' }, typed: { fra: '05.01.2026', til: '01.04.2026' } });
  });

  it.each([
    ['2026-02-28', '2026-02-28'],
    ['28.02.2026', '2026-02-28'],
    ['1.3.2026', '2026-03-01'],
    [' 2024-02-29 ', '2024-02-29'],
    ['2026-02-29', undefined],
    ['30.02.2026', undefined],
    ['2026-13-01', undefined],
    ['i går', undefined],
    ['', undefined],
  ])('reads %j as %s', (typed, day) => {
    expect(parseDay(typed)).toBe(day);
  });

  it('reads a range typed either way', () => {
    expect(readRange({ fra: '01.02.2026', til: '2026-02-28' }, '2026-04-01')).toMatchObject({ ok: true, range: { from: '2026-02-01', to: '2026-02-28' } });
  });

  it.each([
    [{ fra: '2026-03-01', til: '2026-02-01' }, 'fra', 'Fra-datoen må være før til-datoen, eller samme dag.'],
    [{ fra: '31.02.2026', til: '2026-03-01' }, 'fra', 'Fra-datoen er ikke en dato vi kjenner igjen. Skriv den som 31.01.2026.'],
    [{ fra: '2026-03-01', til: 'snart' }, 'til', 'Til-datoen er ikke en dato vi kjenner igjen. Skriv den som 31.01.2026.'],
    [{ fra: '2026-03-01', til: '2026-04-02' }, 'til', 'Til-datoen kan ikke være etter i dag. Det finnes ingen tall for dager som ikke har vært ennå.'],
    [{ fra: '2024-03-31', til: '2026-04-01' }, 'fra', 'Velg en periode på høyst to år.'],
    [{ fra: '', til: '2026-04-01' }, 'fra', 'Skriv inn fra-datoen.'],
    [{ fra: '2026-03-01', til: ' ' }, 'til', 'Skriv inn til-datoen.'],
  ])('refuses %j with a sentence and keeps what was typed', (query, field, message) => {
    const reading = readRange(query, '2026-04-01');
    expect(reading).toEqual({ ok: false, field, message, typed: query });
  });

  it('takes two years to the day', () => {
    expect(readRange({ fra: '2024-04-01', til: '2026-04-01' }, '2026-04-01').ok).toBe(true);
  });
});
