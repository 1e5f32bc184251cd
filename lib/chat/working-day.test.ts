import { describe, expect, it } from 'vitest';
import { flaggedChatDeadline, flaggedChatDeletionDay, isWorkingDay, nextWorkingDay } from '@/lib/chat/working-day';

/** Flag at `flaggedAt` (UTC), expect deletion at the end of `day`, i.e. at `deadline` (UTC). */
function expectDeletion(flaggedAt: string, day: string, deadline: string) {
  const at = new Date(flaggedAt);
  expect(flaggedChatDeletionDay(at)).toBe(day);
  expect(flaggedChatDeadline(at).toISOString()).toBe(deadline);
}

describe('isWorkingDay', () => {
  it('counts Monday to Friday and skips weekends', () => {
    expect(isWorkingDay('2027-06-04')).toBe(true); // Friday
    expect(isWorkingDay('2027-06-05')).toBe(false); // Saturday
    expect(isWorkingDay('2027-06-06')).toBe(false); // Sunday
    expect(isWorkingDay('2027-06-07')).toBe(true); // Monday
  });

  it('skips public holidays, but not Christmas Eve or New Year’s Eve', () => {
    expect(isWorkingDay('2027-03-25')).toBe(false); // Maundy Thursday
    expect(isWorkingDay('2027-05-06')).toBe(false); // Ascension Day
    expect(isWorkingDay('2028-05-01')).toBe(false); // Labour Day on a Monday
    expect(isWorkingDay('2027-12-24')).toBe(true);
    expect(isWorkingDay('2026-12-31')).toBe(true);
  });

  it('rejects what is not a calendar day', () => {
    expect(() => isWorkingDay('2027-02-29')).toThrow(RangeError);
    expect(() => isWorkingDay('4.6.2027')).toThrow(RangeError);
  });
});

describe('nextWorkingDay', () => {
  it('is strictly after the given day, even when that day is a working day', () => {
    expect(nextWorkingDay('2027-06-08')).toBe('2027-06-09');
  });

  it('crosses a year end with a holiday on 1 January', () => {
    expect(nextWorkingDay('2026-12-31')).toBe('2027-01-04');
    expect(nextWorkingDay('2027-12-31')).toBe('2028-01-03');
  });
});

describe('the deadline is the end of the named day', () => {
  it('Friday 4 June 2027 in the afternoon: Monday 7 June', () => {
    expectDeletion('2027-06-04T13:00:00Z', '2027-06-07', '2027-06-07T22:00:00.000Z');
  });

  it('Maundy Thursday 25 March 2027: Tuesday 30 March, after the switch to summer time', () => {
    expectDeletion('2027-03-25T09:00:00Z', '2027-03-30', '2027-03-30T22:00:00.000Z');
  });

  it('Tuesday 16 May 2028: Thursday 18 May', () => {
    expectDeletion('2028-05-16T08:00:00Z', '2028-05-18', '2028-05-18T22:00:00.000Z');
  });

  it('Thursday 24 December 2026: Monday 28 December, in winter time', () => {
    expectDeletion('2026-12-24T15:00:00Z', '2026-12-28', '2026-12-28T23:00:00.000Z');
  });

  it('takes the day from the Oslo clock, not from UTC', () => {
    // 23:59 on Thursday 3 June in Oslo: the next working day is Friday.
    expectDeletion('2027-06-03T21:59:00Z', '2027-06-04', '2027-06-04T22:00:00.000Z');
    // 00:01 on Friday 4 June in Oslo, while UTC is still on Thursday: Monday.
    expectDeletion('2027-06-03T22:01:00Z', '2027-06-07', '2027-06-07T22:00:00.000Z');
    // The same in winter, when Oslo is one hour ahead of UTC.
    expectDeletion('2027-01-11T22:59:00Z', '2027-01-12', '2027-01-12T23:00:00.000Z');
    expectDeletion('2027-01-11T23:01:00Z', '2027-01-13', '2027-01-13T23:00:00.000Z');
  });

  it('a flag on a Saturday counts from the Monday', () => {
    expectDeletion('2027-06-05T10:00:00Z', '2027-06-07', '2027-06-07T22:00:00.000Z');
  });

  it('skips 1 May', () => {
    expectDeletion('2028-04-28T12:00:00Z', '2028-05-02', '2028-05-02T22:00:00.000Z');
    expectDeletion('2026-05-01T12:00:00Z', '2026-05-04', '2026-05-04T22:00:00.000Z');
  });

  it('skips Monday 17 May 2027, which is also Whit Monday', () => {
    expectDeletion('2027-05-14T12:00:00Z', '2027-05-18', '2027-05-18T22:00:00.000Z');
  });

  it('keeps the Oslo midnight across a weekend with a clock change', () => {
    // Friday 24 March 2028 in winter time; summer time starts on Sunday 26 March.
    expectDeletion('2028-03-24T14:00:00Z', '2028-03-27', '2028-03-27T22:00:00.000Z');
    // Friday 29 October 2027 in summer time; winter time starts on Sunday 31 October.
    expectDeletion('2027-10-29T12:00:00Z', '2027-11-01', '2027-11-01T23:00:00.000Z');
    // Both passes through 02:30 on the night the clocks go back.
    expectDeletion('2027-10-31T00:30:00Z', '2027-11-01', '2027-11-01T23:00:00.000Z');
    expectDeletion('2027-10-31T01:30:00Z', '2027-11-01', '2027-11-01T23:00:00.000Z');
  });
});
