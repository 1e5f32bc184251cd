import type { Metadata, Viewport } from 'next';
import './globals.css';
import { siteName } from '@/lib/site';

export const metadata: Metadata = {
  title: { default: siteName, template: `%s – ${siteName}` },
  description: 'Veiledning, kontakt og anonym chat for pårørende og for barn og unge.',
  referrer: 'no-referrer',
  robots: { index: true, follow: true },
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: '#1d5c63',
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="nb">
      <body className="min-h-screen bg-paper">{children}</body>
    </html>
  );
}
