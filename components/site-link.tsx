import NextLink from 'next/link';
import type { ComponentProps } from 'react';

/**
 * The link of every public and children's page. Never prefetched: Next's Link would fetch each
 * linked page's data as the link scrolls into view, on a visitor's mobile data, for pages they
 * never open (e2e/page-weight.spec.ts). eslint keeps next/link out of those pages, so a new
 * link cannot bring prefetching back.
 */
export function Link(props: Omit<ComponentProps<typeof NextLink>, 'prefetch'>) {
  return <NextLink {...props} prefetch={false} />;
}
