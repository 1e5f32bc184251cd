import { holdConfirmPage } from '../../_components/hold-confirm';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Marker som utlevert' };

export default function HandOverPage({ params }: { params: Promise<{ id: string }> }) {
  return holdConfirmPage('handover', params);
}
