/**
 * Reads what a test needs out of a raw e-mail as the local SMTP recorder received it: the
 * decoded text of an attached file, by its name. Enough MIME for our own mails (nodemailer's
 * base64, quoted-printable or plain parts), not a general parser.
 */
export function attachmentText(raw: string, filename: string): string | undefined {
  const boundaries = [...raw.matchAll(/boundary="?([^";\r\n]+)"?/gi)].map((m) => m[1]!);
  for (const boundary of boundaries) {
    for (const part of raw.split(`--${boundary}`)) {
      const split = part.indexOf('\r\n\r\n');
      if (split < 0) continue;
      const headers = part.slice(0, split);
      if (!new RegExp(`filename="?${filename.replace('.', '\\.')}"?`, 'i').test(headers)) continue;
      const body = part.slice(split + 4);
      const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(headers)?.[1]?.toLowerCase();
      if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
      if (encoding === 'quoted-printable') {
        const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
        return Buffer.from(bytes, 'latin1').toString('utf8');
      }
      return body;
    }
  }
  return undefined;
}

/** The addresses an e-mail was sent to, from the envelope line the recorder puts first. */
export function recipients(raw: string): string[] {
  const envelope = JSON.parse(raw.slice(0, raw.indexOf('\n'))) as { rcptTo?: { address: string }[] };
  return (envelope.rcptTo ?? []).map((r) => r.address);
}
