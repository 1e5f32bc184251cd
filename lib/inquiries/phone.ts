/**
 * Norwegian numbers (8 digits, optionally +47) and international ones (+ and 8–15 digits),
 * in one form (+47…) for storage. Its own module so the query that stores an inquiry and the
 * chat's personal-details check use it without the form's schema and labels.
 */
export function normalisePhone(raw: string): string | undefined {
  const compact = raw.replace(/[\s\-().]/g, '');
  const intl = compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
  if (/^[2-9]\d{7}$/.test(intl)) return `+47${intl}`;
  if (/^\+47[2-9]\d{7}$/.test(intl)) return intl;
  if (/^\+(?!47)[1-9]\d{7,14}$/.test(intl)) return intl;
  return undefined;
}
