import type { Page } from '@playwright/test';
import { expect, test } from '../test/fixtures';
import { expectHydrated } from '../test/hydration';

/**
 * No page a visitor lands on makes the browser report a Content-Security-Policy issue: not a
 * refused script, and not a refused `eval`, which a library may try inside a try/catch (zod does,
 * to pick a faster parser) without printing anything. The browser's own list of issues is read
 * through the DevTools protocol (Audits.issueAdded), the list Lighthouse counts against "best
 * practices".
 */
const PAGES = ['/', '/i-helsetjenesten/rett-til-informasjon-som-parorende', '/unge/nar-noen-dor', '/kontakt', '/kurs', '/chat'];

async function cspIssuesOn(page: Page, path: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const issues: string[] = [];
  cdp.on('Audits.issueAdded', ({ issue }) => {
    if (issue.code === 'ContentSecurityPolicyIssue') {
      const d = issue.details.contentSecurityPolicyIssueDetails;
      issues.push(`${path}: ${d?.violatedDirective} ${d?.contentSecurityPolicyViolationType} ${d?.sourceCodeLocation?.url ?? d?.blockedURL ?? ''}`);
    }
  });
  await cdp.send('Audits.enable');
  await page.goto(path);
  await expectHydrated(page);
  await page.waitForTimeout(500);
  await cdp.detach();
  return issues;
}

test('the pages a visitor lands on, and a course sign-up, raise no Content-Security-Policy issue', async ({ page }) => {
  const issues: string[] = [];
  for (const path of PAGES) issues.push(...(await cspIssuesOn(page, path)));
  // A sign-up form, reached as a visitor reaches it.
  await page.goto('/kurs');
  await page.getByRole('link', { name: /Å stå i det over tid/ }).first().click();
  const signup = await page.getByRole('link', { name: /Meld deg på/ }).first().getAttribute('href');
  expect(signup).toMatch(/^\/kurs\/[a-z-]+\/pamelding\//);
  issues.push(...(await cspIssuesOn(page, signup!)));
  expect(issues).toEqual([]);
});
