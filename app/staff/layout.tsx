import type { Metadata } from 'next';

export const metadata: Metadata = { title: { default: 'For ansatte', template: '%s – Hjelpelinje for ansatte' }, robots: { index: false, follow: false } };

/** The staff area: no public shell and no privacy notice; each page checks its caller. */
export default function StaffRootLayout({ children }: { children: React.ReactNode }) {
  return <div className="min-h-screen bg-paper">{children}</div>;
}
