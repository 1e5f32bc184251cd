import { describe, expect, it } from 'vitest';
import type { HoldExport } from '@/db/queries/holds-admin';
import { exportFileName, exportText } from './export-text';

const doc: HoldExport = {
  hold: { id: 'h1', reference: 'Politiet 27/1234', reason: 'Etterforskning av trusler.', placedAt: new Date('2027-02-01T09:00:00Z'), placedByName: 'Anne Admin' },
  object: {
    type: 'inquiry',
    id: 'i1',
    reference: 'K7QM-3XHP',
    status: 'avsluttet',
    createdAt: new Date('2027-01-10T08:15:00Z'),
    closedAt: new Date('2027-01-15T09:00:00Z'),
    deleteAfter: new Date('2027-04-15T08:00:00Z'),
    privacyVersion: 1,
    audience: 'pa-skolen',
    relation: 'forelder',
    preferredContact: 'epost',
    journalDeclined: true,
    name: 'Kari Nordmann',
    email: 'kari@example.org',
    phone: null,
    message: 'Hei.\nJeg er bekymret.',
    notes: [{ authorName: null, createdAt: new Date('2027-01-11T10:00:00Z'), body: 'Ringte tilbake.' }],
  },
};

describe('the export document', () => {
  it('holds the hold, the reference, the contact details, the message and the notes, as Norwegians read them', () => {
    const text = exportText(doc, { exportedAt: new Date('2027-02-02T12:30:00Z'), exportedBy: 'Per Admin' });
    expect(text).toMatch(/^Henvendelse K7QM-3XHP, utlevert etter bevaringspålegg\n/);
    expect(text).toContain('Eksportert: 2. februar 2027 kl. 13:30 av Per Admin');
    expect(text).toContain('Politiets referanse: Politiet 27/1234');
    expect(text).toContain('Lagt inn: 1. februar 2027 kl. 10:00 av Anne Admin');
    expect(text).toContain('Referansekode: K7QM-3XHP');
    expect(text).toContain('Status: Avsluttet');
    expect(text).toContain('Slettefrist: 15. april 2027');
    expect(text).toContain('Relasjon: Forelder til den det gjelder');
    expect(text).toContain('Reservert mot journal: Ja');
    expect(text).toContain('Navn: Kari Nordmann');
    expect(text).toContain('Telefon: Ikke oppgitt');
    expect(text).toContain('Ønsket kontakt: E-post');
    expect(text).toContain('MELDINGEN\n---------\nHei.\nJeg er bekymret.\n');
    expect(text).toContain('11. januar 2027 kl. 11:00, ukjent forfatter:\nRingte tilbake.');
    expect(exportFileName(doc)).toBe('henvendelse-K7QM-3XHP.txt');
  });
});
