import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { getHold } from '@/db/queries/holds-admin';
import { requireStaff } from '@/lib/auth/staff-session';
import { appClock } from '@/lib/clock';
import { HoldConfirm } from '../../_components/hold-confirm';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Oppheve bevaringspålegg' };

export default async function ReleaseHoldPage({ params }: { params: Promise<{ id: string }> }) {
  await requireStaff(['admin']);
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const now = appClock().now();
  const hold = await getHold(await getDb(), { id: id.data, now });
  if (!hold) notFound();
  return <HoldConfirm kind="release" hold={hold} now={now} />;
}
