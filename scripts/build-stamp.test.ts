import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildIsCurrent, sourceHash, stampedBuild } from './build-stamp';

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

describe('stampedBuild', () => {
  const fakeBuild = () => {
    fs.mkdirSync(path.join(dir, '.next'), { recursive: true });
    fs.writeFileSync(path.join(dir, '.next', 'BUILD_ID'), 'x');
  };

  it('marks the build current when nothing changed while it ran', () => {
    expect(stampedBuild(dir, () => (fakeBuild(), true))).toBe(true);
    expect(buildIsCurrent(dir)).toBe(true);
  });

  it('a source saved during the build leaves it out of date, so the next start builds again', () => {
    stampedBuild(dir, () => {
      fakeBuild();
      fs.writeFileSync(path.join(dir, 'app', 'page.tsx'), 'export default function Page() { return <main />; }\n');
      return true;
    });
    expect(buildIsCurrent(dir)).toBe(false);
  });

  it('a failed build writes no stamp', () => {
    expect(stampedBuild(dir, () => (fakeBuild(), false))).toBe(false);
    expect(buildIsCurrent(dir)).toBe(false);
  });
});
