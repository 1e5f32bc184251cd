// Not marked 'server-only': the HTTP server (outside Next's bundler) stores a contact form sent
// without JavaScript through this module (lib/server/contact-post.ts). Nothing here is reachable from a client component.
import { errorCode, getDb } from '@/db/client';
import { activeAdviserEmails } from '@/db/queries/staff';
import { env } from '@/lib/env';
import { log } from '@/lib/log';
import { parseAddressList } from '@/lib/mail/addresses';
import { newInquiryNotice, type NoticeKind } from '@/lib/mail/new-inquiry';
import { SEND_TIMEOUT_MS, sendMail } from '@/lib/mail/send';
import { processWide } from '@/lib/process-wide';

/**
 * Tells advisers by e-mail that a new inquiry waits, when SMTP_URL is set.
 *
 * Nothing from the inquiry goes into the e-mail: none of these functions takes an inquiry,
 * so a name, message, reference, relation or section cannot leak into a mailbox by design.
 * The mail only says that something waits, with a link to the staff list.
 *
 * Recipients: ADVISER_NOTIFY_TO when set (a shared mailbox or an on-call list), otherwise
 * every active admin and adviser in the staff table, so a disabled account stops getting mail
 * at once and a new colleague gets it without anyone editing configuration.
 *
 * The relative's submission never waits for any of this: `notifyFromEnv()` returns at once,
 * the send runs in the background with a time limit, and a failure is logged as a code only.
 * Bursts are coalesced: at most one mail per window (two minutes) per process; inquiries in
 * between give one mail when the window ends.
 */

export type NotifyConfig = {
  /** May hold a password: never logged. Unset or empty turns the notice off. */
  smtpUrl: string | undefined;
  from: string;
  to: readonly string[];
  /** SITE_URL; the mail links to `${siteUrl}/staff/henvendelser`. */
  siteUrl: string;
  kind?: NoticeKind;
  timeoutMs?: number;
};

export type NotifyOutcome = 'sent' | 'disabled' | 'no_recipients' | 'failed';

/** Sends one notice. Never throws; a failure is logged as one content-free line. */
export async function notifyNewInquiry(config: NotifyConfig): Promise<NotifyOutcome> {
  try {
    if (!config.smtpUrl) return 'disabled';
    if (config.to.length === 0) {
      log.warn('inquiry.notify_no_recipients');
      return 'no_recipients';
    }
    const notice = newInquiryNotice(config.siteUrl, config.kind ?? 'one');
    const result = await sendMail(config.smtpUrl, { from: config.from, to: config.to, ...notice }, { timeoutMs: config.timeoutMs ?? SEND_TIMEOUT_MS });
    if (!result.ok) {
      log.warn('inquiry.notify_failed', { code: result.code, smtp: result.smtp });
      return 'failed';
    }
    log.info('inquiry.notify_sent', { recipients: config.to.length });
    return 'sent';
  } catch (err) {
    log.error('inquiry.notify_failed', { code: 'internal', name: err instanceof Error ? err.name : 'unknown' });
    return 'failed';
  }
}

export type NotifySettings = {
  smtpUrl: string | undefined;
  from: string;
  /** ADVISER_NOTIFY_TO; empty means: the active admins and advisers. */
  configuredTo: readonly string[];
  siteUrl: string;
};

function notifySettingsFromEnv(): NotifySettings {
  const e = env();
  const smtpUrl = e.SMTP_URL?.trim() || undefined;
  const from = e.MAIL_FROM?.trim() || `Hjelpelinje <${e.CONTACT_EMAIL}>`;
  const { addresses, invalid } = parseAddressList(e.ADVISER_NOTIFY_TO);
  if (invalid > 0) log.warn('inquiry.notify_bad_addresses', { count: invalid });
  return { smtpUrl, from, configuredTo: addresses, siteUrl: env().SITE_URL };
}

