import { describe, expect, it } from 'vitest';
import { insertNotice, noticeReader } from '@/lib/server/privacy-notice';
import { PRIVACY_NOTICE_SLOT_ID } from '@/lib/site';

/** A read that answers from a queue, counting how often it was asked. */
function reads(...answers: (string | undefined)[]) {
  const read = async () => {
    read.calls += 1;
    return answers.shift();
  };
  read.calls = 0;
  return read;
}

describe('the privacy notice reader', () => {
  it('does not keep a failed read: the next request a second later reads again and gets the notice', async () => {
    let now = 0;
    const read = reads(undefined, '<section>ny</section>');
    const current = noticeReader(read, () => now);

    expect(await current()).toBeUndefined();
    now = 500;
    expect(await current()).toBeUndefined();
    expect(read.calls).toBe(1);
    now = 1_000;
    expect(await current()).toBe('<section>ny</section>');
    expect(read.calls).toBe(2);
  });

  it('keeps an answer ten seconds, and stands by it when a later read fails', async () => {
    let now = 0;
    const read = reads('<section>ny</section>', undefined, '');
    const current = noticeReader(read, () => now);

    expect(await current()).toBe('<section>ny</section>');
    now = 9_999;
    expect(await current()).toBe('<section>ny</section>');
    expect(read.calls).toBe(1);
    now = 10_000;
    expect(await current()).toBe('<section>ny</section>');
    now = 11_000;
    // The version took effect: no notice any more.
    expect(await current()).toBe('');
    expect(read.calls).toBe(3);
  });

  it('shares one read among requests that ask at the same time', async () => {
    const read = reads('<section>ny</section>');
    const current = noticeReader(read, () => 0);
    expect(await Promise.all([current(), current(), current()])).toEqual(Array(3).fill('<section>ny</section>'));
    expect(read.calls).toBe(1);
  });

  it('fills the slot only with a notice that was read', () => {
    const page = `<main><div id="${PRIVACY_NOTICE_SLOT_ID}"></div></main>`;
    expect(insertNotice(page, undefined)).toBe(page);
    expect(insertNotice(page, '')).toBe(page);
    expect(insertNotice(page, '<p>ny</p>')).toBe(`<main><div id="${PRIVACY_NOTICE_SLOT_ID}"><p>ny</p></div></main>`);
  });
});
