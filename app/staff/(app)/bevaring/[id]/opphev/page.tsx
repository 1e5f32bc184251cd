import { holdConfirmPage } from '../../_components/hold-confirm';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Oppheve bevaringspålegg' };

export default function ReleaseHoldPage({ params }: { params: Promise<{ id: string }> }) {
  return holdConfirmPage('release', params);
}
