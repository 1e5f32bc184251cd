import 'server-only';
import { randomBytes } from 'node:crypto';
import type { DbOrTx } from '@/db/client';
import { cancelByToken, type CancelOutcome } from '@/db/queries/course-bookings';
import { attachPayment, confirmPaid, dropUnpaidHold, dueCaptures, paidOrderOfBooking, paymentsToSettle, releaseHold, setOrderPaymentStatus, type PaidOrder, type PaidOutcome } from '@/db/queries/course-payments';
import { sendBookingMail } from '@/lib/courses/mail';
import { env } from '@/lib/env';
import { log } from '@/lib/log';
import { vippsClient, type PaymentState, type VippsClient } from '@/lib/payments/vipps';
import type { PaymentEvent } from '@/lib/payments/vipps-webhook';
import { processWide } from '@/lib/process-wide';

/**
 * Paying for a course seat with Vipps MobilePay, on top of the client (lib/payments/vipps.ts)
 * and the database (db/queries/course-payments.ts). Vipps is used only when all of VIPPS_*
 * is set; otherwise a paid seat is invoiced.
 *
 * What Vipps learns of a buyer: the amount, our reference (random, not derived from anything
 * about them) and one fixed description. Not the course's title either: what a relative's
 * course is about is theirs to tell.
 */
export const PAYMENT_DESCRIPTION = 'Kursplass hos Hjelpelinje';

/** The client, when Vipps is configured; undefined means paid seats are invoiced. */
export function vippsFromEnv(): VippsClient | undefined {
  const e = env();
  if (!e.VIPPS_BASE_URL || !e.VIPPS_CLIENT_ID || !e.VIPPS_CLIENT_SECRET || !e.VIPPS_SUBSCRIPTION_KEY || !e.VIPPS_MSN) return undefined;
  const config = { baseUrl: e.VIPPS_BASE_URL, clientId: e.VIPPS_CLIENT_ID, clientSecret: e.VIPPS_CLIENT_SECRET, subscriptionKey: e.VIPPS_SUBSCRIPTION_KEY, msn: e.VIPPS_MSN };
  // One client per process, so its access token is reused until it runs out.
  return processWide(`vipps-client:${config.baseUrl}:${config.msn}`, () => vippsClient(config));
}

/** Random, so it says nothing about the buyer or the course; Vipps accepts 8–64 of [A-Za-z0-9-]. */
const newPaymentReference = () => `kurs-${randomBytes(12).toString('hex')}`;

/** Where Vipps sends the buyer back: it carries only the payment's reference. */
const paymentReturnPath = (reference: string) => `/kurs/betaling/${reference}`;

export type Started = { ok: true; reference: string; url: string } | { ok: false; code: string };

/** Starts the payment of a seat: a reference, a Vipps payment, and where the buyer approves it. */
export async function createSeatPayment(client: VippsClient, { amountNok }: { amountNok: number }): Promise<Started> {
  const reference = newPaymentReference();
  const answer = await client.createPayment({
    reference,
    amountNok,
    description: PAYMENT_DESCRIPTION,
    returnUrl: `${env().SITE_URL}${paymentReturnPath(reference)}`,
    // The reference is new for each payment, so it is a good key: a retried call makes one payment.
    idempotencyKey: reference,
  });
  if (!answer.ok) {
    log.warn('course.payment_start_failed', { code: answer.code });
    return answer;
  }
  return { ok: true, reference, url: answer.redirectUrl };
}

/** A seat just held at sign-up gets its payment; if Vipps cannot start one, the hold is removed. */
export async function payForHeldSeat(db: DbOrTx, client: VippsClient, { bookingId, amountNok }: { bookingId: string; amountNok: number }): Promise<Started> {
  const started = await createSeatPayment(client, { amountNok });
  if (!started.ok) {
    await dropUnpaidHold(db, { bookingId });
    return started;
  }
  await attachPayment(db, { bookingId, reference: started.reference, url: started.url });
  return started;
}

/**
 * Acts on what Vipps says of a payment, from a webhook or from the status read on the buyer's
 * return (the same state may come both ways, in either order):
 * - reserved: the seat is confirmed and the order written, once; the confirmation is mailed.
 *   If the seat is gone, the reservation is cancelled at once: nothing is owed.
 * - aborted, expired, ended: the held seat is freed.
 */
export async function applyPaymentState(db: DbOrTx, client: VippsClient, { reference, state, now }: { reference: string; state: PaymentState; now: Date }): Promise<PaidOutcome | { kind: 'released' | 'waiting' }> {
  if (state === 'AUTHORIZED') {
    const outcome = await confirmPaid(db, { reference, now });
    if (outcome.kind === 'confirmed') {
      log.info('course.payment_confirmed');
      sendBookingMail(db, { bookingId: outcome.bookingId, kind: 'confirmation' });
    }
    if (outcome.kind === 'no_seat') {
      const cancelled = await client.cancel({ reference, idempotencyKey: `${reference}-cancel` });
      log.warn('course.payment_without_seat', { cancelled: cancelled.ok, code: cancelled.ok ? undefined : cancelled.code });
    }
    return outcome;
  }
  if (state === 'CREATED') return { kind: 'waiting' };
  await releaseHold(db, { reference, now });
  return { kind: 'released' };
}

