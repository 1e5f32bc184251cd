import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getPage } from './net';
import { fileFor, nginxBinary, nginxConfig, startNginxServer } from './nginx-server';

/** The bench's nginx yardstick: one worker, loopback only, the page as a static file. */
describe('the nginx yardstick', () => {
  it('listens on 127.0.0.1 only, with one worker and no access log, and runs as root only when the bench does', () => {
    const config = nginxConfig({ dir: '/x', port: 4567, runAsRoot: false });
    expect(config).toContain('listen 127.0.0.1:4567;');
    expect(config).toContain('worker_processes 1;');
    expect(config).toContain('access_log off;');
    expect(config).not.toMatch(/^user /m);
    expect(nginxConfig({ dir: '/x', port: 4567, runAsRoot: true })).toMatch(/^user root;$/m);
  });

  it('puts each page where a static server finds it, without its query', () => {
    expect(fileFor('/r', '/')).toBe(path.join('/r', 'index.html'));
    expect(fileFor('/r', '/i-helsetjenesten/en-artikkel')).toBe(path.join('/r', 'i-helsetjenesten', 'en-artikkel', 'index.html'));
    expect(fileFor('/r', '/sok?q=sykdom')).toBe(path.join('/r', 'sok', 'index.html'));
  });

  it.skipIf(!nginxBinary())('serves the page\'s exact bytes, and is gone after close', async () => {
    const html = Buffer.from('<!doctype html><html lang="nb"><title>Prøve</title><p>Hei</p></html>');
    const server = (await startNginxServer('/unge/en-side', html))!;
    const page = await getPage(server.port, '/unge/en-side');
    expect(page.status).toBe(200);
    expect(page.body.equals(html)).toBe(true);
    await server.close();
    await expect(getPage(server.port, '/unge/en-side', 500)).rejects.toThrow();
  });
});
