'use client';

import { useEffect } from 'react';
import { historyMove } from '@/lib/one-history-entry';

/**
 * Keeps the chat in the one entry of the browser's history it shares with the children's
 * pages (see lib/one-history-entry.ts; those pages run components/unge/island.js instead).
 * A move replaces the entry with a full load of the new page, since the children's pages are
 * sent without Next's scripts and cannot be shown by Next's router. It listens on the whole
 * window, so every link counts: Next's Links, the plain anchors, the search form. A Link is
 * caught in the capture phase, before its own handler would push an entry (it stands back
 * from a click whose default is already prevented); a form in the bubble phase, after a
 * handler of its own (the chat's composer) had its say. A click with a modifier key, for a new
 * tab or a download, is left to the browser. Without JavaScript none of this runs.
 */
export function OneHistoryEntry() {
  useEffect(() => {
    function onClick(event: MouseEvent) {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (!(link instanceof HTMLAnchorElement) || opensElsewhere(link.target) || link.hasAttribute('download')) return;
      const target = new URL(link.href);
      const move = historyMove(target, new URL(window.location.href));
      if (move === 'browser') return;
      event.preventDefault();
      if (move === 'in-page') showInPage(target.hash);
      else window.location.replace(target.href);
    }

    function onSubmit(event: SubmitEvent) {
      const form = event.target;
      if (event.defaultPrevented || !(form instanceof HTMLFormElement) || form.method !== 'get' || opensElsewhere(form.target)) return;
      const target = new URL(form.action);
      if (historyMove(target, new URL(window.location.href)) !== 'replace') return;
      event.preventDefault();
      const fields = [...new FormData(form, event.submitter)].flatMap(([name, value]) => (typeof value === 'string' ? [[name, value]] : []));
      target.search = new URLSearchParams(fields).toString();
      window.location.replace(target.href);
    }

    window.addEventListener('click', onClick, { capture: true });
    window.addEventListener('submit', onSubmit);
    return () => {
      window.removeEventListener('click', onClick, { capture: true });
      window.removeEventListener('submit', onSubmit);
    };
  }, []);

  return null;
}

function opensElsewhere(target: string): boolean {
  return target !== '' && target !== '_self';
}

/** A jump on the page (the skip link) without a new entry or a fragment in the address. */
function showInPage(hash: string) {
  let place: HTMLElement | null = null;
  try {
    place = hash.length > 1 ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;
  } catch {
    // A malformed fragment names no place.
  }
  if (!place) return;
  place.scrollIntoView();
  place.focus({ preventScroll: true });
}
