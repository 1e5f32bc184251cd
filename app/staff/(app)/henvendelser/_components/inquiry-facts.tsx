import type { InquiryDetail } from '@/db/queries/inquiry-review';
import { audienceLabel, contactLabel, relationLabel, statusLabels } from './labels';
import { TimeText } from './time-text';

const dl = 'grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]';
const dt = 'font-semibold';

/** Where the inquiry stands: status, dates, who has it, and when it will be deleted. */
export function InquiryState({ inquiry }: { inquiry: InquiryDetail }) {
  const { status, createdAt, firstOpenedAt, closedAt, deleteAfter, onHold, assignedTo } = inquiry;
  return (
    <dl className={dl}>
      <dt className={dt}>Status</dt>
      <dd>{statusLabels[status]}</dd>
      <dt className={dt}>Mottatt</dt>
      <dd><TimeText at={createdAt} withTime /></dd>
      <dt className={dt}>Først åpnet</dt>
      <dd><TimeText at={firstOpenedAt} withTime /></dd>
      <dt className={dt}>Tildelt</dt>
      <dd>{assignedTo?.name ?? 'Ingen'}</dd>
      {closedAt ? (
        <>
          <dt className={dt}>Avsluttet</dt>
          <dd><TimeText at={closedAt} withTime /></dd>
        </>
      ) : null}
      {deleteAfter ? (
        <>
          <dt className={dt}>Sletting</dt>
          <dd className="font-semibold">
            {onHold ? 'Slettefrist ' : 'Slettes '}
            <TimeText at={deleteAfter} />
          </dd>
        </>
      ) : null}
      {onHold ? (
        <>
          <dt className={dt}>Pålegg om oppbevaring</dt>
          <dd>Henvendelsen holdes tilbake etter et rettslig pålegg og slettes ikke så lenge pålegget gjelder.</dd>
        </>
      ) : null}
    </dl>
  );
}

/** How to reach the relative, and what they told us about themselves. */
export function ContactDetails({ inquiry }: { inquiry: InquiryDetail }) {
  const { name, email, phone, preferredContact, relation, audience, privacyVersion } = inquiry;
  return (
    <dl className={dl}>
      <dt className={dt}>Navn</dt>
      <dd>{name}</dd>
      <dt className={dt}>E-post</dt>
      <dd>{email ? <a href={`mailto:${email}`} className="text-brand-dark underline">{email}</a> : 'Ikke oppgitt'}</dd>
      <dt className={dt}>Telefon</dt>
      <dd>{phone ? <a href={`tel:${phone}`} className="text-brand-dark underline">{phone}</a> : 'Ikke oppgitt'}</dd>
      <dt className={dt}>Ønsket kontakt</dt>
      <dd>{contactLabel(preferredContact)}</dd>
      <dt className={dt}>Relasjon</dt>
      <dd>{relationLabel(relation)}</dd>
      <dt className={dt}>Gjelder</dt>
      <dd>{audienceLabel(audience)}</dd>
      <dt className={dt}>Personvernerklæring</dt>
      <dd>Versjon {privacyVersion}, gjeldende da henvendelsen ble sendt</dd>
    </dl>
  );
}
