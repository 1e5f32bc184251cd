import { describe, expect, it } from 'vitest';
import { historyMove, inOneEntrySection } from './one-history-entry';

const at = (path: string) => new URL(path, 'https://hjelpelinje.test');

describe('inOneEntrySection', () => {
  it('holds /unge and /chat and everything under them, nothing that only starts alike', () => {
    for (const path of ['/unge', '/unge/', '/unge/nar-noen-dor', '/unge/sok', '/chat', '/chat/']) expect(inOneEntrySection(path), path).toBe(true);
    for (const path of ['/', '/ungdom', '/chatten', '/personvern', '/tema/sorg', '/sok']) expect(inOneEntrySection(path), path).toBe(false);
  });
});

describe('historyMove', () => {
  it('replaces the entry for a move between children\'s pages and the chat, searches included', () => {
    expect(historyMove(at('/unge/nar-noen-dor'), at('/unge'))).toBe('replace');
    expect(historyMove(at('/chat'), at('/unge/sok?q=sorg'))).toBe('replace');
    expect(historyMove(at('/unge/sok?q=mamma'), at('/unge/sok?q=sorg'))).toBe('replace');
    // The root of UNGE_HOST shows the children's start page under the address /.
    expect(historyMove(at('/unge/nar-noen-dor'), at('/'))).toBe('replace');
  });

  it('keeps a jump on the same page off the history', () => {
    expect(historyMove(at('/unge#hovedinnhold'), at('/unge'))).toBe('in-page');
    expect(historyMove(at('/unge/sok?q=sorg#hovedinnhold'), at('/unge/sok?q=sorg'))).toBe('in-page');
  });

  it('leaves the adult site, other sites and other pages\' fragments to the browser', () => {
    expect(historyMove(at('/personvern'), at('/unge'))).toBe('browser');
    expect(historyMove(at('/?voksen'), at('/chat'))).toBe('browser');
    expect(historyMove(new URL('https://www.yr.no/'), at('/unge'))).toBe('browser');
    expect(historyMove(at('/tema/sorg#start'), at('/unge'))).toBe('browser');
    expect(historyMove(at('/unge/sok#hovedinnhold'), at('/unge/sok?q=sorg'))).toBe('replace');
  });
});
