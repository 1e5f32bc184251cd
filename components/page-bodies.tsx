import { renderToString } from 'react-dom/server';
import { Receipt } from '@/components/contact/receipt';
import { AdultSearch, YoungSearch } from '@/components/search/search-page';
import type { PageBodies } from '@/lib/server/http-server';

/**
 * The middles of the pages our server makes in Next's frame (lib/server/page-frames.ts), as
 * React renders them alone: the same components Next renders in those pages, so the same HTML.
 * Only the server imports this; Next's pages never do (they may not render to a string).
 */
export const pageBodies: PageBodies = {
  search: new Map([
    ['/sok', (query: string) => renderToString(<AdultSearch query={query} />)],
    ['/unge/sok', (query: string) => renderToString(<YoungSearch query={query} />)],
  ]),
  receipt: (reference: string) => renderToString(<Receipt reference={reference} />),
};
