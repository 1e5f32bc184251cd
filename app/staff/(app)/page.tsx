import Link from 'next/link';
import { requireStaff } from '@/lib/auth/staff-session';

export const metadata = { title: 'Oversikt' };

export default async function StaffHome() {
  const who = await requireStaff(['admin', 'adviser', 'chat_host']);
  return (
    <>
      <h1 className="text-3xl font-bold">Hei, {who.name}</h1>
      {who.role === 'chat_host' ? (
        <p className="mt-4">Chatkonsollen kommer her. Du har ikke tilgang til henvendelsene fra kontaktskjemaet.</p>
      ) : (
        <p className="mt-4">
          Gå til <Link href="/staff/henvendelser" className="text-brand-dark underline">henvendelsene</Link> for å lese og svare.
        </p>
      )}
    </>
  );
}
