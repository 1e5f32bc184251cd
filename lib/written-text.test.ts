import { describe, expect, it } from 'vitest';
import { writtenText } from './written-text';

const issues = (result: { success: boolean; error?: { issues: { message: string }[] } }) => (result.success ? [] : result.error!.issues.map((i) => i.message));

describe('writtenText', () => {
  it('trims, and names the field when it is too long, with the number written the Norwegian way', () => {
    expect(writtenText('Notatet', 1000).parse('  hei  ')).toBe('hei');
    expect(issues(writtenText('Notatet', 1000).safeParse('x'.repeat(1001)))).toEqual(['Notatet kan ha høyst 1\u00a0000 tegn.']);
  });

  it('refuses invisible and direction-changing characters, naming the field', () => {
    expect(issues(writtenText('Meldingen', 100).safeParse('ring 12\u200b34 5678'))[0]).toMatch(/^Meldingen inneholder tegn vi ikke kan ta imot/);
    expect(issues(writtenText('Meldingen', 100).safeParse('abc\u202edef'))).toHaveLength(1);
  });

  it('is required only when told what to say when it is empty, and says more when told to', () => {
    expect(writtenText('Notatet', 10).parse('   ')).toBe('');
    expect(issues(writtenText('Notatet', 10, { empty: 'Skriv notatet først.' }).safeParse('   '))).toEqual(['Skriv notatet først.']);
    expect(issues(writtenText('Teksten', 3, { tooLong: 'For langt for chatten.' }).safeParse('abcd'))).toEqual(['For langt for chatten.']);
  });
});
