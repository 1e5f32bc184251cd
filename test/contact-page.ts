import type { Page } from '@playwright/test';

/** The contact form as a relative meets it: fill, choose, send. */
export class ContactPage {
  constructor(readonly page: Page) {}

  async open(baseURL = '') {
    await this.page.goto(`${baseURL}/kontakt`);
  }

  async fill(values: Partial<{ name: string; email: string; phone: string; message: string }>) {
    const p = this.page;
    if (values.name !== undefined) await p.getByLabel('Navn (må fylles ut)').fill(values.name);
    if (values.email !== undefined) await p.getByLabel('E-post', { exact: true }).fill(values.email);
    if (values.phone !== undefined) await p.getByLabel('Telefon', { exact: true }).fill(values.phone);
    if (values.message !== undefined) await p.getByLabel('Din melding (må fylles ut)').fill(values.message);
  }

  async choose({ contactBy = 'Send meg en e-post', relation = 'Jeg er forelder til den det gjelder', audience = 'På skolen' } = {}) {
    const p = this.page;
    await p.getByRole('radio', { name: contactBy }).check();
    await p.getByLabel('Hvem er du for den det gjelder? (må fylles ut)').selectOption({ label: relation });
    await p.getByLabel('Hva gjelder henvendelsen? (må fylles ut)').selectOption({ label: audience });
  }

  async send() {
    await this.page.getByRole('button', { name: 'Send henvendelsen' }).click();
  }

  /** The reference on the receipt, once it shows. */
  async reference(): Promise<string> {
    await this.page.getByRole('heading', { name: 'Takk, vi har fått henvendelsen din' }).waitFor();
    const text = await this.page.locator('strong.font-mono').textContent();
    return (text ?? '').trim();
  }
}
