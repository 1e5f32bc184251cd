import type { InquiryStatus } from '@/db/schema/inquiries';

/** Shared by the server action and the client forms; kept free of server-only imports. */
export const NOTE_MAX = 5000;

export const statusLabels: Record<InquiryStatus, string> = {
  ny: 'Ny',
  under_arbeid: 'Under arbeid',
  avsluttet: 'Avsluttet',
};
