import { log } from '@/lib/log';

/**
 * Frames of pages whose middle alone changes from one answer to the next (a search's answer,
 * a contact receipt): the bytes before and after that middle in a page Next rendered and this
 * server finished, kept for FRAME_MS so the server can make the next pages itself, putting
 * only a newly rendered middle inside (lib/server/search-page.ts, contact-post.ts).
 *
 * A frame is only ever cut out of Next's own page: around the middle rendered here for the
 * same input, found there exactly once, and kept only when none of the given words (what the
 * visitor typed, a reference) is left in it. Once FRAME_MS has passed, the next page goes to
 * Next again and a new frame is cut from it, so what is around the middle (the menu, the
 * footer) follows a change within that time. The privacy notice is put in per page
 * afterwards, as on every page.
 */
const FRAME_MS = 10_000;

export type Frame = { before: string; after: string };

export function pageFrames(now: () => number = Date.now) {
  const frames = new Map<string, Frame & { at: number }>();
  const mismatchLogged = new Set<string>();
  return {
    /** The fresh frame for `key`, or undefined when the next page must come from Next. */
    current(key: string): Frame | undefined {
      const frame = frames.get(key);
      return frame && now() - frame.at < FRAME_MS ? frame : undefined;
    },
    /**
     * Cuts the frame for `key` out of `html` around `middle`; false when it cannot (the middle
     * is not there once, or a word in `words` is left in the frame), and nothing is kept.
     */
    learn(key: string, html: string, middle: string, words: readonly string[]): boolean {
      const at = html.indexOf(middle);
      if (at < 0 || html.indexOf(middle, at + 1) >= 0) {
        // Next and React here render the middle differently: these pages keep coming from Next.
        if (!mismatchLogged.has(key)) log.warn('page_frame.mismatch', { page: key });
        mismatchLogged.add(key);
        return false;
      }
      const frame = { before: html.slice(0, at), after: html.slice(at + middle.length) };
      if (words.some((w) => containsWords(frame.before, w) || containsWords(frame.after, w))) return false;
      if (!frames.has(key)) log.info('page_frame.taken', { page: key });
      frames.set(key, { ...frame, at: now() });
      return true;
    },
  };
}

export const inFrame = (frame: Frame, middle: string) => frame.before + middle + frame.after;

/** Whether the words occur in the text as typed or as HTML would write them. */
function containsWords(text: string, words: string): boolean {
  const escaped = words.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');
  return text.includes(words) || text.includes(escaped);
}