export type Notifier = {
  /** Records that an inquiry arrived. Returns at once and never throws. */
  trigger(): void;
  /** Resolves when no send is under way (a send waiting for the window to end is not counted). */
  idle(): Promise<void>;
  /** Drops a waiting send and forgets the window. */
  stop(): void;
};

const NOTIFY_WINDOW_MS = 2 * 60_000;

/**
 * One notice, sent now with the settings of this moment (they may have been switched off since
 * it was scheduled). Never throws: a failure is logged without the addresses.
 */
async function sendNotice(
  enabled: () => NotifySettings | undefined,
  kind: NoticeKind,
  { recipients, send, timeoutMs }: {
    recipients: (configured: readonly string[]) => Promise<string[]>;
    send: (config: NotifyConfig) => Promise<NotifyOutcome>;
    timeoutMs?: number;
  },
): Promise<void> {
  try {
    const s = enabled();
    if (!s) return;
    let to: string[];
    try {
      to = await recipients(s.configuredTo);
    } catch (err) {
      log.warn('inquiry.notify_failed', { code: `db_${errorCode(err)}` });
      return;
    }
    await send({ smtpUrl: s.smtpUrl, from: s.from, to, siteUrl: s.siteUrl, kind, timeoutMs });
  } catch (err) {
    log.error('inquiry.notify_failed', { code: 'internal', name: err instanceof Error ? err.name : 'unknown' });
  }
}

export function createNotifier(options: {
  settings: () => NotifySettings;
  windowMs?: number;
  timeoutMs?: number;
  now?: () => number;
  recipients?: (configured: readonly string[]) => Promise<string[]>;
  send?: (config: NotifyConfig) => Promise<NotifyOutcome>;
}): Notifier {
  const windowMs = options.windowMs ?? NOTIFY_WINDOW_MS;
  const now = options.now ?? Date.now;
  const send = options.send ?? notifyNewInquiry;
  const recipients =
    options.recipients ?? (async (configured: readonly string[]) => (configured.length > 0 ? [...configured] : activeAdviserEmails(await getDb())));

  let lastSentAt = Number.NEGATIVE_INFINITY;
  let waiting = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const inFlight = new Set<Promise<void>>();

  const enabled = (): NotifySettings | undefined => {
    const s = options.settings();
    return s.smtpUrl ? s : undefined;
  };

  const dispatch = (kind: NoticeKind) => {
    lastSentAt = now();
    const job = sendNotice(enabled, kind, { recipients, send, timeoutMs: options.timeoutMs });
    inFlight.add(job);
    void job.finally(() => inFlight.delete(job));
  };

  const flush = () => {
    timer = undefined;
    const count = waiting;
    waiting = 0;
    if (count > 0) dispatch(count === 1 ? 'one' : 'several');
  };

  return {
    trigger() {
      try {
        if (!enabled()) return;
        if (timer) {
          waiting++;
          return;
        }
        const wait = lastSentAt + windowMs - now();
        if (wait <= 0) {
          dispatch('one');
          return;
        }
        waiting = 1;
        timer = setTimeout(flush, wait);
        timer.unref?.();
      } catch (err) {
        log.error('inquiry.notify_failed', { code: 'config', name: err instanceof Error ? err.name : 'unknown' });
      }
    },
    async idle() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
    stop() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      waiting = 0;
      lastSentAt = Number.NEGATIVE_INFINITY;
    },
  };
}

/** The process's one notifier (see lib/process-wide.ts). */
export function processNotifier(): Notifier {
  return processWide('inquiry-notifier', () => createNotifier({ settings: notifySettingsFromEnv }));
}

/** Call once a new inquiry is stored. Returns at once; does nothing unless SMTP_URL is set. */
export function notifyFromEnv(): void {
  try {
    processNotifier().trigger();
  } catch {
    // trigger() catches its own errors; this only guards the submission against the unexpected.
  }
}
