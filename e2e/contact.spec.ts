import { runScript } from '../test/app';
import { expect, test } from '../test/fixtures';

const REFERENCE = /^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/;

test.describe('contact form', () => {
  test('says what is stored, for how long, and about the journal, before any field @claim:kontaktskjema-sier-fra-forst', async ({ page }) => {
    await page.goto('/kontakt');
    const notice = page.getByRole('region', { name: 'Før du skriver: dette lagrer vi' });
    await expect(notice).toContainText('tre måneder etter at kontakten med deg er avsluttet');
    await expect(notice).toContainText('Du kan si nei til journal');
    const noticeBox = await notice.boundingBox();
    const firstField = await page.getByLabel('Navn (må fylles ut)').boundingBox();
    expect(noticeBox!.y).toBeLessThan(firstField!.y);
  });

  test('a relative sends an inquiry and gets a receipt', async ({ page, contactPage: form, axe }) => {
    await form.open();
    await axe(page);
    await form.fill({ name: 'Kari', email: 'kari@example.org', message: 'Min far er syk, og jeg vet ikke hva jeg skal si til barna.' });
    await form.choose();
    await form.send();
    expect(await form.reference()).toMatch(REFERENCE);
    await expect(page.getByText('Vi sletter henvendelsen og notatene om den tre måneder etter')).toBeVisible();
    await axe(page);
  });

  test('errors are listed at the top, shown by each field, and nothing typed is lost', async ({ page, contactPage: form, axe }) => {
    await form.open();
    await form.fill({ name: 'Ola', phone: '12', message: 'Hei' });
    await page.getByLabel('Jeg vil ikke at det opprettes journal om meg').check();
    await form.send();

    const summary = page.locator('#feiloppsummering').locator('..');
    await expect(summary).toContainText('Noe i skjemaet må rettes');
    await expect(summary.getByRole('link', { name: /Telefon: Skriv et telefonnummer/ })).toHaveAttribute('href', '#phone');
    await expect(summary.getByRole('link', { name: /Hvordan vil du at vi tar kontakt/ })).toBeVisible();
    await expect(summary).toBeFocused();
    const phone = page.getByLabel('Telefon', { exact: true });
    await expect(phone).toHaveAttribute('aria-invalid', 'true');
    await expect(phone).toHaveAccessibleDescription(/Skriv et telefonnummer med 8 siffer/);
    await expect(page.getByLabel('Navn (må fylles ut)')).toHaveValue('Ola');
    await expect(phone).toHaveValue('12');
    await expect(page.getByLabel('Din melding (må fylles ut)')).toHaveValue('Hei');
    await expect(page.getByLabel('Jeg vil ikke at det opprettes journal om meg')).toBeChecked();
    await axe(page);

    await summary.getByRole('link', { name: /Telefon:/ }).click();
    await expect(phone).toBeFocused();
    await phone.fill('+47 912 34 567');
    await form.choose({ contactBy: 'Ring meg' });
    await form.send();
    expect(await form.reference()).toMatch(REFERENCE);
  });

  test('a message over 5,000 characters gets a clear message, and is kept', async ({ page, contactPage: form }) => {
    await form.open();
    const long = 'ø'.repeat(5001);
    await form.fill({ name: 'Kari', email: 'kari@example.org' });
    await page.getByLabel('Din melding (må fylles ut)').evaluate((el, v) => {
      el.removeAttribute('maxlength');
      (el as HTMLTextAreaElement).value = v;
    }, long);
    await form.choose();
    await form.send();
    await expect(page.locator('#feiloppsummering').locator('..')).toContainText('Meldingen kan ha høyst 5 000 tegn.');
    await expect(page.getByLabel('Din melding (må fylles ut)')).toHaveValue(long);
  });

  test('control characters are refused with a message', async ({ page, contactPage: form }) => {
    await form.open();
    await form.fill({ name: 'Kari\u0007', email: 'kari@example.org', message: 'Hei' });
    await form.choose();
    await form.send();
    await expect(page.locator('#feiloppsummering').locator('..')).toContainText('Navnet inneholder tegn vi ikke kan ta imot.');
  });

  test('a form post from another site is refused', async ({ request }) => {
    const response = await request.post('/kontakt', { headers: { Origin: 'https://angriper.example' }, form: { name: 'x' } });
    expect(response.status()).toBe(403);
    const sneaky = await request.post('/kontakt', { headers: { 'Sec-Fetch-Site': 'cross-site' }, form: { name: 'x' } });
    expect(sneaky.status()).toBe(403);
  });
});

