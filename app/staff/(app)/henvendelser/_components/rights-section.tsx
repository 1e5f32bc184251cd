import Link from 'next/link';
import type { Correction } from '@/db/queries/inquiry-rights';
import { formatDateTime } from '@/lib/dates';
import { fieldText } from './labels';

const link = 'text-brand-dark underline';

/**
 * What a person can ask us to do with their inquiry, one step away: a copy (innsyn), a
 * correction of their name and contact details, erasure at once. And what has been corrected.
 */
export function RightsSection({ inquiryId, corrections }: { inquiryId: string; corrections: readonly Correction[] }) {
  return (
    <div className="space-y-4">
      <p>Ber personen om dette, kan du gjøre det her. Alt føres i tilgangsloggen.</p>
      <ul className="list-disc space-y-2 pl-5">
        <li>
          <a href={`/staff/henvendelser/${inquiryId}/innsyn`} download className={link}>
            Last ned en kopi til personen (innsyn)
          </a>
        </li>
        <li>
          <Link prefetch={false} href={`/staff/henvendelser/${inquiryId}/rett`} className={link}>
            Rett navn eller kontaktopplysninger
          </Link>
        </li>
        <li>
          <Link href={`/staff/henvendelser/${inquiryId}/slett`} className={link}>
            Slett henvendelsen nå
          </Link>
        </li>
      </ul>
      <CorrectionHistory corrections={corrections} />
    </div>
  );
}

export function CorrectionHistory({ corrections }: { corrections: readonly Correction[] }) {
  if (corrections.length === 0) return <p>Ingenting er rettet.</p>;
  return (
    <div>
      <h3 className="font-semibold">Rettet</h3>
      <ul className="mt-2 space-y-2">
        {corrections.map((c) => (
          <li key={c.id}>
            {formatDateTime(c.correctedAt)}, {c.correctedByName ?? 'ukjent'}: {fieldText[c.field].toLowerCase()} rettet. Tidligere: {c.previous ?? 'ikke oppgitt'}
          </li>
        ))}
      </ul>
    </div>
  );
}
