import type { NewInquiry } from '@/db/queries/inquiries';

/**
 * What the contact form hands on for an ordinary inquiry: a parent, about school, asking to be
 * e-mailed. Tests name only what their inquiry is about (its message, a declined journal).
 */
export function inquiryInput(overrides: Partial<NewInquiry> = {}): NewInquiry {
  return {
    name: 'Kari',
    email: 'kari@example.org',
    phone: '',
    contactBy: 'epost',
    relation: 'forelder',
    audience: 'pa-skolen',
    message: 'Hei',
    declineJournal: false,
    ...overrides,
  };
}
