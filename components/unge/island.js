/**
 * The one script of the children's pages, and the first of the chat's. The server puts it,
 * whole, in the <head> of each of them (lib/server/document-pages.ts), in place of Next's
 * scripts, with a call that hands it `config`: { exit, storageKey, bands, sections }. It runs
 * before the page is drawn:
 *
 * - It marks <html> with data-js, and with data-alder when an age band is chosen in this tab,
 *   so the stylesheet shows that band's text from the first frame (app/globals.css).
 * - The age band lives in this tab's sessionStorage only: never in an address, cookie, form
 *   or request, and gone when the tab closes.
 * - Quick exit: the button or Escape clears sessionStorage and replaces this page with the
 *   neutral site, so Back does not return here; on the chat it also ends the running chat
 *   (the link's data-quick-exit-end). It listens from the first frame, before the body is read.
 * - Moves inside the children's pages and the chat (lib/one-history-entry.ts) replace the
 *   history entry instead of adding one.
 *
 * Without it every page still reads and works: all variants open one at a time, and the
 * quick exit is an ordinary link.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- the server's inline call runs it
function youngIsland(config) {
  var root = document.documentElement;
  root.setAttribute('data-js', '');

  function stored() {
    try {
      var value = window.sessionStorage.getItem(config.storageKey);
      return config.bands.indexOf(value) >= 0 ? value : null;
    } catch {
      return null;
    }
  }

  function show(band) {
    if (band) root.setAttribute('data-alder', band);
    else root.removeAttribute('data-alder');
    document.querySelectorAll('[data-choose-band]').forEach(function (button) {
      button.setAttribute('aria-pressed', String(button.getAttribute('data-choose-band') === band));
    });
    // For browsers whose stylesheet cannot open a closed <details>.
    document.querySelectorAll('details[data-variant]').forEach(function (details) {
      if (details.getAttribute('data-variant') === band) details.open = true;
    });
  }

  function choose(band) {
    try {
      if (band) window.sessionStorage.setItem(config.storageKey, band);
      else window.sessionStorage.removeItem(config.storageKey);
    } catch {
      // Without storage the choice lasts until the next page.
    }
    show(band);
    // The stylesheet swapped the status's text, which a live region does not announce;
    // putting its children back in does.
    var status = document.querySelector('[data-band-status]');
    if (status) status.replaceChildren.apply(status, Array.prototype.slice.call(status.childNodes));
    var panel = document.getElementById('bytt-alder');
    var toggle = document.querySelector('[data-change-band]');
    if (panel && toggle) {
      panel.hidden = true;
      toggle.setAttribute('aria-expanded', 'false');
    }
    // On a topic, the text under the heading changed: bring keyboard and screen-reader users to its start.
    var title = document.querySelector('[data-band-title][data-for-band="' + band + '"]');
    if (title) requestAnimationFrame(function () { title.focus(); });
  }

  function leave() {
    try {
      window.sessionStorage.clear();
    } catch {
      // Leaving still matters more.
    }
    // On the chat, the running conversation ends on the way out: a beacon outlives the page.
    var link = document.querySelector('[data-quick-exit-end]');
    if (link) {
      try {
        navigator.sendBeacon(link.getAttribute('data-quick-exit-end'));
      } catch {
        // Leaving still matters more.
      }
    }
    window.location.replace(config.exit);
  }

  function inSections(pathname) {
    return config.sections.some(function (section) {
      return pathname === section || pathname.indexOf(section + '/') === 0;
    });
  }

  function showInPage(hash) {
    var place = null;
    try {
      place = hash.length > 1 ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;
    } catch {
      // A malformed fragment names no place.
    }
    if (!place) return;
    place.scrollIntoView();
    place.focus({ preventScroll: true });
  }

  function onClick(event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    var target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    var chosen = target.closest('[data-choose-band]');
    if (chosen) return choose(chosen.getAttribute('data-choose-band'));
    if (target.closest('[data-clear-band]')) {
      var first = document.querySelector('[data-choose-band]');
      if (first) first.focus();
      return choose(null);
    }
    var toggle = target.closest('[data-change-band]');
    if (toggle) {
      var panel = document.getElementById('bytt-alder');
      var open = toggle.getAttribute('aria-expanded') !== 'true';
      toggle.setAttribute('aria-expanded', String(open));
      if (panel) panel.hidden = !open;
      return;
    }
    var link = target.closest('a[href]');
    if (!(link instanceof HTMLAnchorElement)) return;
    if (link.hasAttribute('data-quick-exit')) {
      event.preventDefault();
      return leave();
    }
    if ((link.target && link.target !== '_self') || link.hasAttribute('download')) return;
    var to = new URL(link.href);
    var here = new URL(window.location.href);
    if (to.origin !== here.origin) return;
    if (to.hash && to.pathname === here.pathname && to.search === here.search) {
      // A jump on the page (the skip link): no new entry, no fragment in the address.
      event.preventDefault();
      return showInPage(to.hash);
    }
    if (!inSections(to.pathname)) return;
    event.preventDefault();
    window.location.replace(to.href);
  }

  function onSubmit(event) {
    var form = event.target;
    if (event.defaultPrevented || !(form instanceof HTMLFormElement) || form.method !== 'get' || (form.target && form.target !== '_self')) return;
    var to = new URL(form.action);
    if (to.origin !== window.location.origin || !inSections(to.pathname)) return;
    event.preventDefault();
    var fields = [];
    new FormData(form, event.submitter).forEach(function (value, name) {
      if (typeof value === 'string') fields.push([name, value]);
    });
    to.search = new URLSearchParams(fields).toString();
    window.location.replace(to.href);
  }

  show(stored());
  document.addEventListener('DOMContentLoaded', function () { show(stored()); });
  // A page brought back from the back-forward cache shows the band as it is now.
  window.addEventListener('pageshow', function (event) { if (event.persisted) show(stored()); });
  window.addEventListener('click', onClick, true);
  window.addEventListener('submit', onSubmit);
  window.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && !event.defaultPrevented) leave();
  });
}
