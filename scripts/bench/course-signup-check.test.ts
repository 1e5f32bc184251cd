import { describe, expect, it } from 'vitest';
import { checkSignups, receiptOf, type SignupCounts } from './course-signup-check';

describe('receiptOf', () => {
  const receipt = (heading: string) => `<main><section aria-labelledby="kvittering"><h1 id="kvittering" tabindex="-1" class="text-3xl">${heading}</h1><dl></dl></section></main>`;

  it('tells a seat from a place in the queue by the receipt heading', () => {
    expect(receiptOf(receipt('Du er påmeldt'))).toBe('confirmed');
    expect(receiptOf(receipt('Du står på ventelisten'))).toBe('waiting');
  });

  it('is null for the form sent back, a full date and an error page', () => {
    expect(receiptOf('<h1 class="text-3xl font-bold">Meld deg på</h1><div role="alert">Noe i skjemaet må rettes</div>')).toBeNull();
    expect(receiptOf('<h1 class="text-3xl font-bold">Sett meg på ventelisten</h1><p>Du står på ventelisten når du har sendt skjemaet.</p>')).toBeNull();
    expect(receiptOf('<h1>Noe gikk galt</h1><p>Du er påmeldt?</p>')).toBeNull();
    expect(receiptOf(receipt('Noe annet'))).toBeNull();
  });
});

describe('checkSignups', () => {
  // 2,000 sign-ups for 200 seats on an invoiced date, every one answered and stored.
  const good: SignupCounts = {
    capacity: 200,
    receipts: { confirmed: 200, waiting: 1800 },
    rows: { seatsTaken: 200, confirmed: 200, waiting: 1800, other: 0 },
    orders: 200,
  };
  const with_ = (change: (c: SignupCounts) => void): SignupCounts => {
    const copy = structuredClone(good);
    change(copy);
    return copy;
  };

  it('passes when every receipt is one booking, the seats are full and each has its order', () => {
    expect(checkSignups(good)).toEqual({ overbooked: false, passed: true, failed: [] });
    expect(checkSignups({ ...good, orders: null })).toEqual({ overbooked: false, passed: true, failed: [] });
  });

  it('passes with fewer sign-ups than seats, all of them seated', () => {
    const few = { capacity: 200, receipts: { confirmed: 50, waiting: 0 }, rows: { seatsTaken: 50, confirmed: 50, waiting: 0, other: 0 }, orders: 50 };
    expect(checkSignups(few).passed).toBe(true);
  });

  it('reports overbooked when one seat too many went out, by any count', () => {
    const seated = checkSignups(with_((c) => ((c.rows.seatsTaken = 201), (c.rows.confirmed = 201), (c.rows.waiting = 1799))));
    expect(seated.overbooked).toBe(true);
    expect(seated.failed).toContain('seats taken 201 > capacity 200');
    expect(checkSignups(with_((c) => (c.orders = 201))).overbooked).toBe(true);
    expect(checkSignups(with_((c) => ((c.receipts.confirmed = 201), (c.receipts.waiting = 1799)))).overbooked).toBe(true);
  });

  it('fails without overbooking when a booking has no receipt, a seat stays empty or an order is missing', () => {
    const unanswered = checkSignups(with_((c) => (c.rows.waiting = 1801)));
    expect(unanswered).toEqual({ overbooked: false, passed: false, failed: ['confirmed 200 + waiting 1801 ≠ receipts 2000'] });
    const empty = checkSignups(with_((c) => ((c.rows.seatsTaken = 199), (c.rows.confirmed = 199), (c.rows.waiting = 1801), (c.orders = 199))));
    expect(empty.overbooked).toBe(false);
    expect(empty.failed).toEqual(['confirmed 199 ≠ min(capacity 200, receipts 2000)', 'receipts «påmeldt» 200 ≠ confirmed 199']);
    expect(checkSignups(with_((c) => (c.orders = 199))).failed).toEqual(['orders 199 ≠ confirmed 200']);
    expect(checkSignups(with_((c) => ((c.rows.waiting = 1799), (c.rows.other = 1)))).failed).toEqual(['confirmed 200 + waiting 1799 ≠ receipts 2000', 'bookings neither confirmed nor waiting: 1']);
  });
});
