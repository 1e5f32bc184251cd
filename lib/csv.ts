/**
 * CSV for the staff's spreadsheets: semicolons between fields (what Excel set up for Norway
 * expects) and a byte-order mark so it reads æøå. A field is quoted when it holds a separator,
 * a quote or a line break, and a leading formula sign is defused, so a typed value can never
 * run as a formula.
 */
export const BOM = '\uFEFF';

function csvField(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[;"\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export const csvLine = (fields: readonly string[]) => fields.map(csvField).join(';');
