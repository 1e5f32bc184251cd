import path from 'node:path';
import { z } from 'zod';

const SECURITY_CONTACT_RULE =
  'SECURITY_CONTACT must be e-mail addresses or mailto:, https:// or tel: addresses, separated by commas';

/** An e-mail address becomes a mailto: URI; RFC 9116 allows only mailto:, https: and tel:. */
function contactUri(entry: string): string | undefined {
  if (z.email().safeParse(entry).success) return `mailto:${entry}`;
  if (/^mailto:/i.test(entry)) return z.email().safeParse(entry.slice(7)).success ? entry : undefined;
  if (/^tel:\+?[0-9][0-9-]*$/i.test(entry)) return entry;
  return /^https:\/\/[^\s/]+/i.test(entry) && URL.canParse(entry) ? entry : undefined;
}

/**
 * The one place that reads process.env. Parsed lazily so the start script can
 * generate missing secrets into the data folder before anything asks for them.
 */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  PGLITE_DIR: z.string().min(1).optional(),
  /**
   * The embedded database's buffer cache (PostgreSQL's shared_buffers). It is filled when the
   * database opens: 128 MB took about a second of every start here, which the tests, opening
   * hundreds of small databases, set lower.
   */
  PGLITE_SHARED_BUFFERS: z
    .string()
    .regex(/^[1-9][0-9]{0,5}(kB|MB|GB)$/, 'PGLITE_SHARED_BUFFERS must be a size such as 128MB')
    .default('128MB'),
  AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters').optional(),
  DATA_ENCRYPTION_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, 'DATA_ENCRYPTION_KEY must be 32 bytes in base64')
    .optional(),
  /** The public address of the site; unset, http://localhost:$PORT. */
  SITE_URL: z.string().url().optional(),
  CONTACT_EMAIL: z.string().email().default('kontakt@hjelpelinje.no'),
  PRIVACY_EMAIL: z.string().email().default('personvern@hjelpelinje.no'),
  /**
   * Where security problems are reported (the Contact lines of /.well-known/security.txt):
   * e-mail addresses or https:/mailto:/tel: addresses, comma-separated. Unset, CONTACT_EMAIL.
   */
  SECURITY_CONTACT: z
    .string()
    .optional()
    .transform((v) => (v ?? '').split(',').map((c) => c.trim()).filter(Boolean).map(contactUri))
    .refine((uris) => uris.every((u) => u !== undefined), SECURITY_CONTACT_RULE)
    .transform((uris) => uris as string[]),
  /** A host name (no scheme or port) whose root serves the children's site, e.g. unge.example.no. */
  UNGE_HOST: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]*[a-z0-9])?$/, 'UNGE_HOST must be a host name such as unge.example.no')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  QUICK_EXIT_URL: z.string().url().default('https://www.yr.no/'),
  TEST_CLOCK_START: z.iso.datetime({ offset: true }).optional(),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  PURGE_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(1440).default(15),
  ACCESS_LOG_RETENTION_DAYS: z.coerce.number().int().min(30).max(3650).default(730),
  /** Days a legal hold (with its police reference and reason) is kept after release or handover. */
  HOLD_RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(30),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(240).default(15),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(24).default(8),
  /** smtp://user:pass@host:587 or smtps://…; unset or empty turns e-mail off. Holds a password: never log it. */
  SMTP_URL: z.string().regex(/^(smtps?:\/\/\S+)?$/, 'SMTP_URL must start with smtp:// or smtps://').optional(),
  MAIL_FROM: z.string().min(3).optional(),
  /** Comma-separated; empty means all active admins and advisers. */
  ADVISER_NOTIFY_TO: z
    .string()
    .optional()
    .transform((v) => (v ?? '').split(',').map((a) => a.trim().toLowerCase()).filter(Boolean))
    .pipe(z.array(z.email('ADVISER_NOTIFY_TO must be e-mail addresses separated by commas'))),
  INQUIRY_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(5),
  /** Course sign-ups per client and hour (per instance, on a keyed hash): a family signs up a few, a robot many. */
  COURSE_SIGNUP_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(10),
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  DATA_ENCRYPTION_KEYS_OLD: z.string().optional(),
  /** The chat's opening hours until an admin sets them: `man-fre 14:00-22:00`, or `alltid`. */
  CHAT_HOURS: z.string().trim().min(1).default('man-fre 14:00-22:00'),
  /** Days an ended chat that was not flagged is kept. */
  CHAT_RETENTION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  COURSE_BOOKING_RETENTION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** An open chat with no message for this long is ended by the purge (the visitor has left). */
  CHAT_IDLE_HOURS: z.coerce.number().int().min(1).max(48).default(2),
  /** A chat waiting this many minutes without being taken alerts every available host and admin in the console. */
  CHAT_WAIT_ALERT_MINUTES: z.coerce.number().int().min(0).max(120).default(5),
  /** New chats per client per 12 hours (per instance; counted on a keyed hash, never the address). */
  CHAT_START_LIMIT: z.coerce.number().int().min(1).max(100_000).default(6),
  /** Event streams (visitors' and hosts') one instance holds open at most; more are refused. */
  SSE_MAX_STREAMS: z.coerce.number().int().min(1).max(100_000).default(1000),
  /**
   * Vipps MobilePay's ePayment API for paid course seats (lib/payments/vipps.ts). All five of
   * the first set turn it on; unset, a paid seat is confirmed on an invoice. VIPPS_BASE_URL is
   * https://apitest.vipps.no for Vipps's test environment and https://api.vipps.no in production.
   * The client secret, the subscription key and the webhook secret are secrets: never log them.
   */
  VIPPS_BASE_URL: z.string().url().optional().or(z.literal('').transform(() => undefined)),
  VIPPS_CLIENT_ID: z.string().optional(),
  VIPPS_CLIENT_SECRET: z.string().optional(),
  VIPPS_SUBSCRIPTION_KEY: z.string().optional(),
  VIPPS_MSN: z.string().regex(/^(\d{4,10})?$/, 'VIPPS_MSN must be the merchant serial number (digits)').optional(),
  /** The secret Vipps gave when our webhook (SITE_URL/api/vipps/webhook) was registered. */
  VIPPS_WEBHOOK_SECRET: z.string().optional(),
  /**
   * Page views and visits per day (lib/stats/); `off` for a bench run that compares. `proxy`
   * behind the nginx recipe (deploy/nginx/), which may answer a page from its short cache: it
   * sends the app a line for every request it answered, to VISIT_COUNT_PORT (UDP, on
   * 127.0.0.1), and the app counts only those lines, so no page is counted twice or not at all.
   */
  VISIT_COUNTING: z.enum(['on', 'off', 'proxy']).default('on'),
  /** The UDP port on 127.0.0.1 where the app takes nginx's count lines (VISIT_COUNTING=proxy only). */
  VISIT_COUNT_PORT: z.coerce.number().int().min(1).max(65535).default(5140),
}).superRefine((value, ctx) => {
  // The quick exit is a link and a location.replace(): a javascript: or data: address would run
  // in our page, and plain http: would let a network see where a visitor fled to.
  const protocols = value.NODE_ENV === 'development' ? ['https:', 'http:'] : ['https:'];
  if (!protocols.includes(new URL(value.QUICK_EXIT_URL).protocol)) {
    ctx.addIssue({ code: 'custom', path: ['QUICK_EXIT_URL'], message: QUICK_EXIT_URL_RULE });
  }
});

const QUICK_EXIT_URL_RULE =
  'QUICK_EXIT_URL must be an https:// address such as https://www.yr.no/ (http:// only when NODE_ENV=development)';

export type Env = Omit<z.infer<typeof schema>, 'SITE_URL'> & { SITE_URL: string; pgliteDir: string; dataDir: string };

let cached: Env | undefined;

export class EnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnvError';
  }
}

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new EnvError(`Invalid configuration: ${first?.path.join('.')}: ${first?.message}`);
  }
  const dataDir = path.resolve(/*turbopackIgnore: true*/ parsed.data.DATA_DIR);
  const pgliteDir = path.resolve(/*turbopackIgnore: true*/ parsed.data.PGLITE_DIR ?? path.join(dataDir, 'pglite'));
  // Without a trailing slash, so `${SITE_URL}/path` is one address.
  const siteUrl = (parsed.data.SITE_URL ?? `http://localhost:${parsed.data.PORT}`).replace(/\/+$/, '');
  cached = { ...parsed.data, SITE_URL: siteUrl, dataDir, pgliteDir };
  return cached;
}

/** Only for the start script, after it has put generated secrets into process.env. */
export function resetEnvCache(): void {
  cached = undefined;
}
