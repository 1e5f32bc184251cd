import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RECIPE, recipeNginxConfig, renderRecipe } from './nginx-recipe';
import { makeFolders, nginxBinary } from './nginx-server';

const recipe = fs.readFileSync(RECIPE, 'utf8');
const values = { appPort: 3999, countPort: 4003, httpPort: 4001, port: 4002, dir: '/tmp/hl-x', tls: true };

describe('renderRecipe', () => {
  it('puts this machine\'s values in place of every example one, and keeps every rule', () => {
    const out = renderRecipe(recipe, values);
    expect(out).toContain('server 127.0.0.1:3999;');
    expect(out).toContain('listen 127.0.0.1:4002 ssl http2;');
    expect(out).toContain('listen 127.0.0.1:4001;');
    expect(out.match(/syslog:server=127\.0\.0\.1:4003,tag=hjelpelinje,nohostname hjelpelinje_count;/g)).toHaveLength(2);
    expect(out).not.toContain(':5140');
    expect(out).not.toMatch(/letsencrypt|\/var\/|\[::\]/);
    for (const rule of ['proxy_cache_bypass $hjelpelinje_has_cookie;', 'log_format hjelpelinje_count escape=json', 'proxy_buffering off;', 'client_max_body_size 512k;', 'access_log off;', 'proxy_set_header X-Forwarded-For $remote_addr;']) {
      expect(out).toContain(rule);
    }
    expect(renderRecipe(recipe, { ...values, tls: false })).toContain('listen 127.0.0.1:4002;');
  });

  it('refuses a recipe that no longer holds an example value, rather than run something else', () => {
    expect(() => renderRecipe(recipe.replace('listen 443 ssl http2;', 'listen 8443 ssl;'), values)).toThrow(/no longer holds "listen 443 ssl http2;"/);
    expect(() => renderRecipe(recipe.replaceAll('127.0.0.1:5140', '127.0.0.1:514'), values)).toThrow(/no longer holds "syslog:server=127.0.0.1:5140,"/);
  });

  it.skipIf(!nginxBinary())('is a configuration nginx loads', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hl-recipe-test-'));
    try {
      const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')]);
      expect(made.status).toBe(0);
      makeFolders(dir, ['cache']);
      fs.writeFileSync(path.join(dir, 'nginx.conf'), recipeNginxConfig(renderRecipe(recipe, { ...values, dir }), dir, process.getuid?.() === 0));
      const checked = spawnSync(nginxBinary()!, ['-t', '-p', dir, '-c', path.join(dir, 'nginx.conf')], { encoding: 'utf8' });
      expect(checked.status, checked.stderr).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
