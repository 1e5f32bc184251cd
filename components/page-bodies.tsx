import { renderToString } from 'react-dom/server';
import { Receipt } from '@/components/contact/receipt';
import { SearchPage } from '@/components/search/search-page';
import type { PageBodies } from '@/lib/server/http-server';

/**
 * The middles of the pages our server makes in Next's frame (lib/server/page-frames.ts), as
 * React renders them alone: the same components Next renders in those pages, so the same HTML.
 * Only the server imports this; Next's pages never do (they may not render to a string).
 */
export const pageBodies: PageBodies = {
  search: new Map([
    ['/sok', (query: string) => renderToString(<SearchPage query={query} audience="adult" />)],
    ['/unge/sok', (query: string) => renderToString(<SearchPage query={query} audience="young" />)],
  ]),
  receipt: (reference: string) => renderToString(<Receipt reference={reference} />),
};
