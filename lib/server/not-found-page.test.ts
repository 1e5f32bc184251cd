import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isEmptyErrorDocument, prerenderedNotFound } from '@/lib/server/not-found-page';

describe('the 404 page in place of an empty error document', () => {
  it('knows Next’s empty error document from a page', () => {
    expect(isEmptyErrorDocument('<!DOCTYPE html><html id="__next_error__"><head></head><body><div hidden=""></div></body></html>')).toBe(true);
    expect(isEmptyErrorDocument('<!DOCTYPE html><html lang="nb"><body><h1>Vi fant ikke siden</h1></body></html>')).toBe(false);
  });

  it('reads the prerendered 404 page of the build once, and answers undefined without one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hl-404-'));
    const read = prerenderedNotFound(dir);
    expect(read()).toBeUndefined();
    const file = path.join(dir, '.next', 'server', 'app', '_not-found.html');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '<html lang="nb"><h1>Vi fant ikke siden</h1></html>');
    expect(read()).toContain('Vi fant ikke siden');
    fs.writeFileSync(file, 'changed');
    expect(read(), 'kept from the first read').toContain('Vi fant ikke siden');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
