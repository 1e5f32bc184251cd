/**
 * Structured, content-free logging. Callers pass an event name and counts or codes only:
 * never personal data, message text, search words or a client address.
 */
type Fields = Record<string, string | number | boolean | undefined>;

let infoStream: NodeJS.WriteStream = process.stdout;

/** Command-line tools whose answer is on stdout send their log lines to stderr. */
export function logToStderr(): void {
  infoStream = process.stderr;
}

function write(level: 'info' | 'warn' | 'error', event: string, fields: Fields = {}): void {
  const line = JSON.stringify({ t: new Date().toISOString(), level, event, ...fields });
  (level === 'info' ? infoStream : process.stderr).write(`${line}\n`);
}

export const log = {
  info: (event: string, fields?: Fields) => write('info', event, fields),
  warn: (event: string, fields?: Fields) => write('warn', event, fields),
  error: (event: string, fields?: Fields) => write('error', event, fields),
};
