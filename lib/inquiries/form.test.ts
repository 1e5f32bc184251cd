import { describe, expect, it } from 'vitest';
import { inquirySchema } from './form';

const valid = {
  name: 'Kari',
  email: 'kari@example.org',
  phone: '',
  contactBy: 'epost',
  relation: 'forelder',
  audience: 'annet',
  message: 'Hei, jeg lurer på noe.',
  declineJournal: false,
};

describe('the contact form refuses invisible and direction-changing characters', () => {
  it('takes an ordinary inquiry', () => {
    expect(inquirySchema.safeParse(valid).success).toBe(true);
  });

  it.each([
    ['message', 'Meldingen', 'Ring meg på \u202E76543219\u202C'],
    ['message', 'Meldingen', 'nummeret er 9\u200B12 34 567'],
    ['message', 'Meldingen', 'hei\u200F'],
    ['name', 'Navnet', 'Kari\u2066'],
    ['name', 'Navnet', 'Kari\u0007'],
  ] as const)('%s (%s) refuses %j', (field, label, value) => {
    const result = inquirySchema.safeParse({ ...valid, [field]: value });
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((i) => i.path[0] === field);
    expect(issue?.message).toBe(`${label} inneholder tegn vi ikke kan ta imot. Det kan være usynlige tegn fra tekst som er limt inn: skriv det gjerne på nytt.`);
  });
});
