import { createHmac, randomBytes } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import { appClock, type Clock } from '@/lib/clock';

/**
 * Turns a client address into an opaque key for abuse limits.
 *
 * The product promises that no IP address is stored anywhere: not in tables, logs or job
 * payloads. Abuse limits still need to tell one client from another, so they key on
 * HMAC-SHA-256(key, normalised address) instead of the address itself. The HMAC key is 32
 * random bytes held in this process's memory only; it is never written to disk, a table, a
 * log or the environment, and it is replaced at every rotation boundary (by default each
 * day at midnight UTC, i.e. at multiples of `rotateEveryMs` since the epoch). Without the
 * key a client key cannot be turned back into an address (the IPv4 space is small enough to
 * enumerate, which is why a plain hash would not do), and once the key is gone yesterday's
 * client keys cannot be linked to today's: the same address yields an unrelated key.
 *
 * Rotation also means a client's counters start afresh at the boundary, so across one
 * boundary a client can get up to twice a limit. That is the price of unlinkability.
 *
 * Normalisation, so that one client gets one key:
 * - trim and lowercase; strip surrounding brackets, a port, and an IPv6 zone id (`%eth0`);
 * - IPv4-mapped IPv6 (`::ffff:203.0.113.7`) becomes the plain IPv4 address;
 * - other IPv6 addresses are reduced to their /64 prefix, because one device rotates its
 *   privacy addresses within a /64 and a per-address key would be trivial to dodge;
 * - anything empty or not an IP address becomes the literal `unknown` (one shared bucket).
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const KEY_BYTES = 32;
const OUTPUT_BYTES = 16;

export interface ClientKeyerOptions {
  clock: Clock;
  /** How long one HMAC key lives. Default 24 h, aligned to midnight UTC. */
  rotateEveryMs?: number;
}

export class ClientKeyer {
  readonly #clock: Clock;
  readonly #rotateEveryMs: number;
  #key: Buffer | undefined;
  #period = Number.NaN;

  constructor({ clock, rotateEveryMs = DAY_MS }: ClientKeyerOptions) {
    if (!Number.isFinite(rotateEveryMs) || rotateEveryMs <= 0) {
      throw new RangeError('rotateEveryMs must be a positive number of milliseconds');
    }
    this.#clock = clock;
    this.#rotateEveryMs = rotateEveryMs;
  }

  /** The opaque key for `address`: base64url of the first 16 bytes of the HMAC (22 characters). */
  keyFor(address: string): string {
    return createHmac('sha256', this.#currentKey())
      .update(normaliseAddress(address))
      .digest()
      .subarray(0, OUTPUT_BYTES)
      .toString('base64url');
  }

  #currentKey(): Buffer {
    const period = Math.floor(this.#clock.now().getTime() / this.#rotateEveryMs);
    if (!this.#key || period !== this.#period) {
      this.#key?.fill(0);
      this.#key = randomBytes(KEY_BYTES);
      this.#period = period;
    }
    return this.#key;
  }

  /** Keeps the key out of console.log and util.inspect output. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return 'ClientKeyer {}';
  }

  toJSON(): Record<string, never> {
    return {};
  }
}

/**
 * The address in the form that is hashed: dotted IPv4, `xxxx:xxxx:xxxx:xxxx::/64` for IPv6,
 * or `unknown`. Exported for tests; never log its result.
 */
export function normaliseAddress(address: string): string {
  let a = address.trim().toLowerCase();
  if (!a) return 'unknown';

  // "[v6]" or "[v6]:port", and "v4:port".
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed?.[1]) a = bracketed[1];
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(a);
  if (v4WithPort?.[1]) a = v4WithPort[1];

  const zone = a.indexOf('%');
  if (zone >= 0) a = a.slice(0, zone);

  if (isIPv4(a)) return canonicalIPv4(a);
  if (!isIPv6(a)) return 'unknown';

  const groups = parseIPv6(a);
  if (!groups) return 'unknown';
  const isV4Mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  if (isV4Mapped) {
    const hi = groups[6] ?? 0;
    const lo = groups[7] ?? 0;
    return [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff].join('.');
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}

function canonicalIPv4(a: string): string {
  return a
    .split('.')
    .map((octet) => String(Number(octet)))
    .join('.');
}

/** Eight 16-bit groups of a (valid, zone-free) IPv6 address, or null. */
function parseIPv6(a: string): number[] | null {
  let text = a;
  const tail: number[] = [];
  const lastColon = text.lastIndexOf(':');
  const last = text.slice(lastColon + 1);
  if (last.includes('.')) {
    if (!isIPv4(last)) return null;
    const [o1 = 0, o2 = 0, o3 = 0, o4 = 0] = last.split('.').map(Number);
    tail.push((o1 << 8) | o2, (o3 << 8) | o4);
    // Keep a trailing ':' when it belongs to '::' (e.g. '::ffff:1.2.3.4' -> '::ffff:').
    text = text.slice(0, lastColon + 1);
    if (text.endsWith(':') && !text.endsWith('::')) text = text.slice(0, -1);
  }

  const toGroups = (part: string): number[] =>
    part === '' ? [] : part.split(':').map((g) => Number.parseInt(g, 16));

  const want = 8 - tail.length;
  const halves = text.split('::');
  let groups: number[];
  if (halves.length === 1) {
    groups = toGroups(halves[0] ?? '');
    if (groups.length !== want) return null;
  } else if (halves.length === 2) {
    const head = toGroups(halves[0] ?? '');
    const rest = toGroups(halves[1] ?? '');
    const zeros = want - head.length - rest.length;
    if (zeros < 0) return null;
    groups = [...head, ...new Array<number>(zeros).fill(0), ...rest];
  } else {
    return null;
  }
  groups.push(...tail);
  if (groups.length !== 8 || groups.some((g) => !Number.isInteger(g) || g < 0 || g > 0xffff)) return null;
  return groups;
}

let keyer: ClientKeyer | undefined;

/**
 * The server's keyer on the app clock. Only our HTTP server (lib/server/request-guards.ts)
 * keys clients, outside Next's bundle, so one module copy holds it; the routes read the key
 * from the request header it sets.
 */
export function appClientKeyer(): ClientKeyer {
  return (keyer ??= new ClientKeyer({ clock: appClock() }));
}
