// Not marked 'server-only': the HTTP server (outside Next's bundler) stores a contact form sent
// without JavaScript through this module (lib/server/contact-post.ts). Nothing here is reachable from a client component.
import nodemailer from 'nodemailer';
import SMTPTransport from 'nodemailer/lib/smtp-transport';

/**
 * Sends one e-mail through the SMTP server in an `smtp://` or `smtps://` URL. Never throws:
 * the answer is ok, or a short code that is safe to log. The URL may hold a password and the
 * recipients are personal data, so neither ever appears in an error code, and nodemailer's
 * own logging stays off.
 */
export type OutgoingMail = {
  from: string;
  to: readonly string[];
  subject: string;
  text: string;
  html: string;
  /** Files attached, such as a calendar file. */
  attachments?: readonly { filename: string; content: string; contentType: string }[];
};

export type SendResult = { ok: true } | { ok: false; code: string; smtp?: number };

export const SEND_TIMEOUT_MS = 10_000;

export async function sendMail(smtpUrl: string, mail: OutgoingMail, { timeoutMs = SEND_TIMEOUT_MS }: { timeoutMs?: number } = {}): Promise<SendResult> {
  if (!/^smtps?:\/\/./i.test(smtpUrl)) return { ok: false, code: 'config' };
  if (mail.to.length === 0) return { ok: false, code: 'no_recipients' };

  let timer: NodeJS.Timeout | undefined;
  try {
    // Each step has its own limit, and the whole send has one on top: nothing waits longer.
    const transport = nodemailer.createTransport(
      new SMTPTransport({
        url: smtpUrl,
        connectionTimeout: timeoutMs,
        greetingTimeout: timeoutMs,
        socketTimeout: timeoutMs,
        dnsTimeout: timeoutMs,
        logger: false,
        debug: false,
      }),
    );
    const sending = transport.sendMail({
      from: mail.from,
      to: [...mail.to],
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      attachments: mail.attachments?.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })),
      // Asks mail servers and out-of-office replies not to answer an automatic message.
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
      timer.unref();
    });
    const outcome = await Promise.race([sending.then(() => 'sent' as const), timedOut]);
    if (outcome === 'timeout') {
      sending.catch(() => undefined); // settles later, on its own socket timeouts
      transport.close();
      return { ok: false, code: 'timeout' };
    }
    return { ok: true };
  } catch (err) {
    return { ok: false, ...mailErrorCode(err) };
  } finally {
    if (timer) clearTimeout(timer);
  }
}

/** Nodemailer's fixed error codes (ESOCKET, EAUTH, …) and the SMTP reply code; never a message. */
function mailErrorCode(err: unknown): { code: string; smtp?: number } {
  if (!err || typeof err !== 'object') return { code: 'unknown' };
  const e = err as { code?: unknown; responseCode?: unknown };
  const code = typeof e.code === 'string' && /^E[A-Z0-9_]{1,30}$/.test(e.code) ? e.code : 'unknown';
  const smtp = typeof e.responseCode === 'number' && Number.isInteger(e.responseCode) && e.responseCode >= 200 && e.responseCode < 600 ? e.responseCode : undefined;
  return smtp === undefined ? { code } : { code, smtp };
}
