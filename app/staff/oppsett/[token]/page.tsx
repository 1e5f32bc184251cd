import { getDb } from '@/db/client';
import { findStaffToken } from '@/db/queries/staff';
import { newTotpSecret, totpQrSvg, totpUri } from '@/lib/auth/totp';
import { appClock } from '@/lib/clock';
import { SetupForm } from './setup-form';

export const metadata = { title: 'Sett opp tilgang' };
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ token: string }> };

export default async function SetupPage({ params }: Props) {
  const { token } = await params;
  const link = /^[A-Za-z0-9_-]{20,100}$/.test(token) ? await findStaffToken(await getDb(), { token, now: appClock().now() }) : undefined;
  if (!link) {
    return (
      <main id="hovedinnhold" className="mx-auto max-w-xl px-4 py-12">
        <h1 className="text-3xl font-bold">Lenken virker ikke</h1>
        <p className="mt-4">Lenken er brukt, utløpt eller skrevet feil. Be en administrator om en ny lenke.</p>
      </main>
    );
  }
  const secret = newTotpSecret();
  const qr = await totpQrSvg(totpUri({ secret, account: 'Hjelpelinje' }));
  const title = link.purpose === 'first_admin' ? 'Opprett den første administratoren' : link.purpose === 'invite' ? 'Velkommen: sett opp tilgangen din' : 'Ny andre faktor';
  return (
    <main id="hovedinnhold" className="mx-auto max-w-xl px-4 py-12">
      <h1 className="text-3xl font-bold">{title}</h1>
      <SetupForm token={token} purpose={link.purpose} secret={secret} qrSvg={qr} />
    </main>
  );
}
