import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { isPlainContactPost, receiptFrames } from '@/lib/server/contact-post';

const post = (headers: Record<string, string>, url = '/kontakt', method = 'POST') =>
  ({ method, url, headers: { 'content-length': '100', 'content-type': 'multipart/form-data; boundary=x', ...headers } }) as unknown as IncomingMessage;

describe('isPlainContactPost', () => {
  it('takes the contact form as a browser without script posts it', () => {
    expect(isPlainContactPost(post({}), false)).toBe(true);
    expect(isPlainContactPost(post({ 'content-type': 'application/x-www-form-urlencoded' }), false)).toBe(true);
  });

  it('leaves every other request to Next', () => {
    expect(isPlainContactPost(post({}), true)).toBe(false);
    expect(isPlainContactPost(post({}, '/kontakt?x=1'), false)).toBe(false);
    expect(isPlainContactPost(post({}, '/kontakt', 'GET'), false)).toBe(false);
    expect(isPlainContactPost(post({ 'next-action': 'abc' }), false)).toBe(false);
    expect(isPlainContactPost(post({ 'content-type': 'application/json' }), false)).toBe(false);
    const chunked = post({});
    delete chunked.headers['content-length'];
    expect(isPlainContactPost(chunked, false)).toBe(false);
  });
});

describe('receiptFrames', () => {
  const receipt = (reference: string) => `<section><strong class="font-mono">${reference}</strong></section>`;
  const page = (reference: string) => `<html><body><nav>Meny</nav><main>${receipt(reference)}</main></body></html>`;

  it('learns the frame from Next\'s receipt and puts another receipt in it', () => {
    const frames = receiptFrames(receipt, () => 0);
    expect(frames.current()).toBeUndefined();
    expect(frames.learn(page('K7QM-3XHP'))).toBe(true);
    const frame = frames.current()!;
    expect(frame.before + frames.receipt('ABCD-2345') + frame.after).toBe(page('ABCD-2345'));
    expect(frame.before + frame.after).not.toContain('K7QM-3XHP');
  });

  it('learns nothing from a page that is not a receipt, or that holds its reference twice', () => {
    const frames = receiptFrames(receipt, () => 0);
    expect(frames.learn('<html><body><form>…</form></body></html>')).toBe(false);
    expect(frames.learn(page('K7QM-3XHP').replace('<nav>', '<nav>K7QM-3XHP'))).toBe(false);
    expect(frames.current()).toBeUndefined();
  });
});
