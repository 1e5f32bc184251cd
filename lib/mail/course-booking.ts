import { priceText, sessionTime } from '@/lib/courses/format';
import { sessionIcs } from '@/lib/courses/ics';
import { formatDateTime } from '@/lib/dates';
import type { OutgoingMail } from '@/lib/mail/send';

/**
 * The e-mails a course participant gets about their own booking. Each names the course and the
 * date, and carries the link to the booking (the random token is the permission), where they
 * can see it and give it up without an account. Nothing else they told us (phone, answers) is
 * ever in a mail.
 */
export type BookingMailKind = 'confirmation' | 'waiting' | 'offer' | 'reminder' | 'session_cancelled';

export type BookingMailInput = {
  kind: BookingMailKind;
  id: string;
  name: string;
  courseTitle: string;
  priceNok: number;
  payment: 'free' | 'vipps' | 'invoice';
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  onlineLink: string | null;
  holdUntil: Date | null;
  orderReference: string | null;
  /** The participant's link; absent, the mail says where to ask instead. */
  bookingUrl: string | null;
  siteUrl: string;
  contactEmail: string;
  now: Date;
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function placeLine(b: BookingMailInput): string {
  if (b.place) return `Sted: ${b.place}`;
  return b.onlineLink ? `Digitalt. Lenke til møtet: ${b.onlineLink}` : 'Digitalt. Lenken til møtet får du når plassen er bekreftet.';
}

function paymentLine(b: BookingMailInput): string | undefined {
  if (b.priceNok === 0) return 'Kurset er gratis.';
  const order = b.orderReference ? ` Ordrenummer: ${b.orderReference}.` : '';
  if (b.payment === 'invoice') return `Pris: ${priceText(b.priceNok)}, på faktura.${order}`;
  return `Pris: ${priceText(b.priceNok)}, betalt med Vipps. Beløpet trekkes når kurset starter.${order}`;
}

const subjects: Record<BookingMailKind, (title: string) => string> = {
  confirmation: (t) => `Du er påmeldt: ${t}`,
  waiting: (t) => `Du står på ventelisten: ${t}`,
  offer: (t) => `Du har fått tilbud om plass: ${t}`,
  reminder: (t) => `Påminnelse: ${t}`,
  session_cancelled: (t) => `Avlyst: ${t}`,
};

function lead(b: BookingMailInput): string[] {
  switch (b.kind) {
    case 'confirmation':
      return ['Plassen din er bekreftet. Kalenderfilen i vedlegget legger kurset inn i kalenderen din.'];
    case 'waiting':
      return ['Kurset er fullt, så du står på ventelisten. Blir en plass ledig, får du en e-post og kan ta den.'];
    case 'offer':
      return [`En plass er blitt ledig, og du står først på ventelisten. Plassen er din hvis du tar den innen ${b.holdUntil ? formatDateTime(b.holdUntil) : 'fristen'}. Åpne påmeldingen for å ta den.`];
    case 'reminder':
      return ['Dette er en påminnelse om kurset du er påmeldt.', 'Kan du ikke komme, gi gjerne plassen fra deg, så kan noen på ventelisten få den.'];
    case 'session_cancelled':
      return [
        'Vi må dessverre avlyse denne kursdatoen. Du er meldt av, og du skylder ingenting.',
        b.payment === 'vipps' ? 'Har du betalt med Vipps, får du pengene tilbake, eller reservasjonen av beløpet oppheves.' : '',
        'Se om kurset har andre datoer på nettsiden vår.',
      ].filter(Boolean);
  }
}

export function bookingMail(b: BookingMailInput): Omit<OutgoingMail, 'from' | 'to'> {
  const subject = subjects[b.kind](b.courseTitle);
  const details = [b.courseTitle, sessionTime(b), placeLine(b), ...(b.kind === 'session_cancelled' ? [] : [paymentLine(b)].filter((l): l is string => !!l))];
  const link = b.bookingUrl
    ? { text: b.kind === 'offer' ? 'Ta plassen eller si nei takk:' : 'Se eller endre påmeldingen din:', url: b.bookingUrl }
    : undefined;
  const askUs = `Spørsmål? Skriv til ${b.contactEmail}.`;
  const auto = 'Dette er en automatisk melding fra Hjelpelinje. Du kan ikke svare på den.';

  const text = [`Hei, ${b.name}`, '', ...lead(b), '', ...details, '', ...(link ? [link.text, link.url, ''] : []), askUs, '', auto, ''].join('\n');
  const html = [
    '<!doctype html>',
    `<html lang="nb"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: sans-serif; line-height: 1.5;">',
    `<p>Hei, ${escapeHtml(b.name)}</p>`,
    ...lead(b).map((l) => `<p>${escapeHtml(l)}</p>`),
    `<p>${details.map(escapeHtml).join('<br>')}</p>`,
    ...(link ? [`<p>${escapeHtml(link.text)}<br><a href="${escapeHtml(link.url)}">${escapeHtml(link.url)}</a></p>`] : []),
    `<p>${escapeHtml(askUs)}</p>`,
    `<p style="color: #555;">${escapeHtml(auto)}</p>`,
    '</body></html>',
    '',
  ].join('\n');

  const calendar =
    b.kind === 'confirmation' || b.kind === 'reminder'
      ? [
          {
            filename: 'kurs.ics',
            contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
            content: sessionIcs({
              uid: `${b.id}@hjelpelinje`,
              title: b.courseTitle,
              startsAt: b.startsAt,
              endsAt: b.endsAt,
              location: b.place ?? b.onlineLink ?? 'Digitalt',
              description: b.bookingUrl ? `Påmeldingen din: ${b.bookingUrl}` : `Kurs hos Hjelpelinje. ${askUs}`,
              url: b.bookingUrl ?? undefined,
              stamp: b.now,
            }),
          },
        ]
      : [];
  return { subject, text, html, attachments: calendar };
}
