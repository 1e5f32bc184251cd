import type { MetadataRoute } from 'next';
import { DISALLOWED_PREFIXES } from '@/lib/crawl-rules';

/** The same for every host: on UNGE_HOST the children's pages keep their /unge/… paths. */
export default function robots(): MetadataRoute.Robots {
  return { rules: { userAgent: '*', allow: '/', disallow: [...DISALLOWED_PREFIXES] } };
}
