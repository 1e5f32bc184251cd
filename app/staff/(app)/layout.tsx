import Link from 'next/link';
import { getDb } from '@/db/client';
import { unreadCount } from '@/db/queries/inquiry-review';
import { SkipLink } from '@/components/skip-link';
import { requireStaff } from '@/lib/auth/staff-session';
import { appClock } from '@/lib/clock';
import { SignOutForm } from './_components/sign-out-form';

const adminLinks = [
  ['/staff/ansatte', 'Ansatte'],
  ['/staff/bevaring', 'Bevaringspålegg'],
  ['/staff/kategorier', 'Tema og utfall'],
  ['/staff/personvern', 'Personvernerklæringen'],
  ['/staff/tilgangslogg', 'Tilgangslogg'],
] as const;

const roleNames = { admin: 'administrator', adviser: 'fagkonsulent', chat_host: 'chattevert', course_admin: 'kursansvarlig' } as const;

export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const who = await requireStaff(['admin', 'adviser', 'chat_host', 'course_admin']);
  const seesInquiries = who.role === 'admin' || who.role === 'adviser';
  const unread = seesInquiries ? await unreadCount(await getDb(), { now: appClock().now() }) : 0;
  return (
    <>
      <SkipLink />
      <header className="border-b border-brand/20 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <Link href="/staff" className="text-xl font-bold text-brand-dark no-underline">Hjelpelinje for ansatte</Link>
          <nav aria-label="Ansattmeny">
            <ul className="flex flex-wrap items-center gap-4">
              {seesInquiries ? (
                <li>
                  <Link href="/staff/henvendelser" className="text-brand-dark underline">
                    Henvendelser{unread > 0 ? ` (${unread} uleste)` : ''}
                  </Link>
                </li>
              ) : null}
              {seesInquiries ? (
                <li>
                  <Link href="/staff/journal" className="text-brand-dark underline">Journal</Link>
                </li>
              ) : null}
              {seesInquiries ? (
                <li>
                  <Link href="/staff/statistikk" className="text-brand-dark underline">Statistikk</Link>
                </li>
              ) : null}
              {who.role === 'admin' || who.role === 'adviser' || who.role === 'course_admin' ? (
                <li>
                  <Link href="/staff/kurs" className="text-brand-dark underline">Kurs</Link>
                </li>
              ) : null}
              {who.role === 'admin' || who.role === 'chat_host' ? (
                <li>
                  <Link href="/staff/chat" className="text-brand-dark underline">Chat</Link>
                </li>
              ) : null}
              {who.role === 'admin'
                ? adminLinks.map(([href, label]) => (
                    <li key={href}>
                      <Link href={href} className="text-brand-dark underline">{label}</Link>
                    </li>
                  ))
                : null}
            </ul>
          </nav>
          <div className="flex items-center gap-3">
            <span>{who.name}, {roleNames[who.role]}</span>
            <SignOutForm />
          </div>
        </div>
      </header>
      <main id="hovedinnhold" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-8 focus:outline-none">
        {children}
      </main>
    </>
  );
}
