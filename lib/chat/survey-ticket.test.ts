import { describe, expect, it } from 'vitest';
import { newSurveyTicket, surveyTicketHash, usedTicketsKeptFrom } from '@/lib/chat/survey-ticket';

const secret = 'test-only-survey-secret-0123456789abcdefghijkl';

describe('survey tickets', () => {
  it('a ticket is good on its day and the two after, and its hash is the same each time', () => {
    const ticket = newSurveyTicket({ secret, day: '2026-12-07' });
    const hash = surveyTicketHash(ticket, { secret, today: '2026-12-07' });
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(surveyTicketHash(ticket, { secret, today: '2026-12-09' })).toBe(hash);
    expect(surveyTicketHash(ticket, { secret, today: '2026-12-10' })).toBeUndefined();
    expect(surveyTicketHash(ticket, { secret, today: '2026-12-06' })).toBeUndefined();
  });

  it('refuses a ticket signed with another secret, with a changed day or random part, or of another shape', () => {
    const ticket = newSurveyTicket({ secret, day: '2026-12-07' });
    const [day, nonce, mac] = ticket.split('.') as [string, string, string];
    const today = '2026-12-07';
    expect(surveyTicketHash(newSurveyTicket({ secret: `${secret}x`, day }), { secret, today })).toBeUndefined();
    expect(surveyTicketHash(`2026-12-06.${nonce}.${mac}`, { secret, today })).toBeUndefined();
    expect(surveyTicketHash(`${day}.${nonce.slice(1)}A.${mac}`, { secret, today })).toBeUndefined();
    for (const odd of ['', 'billett', 42, null, `${ticket}.`]) expect(surveyTicketHash(odd, { secret, today })).toBeUndefined();
  });

  it('two tickets for the same day differ, and the hash holds nothing of the day', () => {
    const a = newSurveyTicket({ secret, day: '2026-12-07' });
    const b = newSurveyTicket({ secret, day: '2026-12-07' });
    expect(a).not.toBe(b);
    expect(surveyTicketHash(a, { secret, today: '2026-12-07' })).not.toBe(surveyTicketHash(b, { secret, today: '2026-12-07' }));
  });

  it('the purge keeps used tickets from three Oslo days back', () => {
    expect(usedTicketsKeptFrom(new Date('2026-12-07T23:30:00Z'))).toBe('2026-12-05');
    expect(usedTicketsKeptFrom(new Date('2026-12-07T12:00:00Z'))).toBe('2026-12-04');
  });
});
