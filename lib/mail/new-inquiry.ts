/**
 * The notice advisers get when inquiries wait. It takes no inquiry at all, only whether one
 * or several came, so nothing a relative wrote (name, message, reference, relation, section)
 * can end up in an e-mail: the advisers read the inquiry after signing in.
 */
export type NoticeKind = 'one' | 'several';

export type NoticeMail = { subject: string; text: string; html: string };

function staffInquiriesUrl(siteUrl: string): string {
  return `${siteUrl.replace(/\/+$/, '')}/staff/henvendelser`;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function newInquiryNotice(siteUrl: string, kind: NoticeKind): NoticeMail {
  const link = staffInquiriesUrl(siteUrl);
  const subject = kind === 'one' ? 'Ny henvendelse venter' : 'Nye henvendelser venter';
  const lead = kind === 'one' ? 'En ny henvendelse venter på svar.' : 'Det har kommet nye henvendelser som venter på svar.';
  const action = kind === 'one' ? 'Logg inn for å lese den:' : 'Logg inn for å lese dem:';
  const privacy = 'Av hensyn til personvernet står det ingenting om innholdet i denne e-posten.';
  const auto = 'Dette er en automatisk melding fra Hjelpelinje. Du kan ikke svare på den.';

  const text = ['Hei,', '', lead, '', action, link, '', privacy, '', auto, ''].join('\n');
  const html = [
    '<!doctype html>',
    '<html lang="nb"><head><meta charset="utf-8"><title>' + escapeHtml(subject) + '</title></head>',
    '<body style="font-family: sans-serif; line-height: 1.5;">',
    '<p>Hei,</p>',
    `<p>${escapeHtml(lead)}</p>`,
    `<p>${escapeHtml(action)}<br><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>`,
    `<p>${escapeHtml(privacy)}</p>`,
    `<p style="color: #555;">${escapeHtml(auto)}</p>`,
    '</body></html>',
    '',
  ].join('\n');
  return { subject, text, html };
}
