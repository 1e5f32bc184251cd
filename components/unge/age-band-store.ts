'use client';

import { useSyncExternalStore } from 'react';
import { isAgeBand, type AgeBand } from '@/lib/content/age-bands';

/**
 * The visitor's age band, kept in this tab's sessionStorage and nowhere else: it is never put
 * in a URL, cookie, form or request, and it is gone when the tab closes. Quick exit clears it
 * with the rest of the site's sessionStorage.
 */
const STORAGE_KEY = 'hjelpelinje.alder';
const CHANGED = 'hjelpelinje:alder';

function read(): AgeBand | null {
  try {
    const value = window.sessionStorage.getItem(STORAGE_KEY);
    return isAgeBand(value) ? value : null;
  } catch {
    // Storage can be switched off; the pages then show every variant, as without JavaScript.
    return null;
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener(CHANGED, onChange);
  window.addEventListener('storage', onChange);
  return () => {
    window.removeEventListener(CHANGED, onChange);
    window.removeEventListener('storage', onChange);
  };
}

/** The chosen band in the browser; null on the server, before hydration and when none is chosen. */
export function useAgeBand(): AgeBand | null {
  return useSyncExternalStore(subscribe, read, () => null);
}

/** Whether this render runs in the browser after hydration (false in the prerendered HTML). */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

function noSubscription(): () => void {
  return () => {};
}

export function chooseAgeBand(band: AgeBand | null): void {
  try {
    if (band) window.sessionStorage.setItem(STORAGE_KEY, band);
    else window.sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Without storage the choice cannot be kept; nothing else to do.
  }
  window.dispatchEvent(new Event(CHANGED));
}
