import net from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { createInquiry } from '@/db/queries/inquiries';
import { getVersionInForce } from '@/db/queries/privacy';
import { createStaff, disableStaff } from '@/db/queries/staff';
import { env } from '@/lib/env';
import { createNotifier, notifyFromEnv, notifyNewInquiry, processNotifier, type NotifyConfig } from '@/lib/inquiries/notify';
import { databaseTargets } from '@/test/database-targets';

// lib/env.ts does not have SMTP_URL, MAIL_FROM and ADVISER_NOTIFY_TO yet (its schema strips
// unknown keys). This stands in for those schema fields, passing the raw values through.
vi.mock('@/lib/env', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/env')>();
  return {
    ...actual,
    env: () => ({
      ...actual.env(),
      SMTP_URL: process.env.SMTP_URL,
      MAIL_FROM: process.env.MAIL_FROM,
      ADVISER_NOTIFY_TO: process.env.ADVISER_NOTIFY_TO,
    }),
  };
});

type Received = { from: string | undefined; to: string[]; raw: string };

/** A local SMTP server on 127.0.0.1 and a random port that keeps what it is sent. */
async function startSmtp() {
  const received: Received[] = [];
  let connections = 0;
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(_auth, _session, callback) {
      callback(null, { user: 'test' });
    },
    onConnect(_session, callback) {
      connections++;
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  const port = await new Promise<number>((resolve) => {
    const s = server.listen(0, '127.0.0.1', () => resolve((s.address() as net.AddressInfo).port));
  });
  return {
    port,
    received,
    connections: () => connections,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port nothing listens on: bound once by us, then released. */
async function closedPort(): Promise<number> {
  const s = net.createServer();
  const port = await new Promise<number>((resolve) => s.listen(0, '127.0.0.1', () => resolve((s.address() as net.AddressInfo).port)));
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

/** Undoes quoted-printable, so the check for canaries sees the text as written. */
function decodeQuotedPrintable(raw: string): string {
  const joined = raw.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined[i] === '=' ? joined.slice(i + 1, i + 3) : '';
    if (/^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i]!, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Every log line written while `fn` runs. */
async function captureLog(fn: () => Promise<unknown>): Promise<string[]> {
  const lines: string[] = [];
  const grab = (chunk: unknown) => {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    return true;
  };
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(grab);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(grab);
  try {
    await fn();
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return lines;
}

const waitFor = async (check: () => boolean, ms = 5_000) => {
  const until = Date.now() + ms;
  while (!check() && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
};

const canaries = {
  name: 'Kanarinavn Zqxw',
  email: 'kanari.zqxw@example.org',
  phone: '+4791234567',
  message: 'KANARI-MELDING-zqxw om noe svært privat',
};

function clearMailEnv() {
  delete process.env.SMTP_URL;
  delete process.env.MAIL_FROM;
  delete process.env.ADVISER_NOTIFY_TO;
}

describe.each(databaseTargets())('new inquiry notice on $name', (target) => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;

  beforeAll(async () => {
    await target.open();
    smtp = await startSmtp();
    const db = await getDb();
    const now = new Date();
    const add = (email: string, role: 'admin' | 'adviser' | 'chat_host', passwordHash: string | null = 'x') =>
      createStaff(db, { email, name: email, role, passwordHash, totpSecret: null, now });
    await add('leder@example.org', 'admin');
    await add('radgiver@example.org', 'adviser');
    await add('chatvert@example.org', 'chat_host');
    await add('uferdig@example.org', 'adviser', null);
    const { id } = await add('sluttet@example.org', 'adviser');
    await disableStaff(db, { id, now });
  });

  afterEach(() => {
    processNotifier().stop();
    clearMailEnv();
    smtp.received.length = 0;
  });

  afterAll(async () => {
    await smtp?.close();
    await target.close();
  });

  it('mails the active admins and advisers a link, and nothing from the inquiry', async () => {
    process.env.SMTP_URL = `smtp://bruker:hemmelig@127.0.0.1:${smtp.port}`;
    process.env.MAIL_FROM = 'Hjelpelinje <varsel@hjelpelinje.no>';
    const db = await getDb();
    const now = new Date();
    const version = await getVersionInForce(db, { now });
    const { reference } = await createInquiry(db, {
      input: { ...canaries, contactBy: 'epost', relation: 'sosken', audience: 'i-arbeidslivet', declineJournal: true },
      privacyVersion: version!.number,
      now,
    });

    // As the contact form's action does it: returns at once, the mail goes in the background.
    // Nothing to await, and no mail sent yet when it returns (the generous time bound only
    // catches slow work done in line, whatever else the machine is doing).
    const started = performance.now();
    expect(notifyFromEnv()).toBeUndefined();
    expect(smtp.received).toHaveLength(0);
    expect(performance.now() - started).toBeLessThan(1_000);
    await waitFor(() => smtp.received.length > 0);
    await processNotifier().idle();

    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.from).toBe('varsel@hjelpelinje.no');
    expect([...mail.to].sort()).toEqual(['leder@example.org', 'radgiver@example.org']);
    expect(mail.raw).toMatch(/^Subject: Ny henvendelse venter\r?$/m);
    expect(mail.raw).toMatch(/^Auto-Submitted: auto-generated\r?$/m);
    // The canary check below must read the body as written, so no part may be base64.
    expect(mail.raw).not.toMatch(/Content-Transfer-Encoding: base64/i);
    const text = decodeQuotedPrintable(mail.raw);
    expect(text).toContain(`${env().SITE_URL}/staff/henvendelser`);
    expect(text).toContain('En ny henvendelse venter på svar.');
    expect(text).toMatch(/Content-Type: text\/plain/);
    expect(text).toMatch(/Content-Type: text\/html/);
    for (const secret of [...Object.values(canaries), '91234567', reference, 'sosken', 'søsken', 'i-arbeidslivet', 'I arbeidslivet', 'bruker', 'hemmelig']) {
      expect(mail.raw).not.toContain(secret);
      expect(text).not.toContain(secret);
    }
  });

  it('sends to ADVISER_NOTIFY_TO instead, when it is set', async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
    process.env.ADVISER_NOTIFY_TO = ' Vakt@Example.org, fag@example.org ';
    notifyFromEnv();
    await waitFor(() => smtp.received.length > 0);
    await processNotifier().idle();
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toEqual(['vakt@example.org', 'fag@example.org']);
    expect(smtp.received[0]!.from).toBe('kontakt@hjelpelinje.no'); // MAIL_FROM unset: the contact address
  });

  it('coalesces a burst: one mail at once, nothing more within the window', async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
    for (let i = 0; i < 5; i++) notifyFromEnv();
    await waitFor(() => smtp.received.length > 0);
    await processNotifier().idle();
    await new Promise((r) => setTimeout(r, 200));
    expect(smtp.received).toHaveLength(1);
  });

  it('sends nothing without SMTP_URL', async () => {
    const before = smtp.connections();
    const lines = await captureLog(async () => {
      notifyFromEnv();
      await processNotifier().idle();
      await new Promise((r) => setTimeout(r, 200));
    });
    expect(smtp.connections()).toBe(before);
    expect(smtp.received).toEqual([]);
    expect(lines).toEqual([]);
  });

  it('does not throw when the SMTP server cannot be reached, and logs one line without the URL', async () => {
    const port = await closedPort();
    process.env.SMTP_URL = `smtp://bruker:hemmelig-passord@127.0.0.1:${port}`;
    process.env.ADVISER_NOTIFY_TO = 'vakt@example.org';
    const lines = await captureLog(async () => {
      expect(() => notifyFromEnv()).not.toThrow();
      await processNotifier().idle();
    });
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(entry).toMatchObject({ level: 'warn', event: 'inquiry.notify_failed' });
    expect(entry.code).toMatch(/^E[A-Z]+$/);
    for (const secret of ['hemmelig', 'bruker', 'smtp:', '127.0.0.1', String(port), 'vakt@example.org']) {
      expect(lines[0]).not.toContain(secret);
    }
  });
});

describe('notifyNewInquiry', () => {
  const base: Omit<NotifyConfig, 'smtpUrl'> = { from: 'varsel@hjelpelinje.no', to: ['vakt@example.org'], siteUrl: 'https://hjelpelinje.no/' };

  it('does nothing without an SMTP URL', async () => {
    await expect(notifyNewInquiry({ ...base, smtpUrl: undefined })).resolves.toBe('disabled');
    await expect(notifyNewInquiry({ ...base, smtpUrl: '' })).resolves.toBe('disabled');
  });

  it('gives up after its time limit when the server never answers', async () => {
    const silent = net.createServer(() => {}); // accepts, never greets
    const port = await new Promise<number>((resolve) => silent.listen(0, '127.0.0.1', () => resolve((silent.address() as net.AddressInfo).port)));
    try {
      let outcome: string | undefined;
      const started = Date.now();
      const lines = await captureLog(async () => {
        outcome = await notifyNewInquiry({ ...base, smtpUrl: `smtp://127.0.0.1:${port}`, timeoutMs: 300 });
      });
      expect(outcome).toBe('failed');
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('inquiry.notify_failed');
    } finally {
      silent.close();
    }
  });

  it('says "Det har kommet nye henvendelser" for several', async () => {
    const smtp = await startSmtp();
    try {
      await captureLog(() => notifyNewInquiry({ ...base, smtpUrl: `smtp://127.0.0.1:${smtp.port}`, kind: 'several' }));
      expect(smtp.received).toHaveLength(1);
      const text = decodeQuotedPrintable(smtp.received[0]!.raw);
      expect(text).toMatch(/^Subject: Nye henvendelser venter\r?$/m);
      expect(text).toContain('Det har kommet nye henvendelser');
      expect(text).toContain('https://hjelpelinje.no/staff/henvendelser');
    } finally {
      await smtp.close();
    }
  });
});

describe('coalescing', () => {
  afterEach(() => vi.useRealTimers());

  it('sends the first at once, then at most one per window saying how many (one or several)', async () => {
    vi.useFakeTimers({ now: new Date('2027-03-01T10:00:00Z') });
    const sent: string[] = [];
    const releases: (() => void)[] = [];
    const notifier = createNotifier({
      settings: () => ({ smtpUrl: 'smtp://127.0.0.1:1', from: 'a@example.org', configuredTo: ['b@example.org'], siteUrl: 'https://x.no' }),
      recipients: async (configured) => [...configured],
      // A send that hangs until released: trigger() must still return at once.
      send: (config) =>
        new Promise((resolve) => {
          sent.push(config.kind ?? 'one');
          releases.push(() => resolve('sent'));
        }),
    });

    notifier.trigger();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual(['one']);
    for (let i = 0; i < 4; i++) notifier.trigger();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sent).toEqual(['one']);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sent).toEqual(['one', 'several']);

    notifier.trigger(); // within the next window: waits for it, alone
    await vi.advanceTimersByTimeAsync(119_000);
    expect(sent).toEqual(['one', 'several']);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sent).toEqual(['one', 'several', 'one']);

    await vi.advanceTimersByTimeAsync(10 * 60_000);
    notifier.trigger(); // long after: at once
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual(['one', 'several', 'one', 'one']);
    releases.forEach((r) => r());
    await notifier.idle();
    notifier.stop();
  });

  it('never throws from trigger(), even when the configuration cannot be read', async () => {
    const notifier = createNotifier({
      settings: () => {
        throw new Error('Invalid configuration');
      },
    });
    const lines = await captureLog(async () => {
      expect(() => notifier.trigger()).not.toThrow();
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('"code":"config"');
  });
});
