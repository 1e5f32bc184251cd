import type { BookingStatus, OrderStatus } from '@/db/schema';

/** A participant's state as course staff read it, from the booking and its order. */
export function participantStatus(status: BookingStatus, order: { status: OrderStatus } | null): string {
  if (status === 'confirmed') {
    if (!order) return 'Bekreftet';
    return { invoice: 'Bekreftet, til fakturering', captured: 'Bekreftet, betalt', reserved: 'Bekreftet, betaling reservert', cancelled: 'Bekreftet, betaling kansellert', refunded: 'Bekreftet, betaling refundert' }[order.status];
  }
  return { held: 'Venter på betaling', offered: 'Tilbudt ledig plass', waiting: 'Venteliste', cancelled: 'Avbestilt' }[status];
}
