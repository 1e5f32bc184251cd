/**
 * "Rask utgang": one click or the Escape key swaps this page for a neutral site. It uses
 * location.replace, so the Back button does not lead here again, and it clears what this site
 * kept in sessionStorage. The pages it is on run no React: the children's island
 * (components/unge/island.js) does this for the `data-quick-exit` link, from the first frame.
 * Without JavaScript it is an ordinary link.
 *
 * `endUrl`: on the chat, the open conversation is ended on the way out (a beacon survives the
 * page going away), so whoever opens the chat page next in this browser finds nothing.
 */
export function QuickExit({ href, endUrl }: { href: string; endUrl?: string }) {
  return (
    <a
      href={href}
      rel="noreferrer"
      data-quick-exit=""
      data-quick-exit-end={endUrl}
      className="fixed right-3 top-3 z-40 rounded-full bg-accent px-5 py-3 text-base font-bold text-white no-underline shadow-lg hover:bg-[#84331f]"
    >
      Rask utgang <span className="sr-only">(eller trykk Escape)</span>
    </a>
  );
}
