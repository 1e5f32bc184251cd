'use client';

import type { AgeBand } from '@/lib/content/age-bands';
import { useAgeBand } from './age-band-store';

/** A short text with a wording per age band: the chosen band's in the browser, `fallback` otherwise. */
export function BandText({ texts, fallback }: { texts: Record<AgeBand, string>; fallback: AgeBand }) {
  const band = useAgeBand();
  return <>{texts[band ?? fallback]}</>;
}
