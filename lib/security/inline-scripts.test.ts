import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inlineScriptHashes, isDataHandOver } from '@/lib/security/inline-scripts';

const hash = (s: string) => `sha256-${createHash('sha256').update(s).digest('base64')}`;

describe('isDataHandOver', () => {
  it.each([
    '(self.__next_f=self.__next_f||[]).push([0])',
    'self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n"])',
    '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/a.js"],"runtimeModuleIds":[1]});',
    '(self.__next_f=self.__next_f||[]).push([0]);self.__next_f.push([2,"a\\"])"]);',
  ])('accepts React and Next data: %s', (script) => {
    expect(isDataHandOver(script)).toBe(true);
  });

  it.each([
    'alert(1)',
    'self.__next_f.push([1]);alert(1);self.__next_f.push([2])',
    'self.__next_f.push([1,"x"].concat(fetch("/x")))',
    'self.__next_f.push(alert)',
    'self.__next_f.push([1]);alert(1)',
    'self.__next_f.push(["])"]);alert(1)',
    'self.__next_f.push([1]) alert(1)',
    '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"a":1}), alert(1)',
  ])('refuses anything that could run code: %s', (script) => {
    expect(isDataHandOver(script)).toBe(false);
  });
});

describe('inlineScriptHashes', () => {
  it('hashes the data scripts and counts the rest as refused', () => {
    const data = 'self.__next_f.push([1,"a"])';
    const html = `<html><head><script src="/_next/a.js" async=""></script></head><body><script>${data}</script><script>alert(1)</script><script id="x">${data}</script></body></html>`;
    const { hashes, refused } = inlineScriptHashes(html);
    expect(hashes).toEqual([hash(data)]);
    expect(refused).toBe(1);
  });

  it('hashes a known script of our own only when the page holds exactly that text', () => {
    const island = 'youngIsland({"exit":"https://example.org/"});';
    const html = `<head><script>${island}</script></head><body><script>${island} alert(1)</script></body>`;
    expect(inlineScriptHashes(html, [island])).toEqual({ hashes: [hash(island)], refused: 1 });
    expect(inlineScriptHashes(html)).toEqual({ hashes: [], refused: 2 });
  });
});
