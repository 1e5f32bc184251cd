import type { AnsweredRequest } from '@/lib/stats/visit-rules';
import { isYoungHost } from '@/lib/young-host';

/**
 * The nginx recipe's count line (deploy/nginx/hjelpelinje.conf, `log_format hjelpelinje_count`):
 * one syslog datagram per request nginx answered, `<PRI>Mmm dd hh:mm:ss hjelpelinje: {json}`.
 * Its JSON holds what countedHit reads and nothing else: the method, the target, the status,
 * the host, the content type the app gave the page, and the request headers in COUNTED_HEADERS.
 * Only those fields are read, so should a line ever carry more (an address put in the recipe by
 * mistake), the rest is dropped here with the datagram.
 */
const COUNT_TAG = 'hjelpelinje';

/** The request headers countedHit reads; the recipe's JSON names them as they are named here. */
export const COUNTED_HEADERS = [
  'user-agent',
  'sec-fetch-site',
  'sec-fetch-dest',
  'rsc',
  'next-router-prefetch',
  'next-router-state-tree',
  'sec-purpose',
  'purpose',
  'x-moz',
] as const;

/** RFC 3164's header as nginx writes it, with or without the host name, up to our tag. */
const SYSLOG_HEADER = new RegExp(`^<\\d{1,3}>[A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d (?:\\S+ )?${COUNT_TAG}: `);

/** The answered request a count line describes, or undefined for anything that is not one. */
export function answeredFromLine(datagram: Buffer | string, youngHostName: string | undefined): AnsweredRequest | undefined {
  const text = typeof datagram === 'string' ? datagram : datagram.toString('utf8');
  const header = SYSLOG_HEADER.exec(text);
  if (!header) return undefined;
  let fields: unknown;
  try {
    fields = JSON.parse(text.slice(header[0].length));
  } catch {
    return undefined;
  }
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) return undefined;
  const field = (name: string): string | undefined => {
    const value = (fields as Record<string, unknown>)[name];
    // nginx writes an absent header as an empty string.
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const url = field('url');
  const status = Number(field('status'));
  if (!field('method') || !url || !Number.isInteger(status)) return undefined;
  const headers: Record<string, string | undefined> = {};
  for (const name of COUNTED_HEADERS) headers[name] = field(name);
  return {
    method: field('method'),
    url,
    status,
    html: /^text\/html\b/i.test(field('type') ?? ''),
    headers,
    youngHost: isYoungHost(field('host'), youngHostName),
  };
}