test.describe('contact form without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  // (axe needs JavaScript in the page; the same error state is scanned in the test above.)
  test('sends, shows errors with everything kept, then a receipt', async ({ page, contactPage: form }) => {
    await form.open();
    await form.fill({ name: 'Per', email: 'ikke-en-adresse', message: 'Jeg trenger råd.' });
    await form.choose();
    await form.send();
    await expect(page.locator('#feiloppsummering').locator('..')).toContainText('E-post: Skriv e-postadressen slik: navn@eksempel.no.');
    await expect(page.getByLabel('Navn (må fylles ut)')).toHaveValue('Per');
    await expect(page.getByLabel('Din melding (må fylles ut)')).toHaveValue('Jeg trenger råd.');
    await expect(page.getByRole('radio', { name: 'Send meg en e-post' })).toBeChecked();

    await page.getByLabel('E-post', { exact: true }).fill('per@example.org');
    await form.send();
    expect(await form.reference()).toMatch(REFERENCE);
  });
});

test.describe('the contact form received by our server', () => {
  test.use({ javaScriptEnabled: false });
  test.setTimeout(120_000);

  // After Next has answered one inquiry, the server takes the next plain ones itself and puts
  // the receipt in the frame of Next's page (lib/server/contact-post.ts). The receipt must be
  // Next's, byte for byte but the reference; a form to correct still goes to Next's action.
  test('a receipt made in the frame is the one Next renders; both inquiries are stored; a form to correct still keeps everything typed', async ({ page, contactPage: form, startOwnApp, ownDatabase: db }) => {
    // Behind a proxy that names the client: its address becomes a keyed hash for the limit,
    // and is in no log line and no table, whichever of the two took the inquiry.
    const address = '203.0.113.77';
    const app = await startOwnApp({ TRUST_PROXY_HOPS: '1' });
    await page.setExtraHTTPHeaders({ 'X-Forwarded-For': address });
    const receipts: { reference: string; html: string; headers: string[] }[] = [];
    for (const message of ['Første melding til dere.', 'Andre melding til dere.']) {
      await form.open(app.baseURL);
      await form.fill({ name: 'Per', email: 'per@example.org', message });
      await form.choose();
      const answered = page.waitForResponse((r) => r.url() === `${app.baseURL}/kontakt` && r.request().method() === 'POST');
      await form.send();
      const response = await answered;
      const reference = await form.reference();
      expect(reference).toMatch(REFERENCE);
      const headers = Object.entries(response.headers())
        // Next's own markers of how it made a page (x-nextjs-…) say nothing about the page.
        .filter(([name]) => !/^(date|content-length|x-nextjs-.*)$/.test(name))
        .map(([name, value]) => `${name}: ${value}`)
        .sort();
      receipts.push({ reference, html: (await response.text()).replaceAll(reference, 'REFERANSE'), headers });
      if (receipts.length === 1) expect(app.output(), 'the frame was cut from Next\'s receipt').toContain('"event":"page_frame.taken","page":"main|/kontakt"');
    }
    const [byNext, byUs] = receipts as [(typeof receipts)[0], (typeof receipts)[0]];
    expect(byUs.reference).not.toBe(byNext.reference);
    expect(byUs.html).not.toContain('Første melding');
    expect(byUs.html).toBe(byNext.html);
    expect(byUs.headers).toEqual(byNext.headers);

    // A form to correct, while the frame is fresh: Next's action answers it, with everything typed.
    await form.open(app.baseURL);
    await form.fill({ name: 'Per', email: 'ikke-en-adresse', message: 'Tredje melding.' });
    await form.choose();
    await form.send();
    await expect(page.locator('#feiloppsummering').locator('..')).toContainText('E-post: Skriv e-postadressen slik: navn@eksempel.no.');
    await expect(page.getByLabel('Din melding (må fylles ut)')).toHaveValue('Tredje melding.');
    expect(app.output()).not.toContain('page_frame.mismatch');

    await app.stop();
    const dump = runScript('test/dump-db.ts', [], db.env);
    expect(dump.status).toBe(0);
    const inquiries = (JSON.parse(dump.stdout) as Record<string, { reference?: string }[]>)['public.inquiries'] ?? [];
    expect(inquiries.map((row) => row.reference).sort()).toEqual([byNext.reference, byUs.reference].sort());
    expect(dump.stdout, 'the client address in the database').not.toContain(address);
    expect(app.output(), 'the client address in the app\'s output').not.toContain(address);
  });
});

test.describe('abuse limit', () => {
  test('after the limit a sender is asked to wait, and keeps what they wrote', async ({ page, contactPage: form, startOwnApp }) => {
    const app = await startOwnApp({ INQUIRY_RATE_LIMIT: '2' });
    for (let i = 0; i < 2; i++) {
      await form.open(app.baseURL);
      await form.fill({ name: 'Kari', email: 'kari@example.org', message: `Melding ${i}` });
      await form.choose();
      await form.send();
      expect(await form.reference()).toMatch(REFERENCE);
    }
    await form.open(app.baseURL);
    await form.fill({ name: 'Kari', email: 'kari@example.org', message: 'Den tredje' });
    await form.choose();
    await form.send();
    await expect(page.locator('#feiloppsummering')).toContainText('Du har sendt flere henvendelser på kort tid.');
    await expect(page.getByLabel('Din melding (må fylles ut)')).toHaveValue('Den tredje');
  });
});
