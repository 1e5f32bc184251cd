/**
 * The text of /.well-known/security.txt (RFC 9116): where to report a security problem.
 *
 * Expires is required and should lie less than a year ahead. The file is written from the
 * configuration at each request, so it is exactly as current as SECURITY_CONTACT is; it runs
 * EXPIRES_AFTER_DAYS ahead of today (counted from midnight UTC, so the text changes once a day).
 */
export const EXPIRES_AFTER_DAYS = 180;

const DAY_MS = 24 * 60 * 60 * 1000;

export type SecurityTxtInput = {
  /** mailto:, https: or tel: URIs, in the order they should be tried. */
  contacts: readonly string[];
  /** The site's public address, without a trailing slash. */
  siteUrl: string;
  now: Date;
};

export function securityTxt({ contacts, siteUrl, now }: SecurityTxtInput): string {
  if (contacts.length === 0) throw new Error('security.txt needs at least one contact');
  const midnight = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  const expires = new Date(midnight + EXPIRES_AFTER_DAYS * DAY_MS).toISOString().replace('.000Z', 'Z');
  return [
    ...contacts.map((c) => `Contact: ${c}`),
    `Expires: ${expires}`,
    'Preferred-Languages: no, en',
    `Canonical: ${siteUrl}/.well-known/security.txt`,
    '',
  ].join('\n');
}

/** SECURITY_CONTACT, or the site's public contact address when none is configured. */
export function securityContacts(config: { SECURITY_CONTACT: readonly string[]; CONTACT_EMAIL: string }): string[] {
  return config.SECURITY_CONTACT.length > 0 ? [...config.SECURITY_CONTACT] : [`mailto:${config.CONTACT_EMAIL}`];
}
