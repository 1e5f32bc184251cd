/**
 * The pure side of the course sign-up bench (scripts/bench/course-signup.ts): telling a receipt
 * from any other answer, and checking after the run that the database gave no seat too many.
 */

/** The receipt's heading (app/(public)/kurs/[slug]/pamelding/[session]/_components/signup-receipt.tsx). */
const RECEIPTS = { confirmed: 'Du er påmeldt', waiting: 'Du står på ventelisten' } as const;

export type ReceiptKind = keyof typeof RECEIPTS;

/**
 * Which receipt a sign-up's answer is, or null when it is none (an error page, the form sent
 * back with its errors, a refusal). Only the receipt's own heading counts, not the same words
 * elsewhere: a full date's form is headed «Sett meg på ventelisten».
 */
export function receiptOf(html: string): ReceiptKind | null {
  const heading = /<h1\b[^>]*\bid="kvittering"[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1]?.trim();
  if (heading === RECEIPTS.confirmed) return 'confirmed';
  if (heading === RECEIPTS.waiting) return 'waiting';
  return null;
}

export type SignupCounts = {
  capacity: number;
  /** Receipts the clients got, by kind. */
  receipts: Record<ReceiptKind, number>;
  /** Read from the database after the run. */
  rows: { seatsTaken: number; confirmed: number; waiting: number; other: number };
  /** Orders written for the date; null for a free course, which writes none. */
  orders: number | null;
};

export type SignupCheck = { overbooked: boolean; passed: boolean; failed: string[] };

/**
 * What an auditor would check after the run. `overbooked`: more seats went out than the date
 * has, by any count (seats taken, confirmed rows, orders, confirmed receipts). `passed`: every
 * count agrees: each receipt is one booking, the first `capacity` got seats and the rest the
 * queue, each seat on an invoice has its order, and each client told «påmeldt» holds a seat.
 * A request that timed out but was stored shows here as a booking without a receipt.
 */
export function checkSignups({ capacity, receipts, rows, orders }: SignupCounts): SignupCheck {
  const received = receipts.confirmed + receipts.waiting;
  const failed: string[] = [];
  const expect = (ok: boolean, what: string) => {
    if (!ok) failed.push(what);
  };
  expect(rows.seatsTaken <= capacity, `seats taken ${rows.seatsTaken} > capacity ${capacity}`);
  expect(rows.confirmed === Math.min(capacity, received), `confirmed ${rows.confirmed} ≠ min(capacity ${capacity}, receipts ${received})`);
  expect(rows.confirmed + rows.waiting === received, `confirmed ${rows.confirmed} + waiting ${rows.waiting} ≠ receipts ${received}`);
  expect(rows.other === 0, `bookings neither confirmed nor waiting: ${rows.other}`);
  expect(receipts.confirmed === rows.confirmed, `receipts «påmeldt» ${receipts.confirmed} ≠ confirmed ${rows.confirmed}`);
  if (orders !== null) expect(orders === rows.confirmed, `orders ${orders} ≠ confirmed ${rows.confirmed}`);
  const overbooked = Math.max(rows.seatsTaken, rows.confirmed, orders ?? 0, receipts.confirmed) > capacity;
  return { overbooked, passed: failed.length === 0, failed };
}
