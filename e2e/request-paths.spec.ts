import http from 'node:http';
import { expect, test } from '../test/fixtures';

/**
 * Paths a browser would never send, sent raw (node:http leaves the path as written, where
 * fetch and Playwright would resolve `..` first): the server answers with its own calm page,
 * never Next's bare 500, and never a staff page by way of the static-file branch.
 */
type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

function rawGet(baseURL: string, path: string, method = 'GET'): Promise<Answer> {
  const { hostname, port } = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: hostname, port, path, method, headers: { connection: 'close' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function expectCalmPage(answer: Answer, status: number, heading: string) {
  expect(answer.status).toBe(status);
  expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
  expect(answer.headers['cache-control']).toBe('no-store');
  expect(answer.body).toContain(`<h1>${heading}</h1>`);
  expect(answer.body).toContain('Det er ikke noe du har gjort feil.');
  expect(answer.body).not.toContain('Internal Server Error');
  expect(answer.body).not.toContain('for ansatte');
  expect(answer.body).not.toMatch(/<script/i);
}

test.describe('malformed and dot-segment paths', () => {
  test.beforeEach(() => {
    test.skip(test.info().project.name === 'postgres', 'the answer never reaches the database');
  });

  for (const path of ['/%ZZ', '/a%', '/%E0%A4%A', '/%C0%AE%C0%AE/staff', '*', 'http://evil.example/staff/henvendelser']) {
    test(`${path} gets the 400 page`, async ({ baseURL }) => {
      const answer = await rawGet(baseURL!, path);
      expectCalmPage(answer, 400, 'Vi kunne ikke lese adressen');
      expect(answer.headers.location).toBeUndefined();
    });
  }

  for (const path of [
    '/_next/../staff/henvendelser',
    '/_next/%2e%2e/staff/henvendelser',
    '/_next/static/../../staff/henvendelser',
    '/favicon/../staff/henvendelser',
    '/unge/../staff',
    '/unge/%2e%2e/staff',
    '/staff/%2E%2E/kontakt',
    '/./staff',
    '/staff%2fhenvendelser',
    '/unge\\..\\staff',
  ]) {
    test(`${path} gets the 404 page`, async ({ baseURL }) => {
      expectCalmPage(await rawGet(baseURL!, path), 404, 'Vi fant ikke siden');
    });
  }

  test('a refused path answers a HEAD and a POST the same way', async ({ baseURL }) => {
    const head = await rawGet(baseURL!, '/_next/../staff/henvendelser', 'HEAD');
    expect(head.status).toBe(404);
    expect(head.body).toBe('');
    expect((await rawGet(baseURL!, '/%ZZ', 'POST')).status).toBe(400);
  });

  test('ordinary paths and odd search words still work', async ({ baseURL }) => {
    expect((await rawGet(baseURL!, '/kontakt')).status).toBe(200);
    const search = await rawGet(baseURL!, '/sok?q=%ZZ');
    expect(search.status).toBe(200);
    expect(search.body).toContain('Søk');
  });
});
