'use client';

import { useEffect } from 'react';

/**
 * "Rask utgang": one click or the Escape key swaps this page for a neutral site. It uses
 * location.replace, so the Back button does not lead here again, and it clears what this site
 * kept in sessionStorage. Without JavaScript it is an ordinary link.
 *
 * Our server sends the pages it is on without React: there the children's island
 * (components/unge/island.js) does this for the `data-quick-exit` link, from the first frame,
 * and the handlers below never run. They are for a build started another way (`next start`,
 * a platform), which sends the pages as Next renders them, scripts and all, and no island.
 *
 * `endUrl`: on the chat, the open conversation is ended on the way out (a beacon survives the
 * page going away), so whoever opens the chat page next in this browser finds nothing.
 */
export function QuickExit({ href, endUrl }: { href: string; endUrl?: string }) {
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.key === 'Escape' && !event.defaultPrevented) leave(href, endUrl);
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [href, endUrl]);

  return (
    <a
      href={href}
      rel="noreferrer"
      data-quick-exit=""
      data-quick-exit-end={endUrl}
      onClick={(event) => {
        event.preventDefault();
        leave(href, endUrl);
      }}
      className="fixed right-3 top-3 z-40 rounded-full bg-accent px-5 py-3 text-base font-bold text-white no-underline shadow-lg hover:bg-[#84331f]"
    >
      Rask utgang <span className="sr-only">(eller trykk Escape)</span>
    </a>
  );
}

function leave(href: string, endUrl?: string) {
  try {
    window.sessionStorage.clear();
  } catch {
    // storage may be disabled; leaving still matters more
  }
  if (endUrl) {
    try {
      navigator.sendBeacon(endUrl);
    } catch {
      // leaving still matters more
    }
  }
  window.location.replace(href);
}
