import fs from 'node:fs';
import { runScript } from '../test/app';
import { expect, test } from '../test/fixtures';
import { addStaff, signIn } from '../test/staff-pages';

/**
 * The journal, end to end: an adviser writes a note from an inquiry, corrects it, and downloads
 * the person's copy (innsyn) with the whole history; an inquiry whose relative declined a journal
 * cannot get one; a chat host cannot read journals; and years later, when the purge has taken the
 * inquiry, the journal is still there, sealed at rest.
 */
const NAME = 'Kanari Journalsen';
const DETAILS = 'Født 1. mai 1980';
const FIRST = 'kanari-journal-forste-4b7e';
const CORRECTED = 'kanari-journal-rettet-9c2d';
const REASON = 'kanari-begrunnelse-1f8a';
const SECOND = 'kanari-journal-andre-6e0b';

type Dump = Record<string, Record<string, unknown>[]>;

test.describe('the journal', () => {
  test.setTimeout(240_000);

  test('written from an inquiry, corrected with its history, exported for innsyn, and kept through every purge @claim:journal-kopi @claim:journal-historikk @claim:journal-slettes-ikke', async ({ browser, page, contactPage: form, staffPage, axe, ownDatabase: db, startOwnApp }) => {
    const adviser = addStaff(db.env, { email: 'ada@example.org', role: 'adviser', name: 'Ada Rådgiver' });
    const host = addStaff(db.env, { email: 'vert@example.org', role: 'chat_host', name: 'Chris Vert' });
    const app = await startOwnApp({ PURGE_INTERVAL_MINUTES: '0' });
    const base = app.baseURL;

    // Two relatives write; the second declines a journal.
    await form.open(base);
    await form.fill({ name: 'Kari', email: 'kari@example.org', message: 'Jeg er redd for broren min.' });
    await form.choose();
    await form.send();
    const reference = await form.reference();
    await form.open(base);
    await form.fill({ name: 'Per', email: 'per@example.org', message: 'Jeg trenger råd.' });
    await form.choose();
    await page.getByLabel('Jeg vil ikke at det opprettes journal om meg').check();
    await form.send();
    const declinedReference = await form.reference();

    // The adviser writes a note from the first inquiry.
    await signIn(page, base, adviser);
    await page.goto(`${base}/staff/henvendelser`);
    await page.getByRole('link', { name: new RegExp(reference) }).click();
    await page.waitForURL(/henvendelser\/[0-9a-f-]{36}$/);
    await page.getByRole('link', { name: 'Skriv journal' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Skriv journal');
    await axe(page);
    await page.getByRole('button', { name: 'Lagre journalnotatet' }).click();
    await expect(page.locator('main').getByRole('alert')).toContainText('Skriv navnet til personen journalen gjelder.');
    await page.getByLabel('Personens navn').fill(NAME);
    await page.getByLabel(/Andre opplysninger som identifiserer personen/).fill(DETAILS);
    await page.getByLabel('Journalnotat').fill(FIRST);
    await page.getByRole('button', { name: 'Lagre journalnotatet' }).click();
    await expect(page.locator('main').getByRole('status')).toContainText('Journalnotatet er lagret');
    await page.getByRole('link', { name: 'Åpne journalen' }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Journal for ${NAME}`);
    await expect(page.getByText(DETAILS)).toBeVisible();
    await expect(page.getByText(FIRST)).toBeVisible();
    const journalPath = new URL(page.url()).pathname;
    await axe(page);

    // A correction: the new text shows, the old one stays in the history with who and why.
    await page.getByRole('link', { name: 'Rett notat 1' }).click();
    await expect(page.getByLabel('Rettet tekst')).toHaveValue(FIRST);
    await axe(page);
    await page.getByLabel('Rettet tekst').fill(CORRECTED);
    await page.getByLabel('Hvorfor notatet rettes').fill(REASON);
    await page.getByRole('button', { name: 'Lagre rettelsen' }).click();
    await expect(page.locator('main').getByRole('status')).toContainText('Notatet er rettet');
    await page.goto(base + journalPath);
    const entry = page.getByRole('article', { name: 'Notat 1' });
    await expect(entry).toContainText(CORRECTED);
    await expect(entry).toContainText('rettet én gang');
    await entry.getByText('Historikk (2 versjoner)').click();
    await expect(entry.getByText(FIRST)).toBeVisible();
    await expect(entry.getByText(`Begrunnelse for rettelsen: ${REASON}`)).toBeVisible();
    await expect(entry.getByText(/Versjon 2, .+, Ada Rådgiver/)).toBeVisible();
    await axe(page);

    // Without JavaScript, a second note from the same inquiry goes into the same journal.
    const noJs = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
    const noJsPage = await noJs.newPage();
    await noJsPage.goto(`${base}/staff/henvendelser`);
    await noJsPage.getByRole('link', { name: new RegExp(reference) }).click();
    await noJsPage.getByRole('link', { name: 'Skriv journal' }).click();
    await noJsPage.getByRole('link', { name: /Skriv i journalen opprettet/ }).click();
    await expect(noJsPage.getByLabel('Personens navn')).toHaveCount(0);
    await noJsPage.getByLabel('Journalnotat').fill(SECOND);
    await noJsPage.getByRole('button', { name: 'Lagre journalnotatet' }).click();
    await expect(noJsPage.locator('main').getByRole('status')).toContainText('Journalnotatet er lagret');
    await noJs.close();
    await page.reload();
    await expect(page.getByRole('article', { name: 'Notat 2' })).toContainText(SECOND);

    // The copy for innsyn holds the note as it reads now and its whole history.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Last ned journalen for innsyn' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^journal-innsyn-\d{4}-\d{2}-\d{2}\.txt$/);
    const copy = fs.readFileSync((await download.path())!, 'utf8');
    expect(copy).toContain(`Navn: ${NAME}`);
    expect(copy).toContain(`Andre opplysninger: ${DETAILS}`);
    expect(copy).toMatch(new RegExp(`Slik notatet lyder nå:\\n${CORRECTED}`));
    expect(copy).toMatch(new RegExp(`Versjon 1, .+, Ada Rådgiver \\(først skrevet\\)\\n${FIRST}`));
    expect(copy).toMatch(new RegExp(`Versjon 2, .+, Ada Rådgiver\\nBegrunnelse for rettelsen: ${REASON}\\n${CORRECTED}`));
    expect(copy).toMatch(new RegExp(`NOTAT 2\\n-------\\nKilde: henvendelse\\nSkrevet: .+ av Ada Rådgiver\\n\\nSlik notatet lyder nå:\\n${SECOND}`));

    // The list shows when each journal was started, and no name.
    await page.getByRole('navigation', { name: 'Ansattmeny' }).getByRole('link', { name: 'Journal' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Journal');
    await expect(page.getByRole('row')).toHaveCount(2);
    await expect(page.locator('main')).not.toContainText(NAME);
    await axe(page);

    // The inquiry is closed, so the purge will take it in three months.
    await page.goto(`${base}/staff/henvendelser`);
    await page.getByRole('link', { name: new RegExp(reference) }).click();
    await page.getByRole('button', { name: 'Avslutt kontakten' }).click();
    await expect(page.getByText(/Slettes \d+\. \w+ \d{4}/)).toBeVisible();

    // No journal from an inquiry whose relative declined one: no link, and the form refuses.
    await page.goto(`${base}/staff/henvendelser`);
    await page.getByRole('link', { name: new RegExp(declinedReference) }).click();
    await page.waitForURL(/henvendelser\/[0-9a-f-]{36}$/);
    await expect(page.getByText('Har reservert seg mot journal', { exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Skriv journal' })).toHaveCount(0);
    const declinedId = page.url().split('/').pop()!;
    await page.goto(`${base}/staff/journal/ny?kilde=henvendelse&id=${declinedId}`);
    await expect(page.getByRole('heading', { name: 'Personen har reservert seg mot journal' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Lagre journalnotatet' })).toHaveCount(0);
    await axe(page);

    // A chat host reads no journal, and cannot download one.
    const hostPage = await staffPage(base, host);
    await expect(hostPage.getByRole('link', { name: 'Journal', exact: true })).toHaveCount(0);
    for (const path of ['/staff/journal', journalPath]) expect((await hostPage.goto(base + path))?.status(), path).toBe(404);
    const refused = await hostPage.request.get(`${base}${journalPath}/innsyn`);
    expect(refused.status()).toBe(403);
    expect(await refused.text()).not.toContain(NAME);
    await hostPage.context().close();

    await app.stop();

    // At rest everything about the person is sealed; the access log holds the reads and writes, by id only.
    const atRest = runScript('test/dump-db.ts', [], db.env);
    expect(atRest.status).toBe(0);
    for (const canary of [NAME, DETAILS, FIRST, CORRECTED, REASON, SECOND]) expect(atRest.stdout).not.toContain(canary);
    const logged = (JSON.parse(atRest.stdout) as Dump)['public.access_log']!.filter((r) => r.object_type === 'journal').map((r) => r.action);
    expect(new Set(logged)).toEqual(new Set(['journal_write', 'journal_view', 'journal_correct', 'journal_export']));

    // Ten years on, after every purge: the inquiry is gone, the journal and its history are not.
    const later = new Date(Date.now() + 10 * 365 * 86_400_000);
    const purge = runScript('purge', ['--now', later.toISOString()], db.env);
    expect(purge.status).toBe(0);
    expect(JSON.parse(purge.stdout).rules[0]).toEqual({ rule: 'inquiries_3_months_after_closed', deleted: 1 });
    const after = JSON.parse(runScript('test/dump-db.ts', [], db.env).stdout) as Dump;
    expect(after['public.inquiries']!.map((r) => r.reference)).toEqual([declinedReference]);
    expect(after['public.journal_persons']).toHaveLength(1);
    expect(after['public.journal_entries']).toHaveLength(2);
    expect(after['public.journal_revisions']!.map((r) => [r.revision, typeof r.text, typeof r.reason]).sort()).toEqual([
      [1, 'string', 'object'],
      [1, 'string', 'object'],
      [2, 'string', 'string'],
    ]);
  });
});
