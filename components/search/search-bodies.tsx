import { renderToString } from 'react-dom/server';
import { AdultSearch, YoungSearch } from '@/components/search/search-page';
import type { SearchBodies } from '@/lib/server/search-page';

/**
 * The body of each search page as our server renders it alone, for its frame
 * (lib/server/search-page.ts): React's HTML for the same component Next renders as the page.
 * Only the server imports this; Next's pages never do (they may not render to a string).
 */
export const searchBodies: SearchBodies = new Map([
  ['/sok', (query: string) => renderToString(<AdultSearch query={query} />)],
  ['/unge/sok', (query: string) => renderToString(<YoungSearch query={query} />)],
]);
