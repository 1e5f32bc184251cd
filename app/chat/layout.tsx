import { YoungFrame } from '@/components/unge/young-frame';

const footerLinks = [
  { href: '/unge', label: 'For barn og unge' },
  { href: '/unge/skjul-besoket', label: 'Skjul besøket ditt' },
  { href: '/unge/brukeravtale', label: 'Brukeravtale' },
  { href: '/personvern', label: 'Personvern' },
  { href: '/', label: 'Sidene for voksne' },
];

/** The chat's own frame: calm, with the quick-exit button (and Escape) always in reach. */
export default function ChatLayout({ children }: { children: React.ReactNode }) {
  return (
    <YoungFrame home={{ href: '/chat', label: 'Hjelpelinje – chat' }} quickExitEnd="/chat/api/avslutt" footerLinks={footerLinks}>
      {children}
    </YoungFrame>
  );
}
