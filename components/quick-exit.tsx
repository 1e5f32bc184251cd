'use client';

import { useEffect } from 'react';

/**
 * "Rask utgang": one click or the Escape key swaps this page for a neutral site. It uses
 * location.replace, so the Back button does not lead here again, and it clears what this
 * site kept in sessionStorage. Without JavaScript it is an ordinary link.
 */
export function QuickExit({ href }: { href: string }) {
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.key === 'Escape' && !event.defaultPrevented) leave(href);
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [href]);

  return (
    <a
      href={href}
      rel="noreferrer"
      onClick={(event) => {
        event.preventDefault();
        leave(href);
      }}
      className="fixed right-3 top-3 z-40 rounded-full bg-accent px-5 py-3 text-base font-bold text-white no-underline shadow-lg hover:bg-[#84331f]"
    >
      Rask utgang <span className="sr-only">(eller trykk Escape)</span>
    </a>
  );
}

function leave(href: string) {
  try {
    window.sessionStorage.clear();
  } catch {
    // storage may be disabled; leaving still matters more
  }
  window.location.replace(href);
}
