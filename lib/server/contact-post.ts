import type { IncomingMessage } from 'node:http';
import { honeypotFilled, parsedInquiry, receiveInquiry } from '@/lib/inquiries/receive';
import { REFERENCE_ALPHABET } from '@/lib/inquiries/reference';
import { CLIENT_KEY_HEADER } from '@/lib/server/client-key-header';
import { pageFrames, type Frame } from '@/lib/server/page-frames';

/**
 * The contact form sent without JavaScript (as /kontakt always is: it is a document, with no
 * script to send it otherwise), received by this server instead of by Next's action round
 * and page render (issue 15): some 35–50 ms of CPU per inquiry, against a few here.
 *
 * Only the plain case is taken: a form that its rules accept, from a client within its limit,
 * while there is a fresh frame of the receipt page (page-frames.ts, cut from Next's own answer
 * to an inquiry). Then the inquiry is stored by the very code the action uses
 * (lib/inquiries/receive.ts) and the receipt is put in the frame. Everything else (a field to
 * correct, the limit reached, a robot's honeypot, a database away, no fresh frame) goes to Next
 * with the body as it came, and Next's action answers as it always has, with everything typed.
 */
const KEY = 'main|/kontakt';
const FORM_TYPES = /^(?:multipart\/form-data|application\/x-www-form-urlencoded)\b/i;
/** A reference as the receipt shows it (lib/inquiries/reference.ts), in its <strong>. */
const REFERENCE_IN_PAGE = new RegExp(`<strong[^>]*>([${REFERENCE_ALPHABET}]{4}-[${REFERENCE_ALPHABET}]{4})</strong>`);

/** A POST of the contact form as a browser sends it, to the main site, with its length declared. */
export function isPlainContactPost(req: IncomingMessage, youngHost: boolean): boolean {
  return (
    req.method === 'POST' &&
    req.url === '/kontakt' &&
    !youngHost &&
    req.headers['content-length'] !== undefined &&
    req.headers['next-action'] === undefined &&
    FORM_TYPES.test(req.headers['content-type'] ?? '')
  );
}

/** The receipt page's frame: learnt from Next's answers, used for the inquiries taken here. */
export function receiptFrames(receipt: (reference: string) => string, now?: () => number) {
  const frames = pageFrames(now);
  return {
    current: (): Frame | undefined => frames.current(KEY),
    /** Learns the frame from a page Next answered a contact form with, if it is a receipt. */
    learn(html: string): boolean {
      const reference = REFERENCE_IN_PAGE.exec(html)?.[1];
      return reference !== undefined && frames.learn(KEY, html, receipt(reference), [reference]);
    },
    receipt,
  };
}

/**
 * Receives the inquiry in a form's body when it is the plain case; undefined sends the form to
 * Next. Next's action reads its own fields (`$ACTION_…`) from the form; one without them is
 * not the contact form's, and is left to Next too.
 */
export async function receivedHere(req: IncomingMessage, body: Buffer): Promise<{ reference: string } | undefined> {
  let form: FormData;
  try {
    form = await new Request('http://127.0.0.1/kontakt', { method: 'POST', headers: { 'content-type': req.headers['content-type'] ?? '' }, body: new Uint8Array(body) }).formData();
  } catch {
    return undefined;
  }
  if (![...form.keys()].some((name) => name.startsWith('$ACTION_')) || honeypotFilled(form)) return undefined;
  const input = parsedInquiry(form);
  if (!input) return undefined;
  const clientKey = req.headers[CLIENT_KEY_HEADER];
  try {
    return await receiveInquiry(input, typeof clientKey === 'string' ? clientKey : 'unknown');
  } catch {
    // Refused (the limit) or failed (the database): nothing was stored, and Next's action,
    // trying again, gives the person its answer with everything they typed.
    return undefined;
  }
}
