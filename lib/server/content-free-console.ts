import { format } from 'node:util';

/**
 * In production, errors reach the log as their name, code and digest only. Next prints an
 * error thrown while rendering with its message and stack, and a database error's message
 * holds the query and its parameters: text a visitor wrote, once inquiries exist. None of
 * that may reach a log, so console.error and console.warn drop messages and stacks.
 *
 * A framework message written as plain text may quote what a client sent (Next names the
 * `X-Forwarded-Host` and `Origin` it refused, in backquotes). A quote can be forged inside
 * the quoted value itself, so the line is cut at its first quote mark or URL, and addresses
 * left before that point are masked.
 */
const FIRST_QUOTE_OR_URL = /[`"'\u2018\u2019\u201c\u201d]|[a-z][a-z0-9+.-]*:\/\//i;
const IPV4 = /\d{1,3}(\.\d{1,3}){3}/g;
const IPV6 = /[0-9a-f]*:[0-9a-f]*:[0-9a-f:.]*/gi;

export function withoutQuotedText(text: string): string {
  const cut = text.search(FIRST_QUOTE_OR_URL);
  const kept = cut === -1 ? text : `${text.slice(0, cut)}…`;
  return kept.replace(IPV4, '…').replace(IPV6, '…');
}

function describe(value: unknown): string {
  if (value instanceof Error) {
    const e = value as Error & { code?: unknown; digest?: unknown; cause?: unknown };
    const parts = [e.name];
    if (typeof e.code === 'string') parts.push(`code=${e.code}`);
    if (typeof e.digest === 'string') parts.push(`digest=${e.digest}`);
    const cause = e.cause as { code?: unknown } | undefined;
    if (cause && typeof cause.code === 'string') parts.push(`cause=${cause.code}`);
    return parts.join(' ');
  }
  if (typeof value === 'string') return withoutQuotedText(value.split('\n')[0]!).slice(0, 200);
  return typeof value;
}

export function contentFreeConsole(): void {
  for (const level of ['error', 'warn'] as const) {
    console[level] = (...args: unknown[]) => {
      const text = args.some((a) => a instanceof Error) ? args.map(describe).join(' ') : describe(format(...args));
      process.stderr.write(`${JSON.stringify({ t: new Date().toISOString(), level, event: 'console', text })}\n`);
    };
  }
}