/** A webhook that passed its signature check. Unknown references are ignored (answered 200). */
export async function applyPaymentEvent(db: DbOrTx, client: VippsClient, { event, now }: { event: PaymentEvent; now: Date }): Promise<void> {
  if (!event.success) return;
  switch (event.name) {
    case 'AUTHORIZED':
    case 'ABORTED':
    case 'EXPIRED':
    case 'TERMINATED':
      await applyPaymentState(db, client, { reference: event.reference, state: event.name, now });
      return;
    case 'CAPTURED':
      await setOrderPaymentStatus(db, { reference: event.reference, status: 'captured' });
      return;
    case 'CANCELLED':
      await releaseHold(db, { reference: event.reference, now });
      await setOrderPaymentStatus(db, { reference: event.reference, status: 'cancelled' });
      return;
    case 'REFUNDED':
      await setOrderPaymentStatus(db, { reference: event.reference, status: 'refunded' });
      return;
    case 'CREATED':
      return;
  }
}

/**
 * Before a paid seat is given up (by the participant, or with a cancelled session): a reserved
 * amount is released, a captured one is paid back. Returns false when Vipps could not be
 * reached or refused, and then nothing may change: the caller keeps the booking as it was.
 */
async function settleBeforeCancel(db: DbOrTx, client: VippsClient | undefined, { bookingId, heldReference }: { bookingId: string; heldReference?: string | null }): Promise<boolean> {
  const order = await paidOrderOfBooking(db, { bookingId });
  if (!order) {
    // A seat still waiting for its payment: the payment is ended too, as far as Vipps answers.
    // If it does not, an approval that comes later finds the booking cancelled and is cancelled then.
    if (heldReference && client) await client.cancel({ reference: heldReference, idempotencyKey: `${heldReference}-cancel` });
    return true;
  }
  if (!client) {
    log.error('course.payment_not_configured');
    return false;
  }
  return settleOrder(db, client, order);
}

/** Releases a reserved amount or pays back a captured one, and records it on the order. */
async function settleOrder(db: DbOrTx, client: VippsClient, order: PaidOrder): Promise<boolean> {
  const answer =
    order.status === 'reserved'
      ? await client.cancel({ reference: order.paymentReference, idempotencyKey: `${order.paymentReference}-cancel` })
      : await client.refund({ reference: order.paymentReference, amountNok: order.amountNok, idempotencyKey: `${order.paymentReference}-refund` });
  if (!answer.ok) {
    log.warn('course.payment_settle_failed', { code: answer.code, step: order.status === 'reserved' ? 'cancel' : 'refund' });
    return false;
  }
  await setOrderPaymentStatus(db, { reference: order.paymentReference, status: order.status === 'reserved' ? 'cancelled' : 'refunded' });
  return true;
}

/**
 * Releases or pays back every Vipps payment of a cancelled booking: right after staff cancel a
 * date or a course, and again on each run of the course clock for any that failed.
 */
export async function settleCancelledPayments(db: DbOrTx, client: VippsClient): Promise<{ settled: number; failed: number }> {
  let settled = 0;
  let failed = 0;
  for (const order of await paymentsToSettle(db)) {
    if (await settleOrder(db, client, order)) settled++;
    else failed++;
  }
  return { settled, failed };
}

/**
 * Charges the reserved amounts of courses that have started. Run by the course clock; a
 * capture that fails is tried again on the next run. Returns how many were captured.
 */
export async function captureDuePayments(db: DbOrTx, client: VippsClient, { now }: { now: Date }): Promise<{ captured: number; failed: number }> {
  let captured = 0;
  let failed = 0;
  for (const order of await dueCaptures(db, { now })) {
    const answer = await client.capture({ reference: order.paymentReference, amountNok: order.amountNok, idempotencyKey: `${order.paymentReference}-capture` });
    if (answer.ok && (await setOrderPaymentStatus(db, { reference: order.paymentReference, status: 'captured' }))) captured++;
    else if (!answer.ok) {
      failed++;
      log.warn('course.capture_failed', { code: answer.code });
    }
  }
  return { captured, failed };
}

/**
 * A participant gives up their booking through their link (cancelByToken's rules). A paid seat
 * is first settled with Vipps (the reservation released, or the amount paid back), and only
 * when that went through is the booking cancelled: if Vipps does not answer, nothing changes
 * and they can try again. The seat is offered to the first on the waiting list, who is told by
 * e-mail.
 */
export async function cancelOwnBooking(
  db: DbOrTx,
  client: VippsClient | undefined,
  { token, now }: { token: string; now: Date },
): Promise<Exclude<CancelOutcome, { ok: true }> | { ok: true; offered: string[]; paid: boolean }> {
  let paid = false;
  const result = await cancelByToken(db, {
    token,
    now,
    settle: (booking) => {
      paid = booking.payment === 'vipps' && booking.status === 'confirmed';
      return booking.payment === 'vipps' ? settleBeforeCancel(db, client, { bookingId: booking.id, heldReference: booking.paymentReference }) : Promise.resolve(true);
    },
  });
  if (!result.ok) return result;
  for (const id of result.offered) sendBookingMail(db, { bookingId: id, kind: 'offer' });
  return { ok: true, offered: result.offered, paid };
}
