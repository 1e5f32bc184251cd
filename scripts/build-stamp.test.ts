import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sourceHash } from './build-stamp';

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hjelpelinje-stamp-'));
  fs.mkdirSync(path.join(dir, 'app'));
  fs.writeFileSync(path.join(dir, 'app', 'page.tsx'), 'export default function Page() { return null; }\n');
});

afterEach(() => {
  vi.unstubAllEnvs();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('sourceHash', () => {
  it('changes with a source file, but not with a test file', () => {
    const before = sourceHash(dir);
    fs.writeFileSync(path.join(dir, 'app', 'page.test.ts'), 'test\n');
    expect(sourceHash(dir)).toBe(before);
    fs.writeFileSync(path.join(dir, 'app', 'page.tsx'), 'export default function Page() { return <p />; }\n');
    expect(sourceHash(dir)).not.toBe(before);
  });

  it('changes with the settings baked into the static pages, so a changed quick-exit target is rebuilt', () => {
    vi.stubEnv('QUICK_EXIT_URL', 'https://www.yr.no/');
    const before = sourceHash(dir);
    vi.stubEnv('QUICK_EXIT_URL', 'https://www.nrk.no/');
    expect(sourceHash(dir)).not.toBe(before);
    vi.stubEnv('CONTACT_EMAIL', 'post@example.org');
    const withEmail = sourceHash(dir);
    vi.stubEnv('CONTACT_EMAIL', 'annen@example.org');
    expect(sourceHash(dir)).not.toBe(withEmail);
  });
});
