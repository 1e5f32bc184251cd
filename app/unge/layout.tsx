import { LinkList } from '@/components/link-list';
import { HelpBox } from '@/components/unge/help-box';
import { YoungFrame } from '@/components/unge/young-frame';

const navigation = [
  { href: '/unge', label: 'Temaer' },
  { href: '/unge/sok', label: 'Søk' },
  { href: '/chat', label: 'Chat' },
  { href: '/unge/brukeravtale', label: 'Brukeravtale' },
] as const;

const footerLinks = [
  { href: '/unge/skjul-besoket', label: 'Skjul besøket ditt' },
  { href: '/unge/brukeravtale', label: 'Brukeravtale' },
  { href: '/personvern', label: 'Personvern' },
  // The query keeps this link on the adult front page where UNGE_HOST makes / the children's.
  { href: '/?voksen', label: 'Til sidene for voksne' },
];

/**
 * The children's site: warmer colours, bigger text, the quick-exit button (and Escape) on every
 * page, and the help numbers at the foot of every page.
 */
export default function YoungLayout({ children }: { children: React.ReactNode }) {
  const nav = (
    <nav aria-label="Meny for unge" className="mt-3">
      <LinkList
        items={navigation}
        className="flex flex-wrap gap-2 text-base"
        linkClassName="inline-block rounded-full bg-brand-light px-4 py-2 font-semibold text-brand-dark no-underline hover:underline"
      />
    </nav>
  );
  const helpNumbers = (
    <div className="mx-auto w-full max-w-3xl px-4 pb-8 text-lg">
      <HelpBox />
    </div>
  );
  return (
    <YoungFrame home={{ href: '/unge', label: 'Hjelpelinje for unge' }} nav={nav} beforeFooter={helpNumbers} footerLinks={footerLinks}>
      {children}
    </YoungFrame>
  );
}
