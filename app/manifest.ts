import type { MetadataRoute } from 'next';
import { siteName } from '@/lib/site';

/**
 * The web manifest. `display: 'browser'` on purpose: the site stays an ordinary page in the
 * browser, where the quick exit and the history are what a visitor expects, rather than asking
 * to become an app whose icon others could see on the visitor's phone.
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: `${siteName} – veiledning og chat for pårørende, barn og unge`,
    short_name: siteName,
    description: 'Veiledning, kontakt og anonym chat for pårørende og for barn og unge.',
    lang: 'nb',
    dir: 'ltr',
    start_url: '/',
    scope: '/',
    display: 'browser',
    background_color: '#fbf8f3',
    theme_color: '#1d5c63',
    icons: [
      { src: '/icon.svg', type: 'image/svg+xml', sizes: 'any', purpose: 'any' },
      { src: '/icons/icon-192.png', type: 'image/png', sizes: '192x192', purpose: 'any' },
      { src: '/icons/icon-512.png', type: 'image/png', sizes: '512x512', purpose: 'any' },
      { src: '/icons/maskable-512.png', type: 'image/png', sizes: '512x512', purpose: 'maskable' },
    ],
  };
}
