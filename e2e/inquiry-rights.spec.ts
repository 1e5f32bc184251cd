import fs from 'node:fs';
import { runScript } from '../test/app';
import { expect, test } from '../test/fixtures';
import { addStaff } from '../test/staff-pages';

/**
 * A person's rights over their inquiry, end to end: a relative writes; they call and ask, and
 * an adviser downloads a copy for them, corrects their name, and erases the inquiry at once.
 * Afterwards a dump of the whole database has none of it (no row, no word written, not its
 * reference), only a receipt and the access-log rows, which hold ids and no content.
 */
const CANARIES = {
  name: 'Kanari Rettighetsen',
  newName: 'Kanari Nynavn',
  email: 'kanari.rettighet.3d9f@example.org',
  message: 'kanari-rettighet-melding-6a1c',
  note: 'kanari-rettighet-notat-0e4b',
};

type Dump = Record<string, Record<string, unknown>[]>;

test.describe('a person\'s rights over an inquiry', () => {
  test.setTimeout(180_000);

  test('@claim:innsyn-henvendelse @claim:retting-henvendelse @claim:sletting-henvendelse an adviser downloads a copy, corrects the name and erases the inquiry on request; the database keeps nothing of it but a receipt and the access log', async ({ contactPage: form, staffPage, axe, ownDatabase: db, startOwnApp }) => {
    const adviser = addStaff(db.env, { email: 'rita@example.org', role: 'adviser', name: 'Rita Rådgiver' });
    const app = await startOwnApp({ PURGE_INTERVAL_MINUTES: '0' });

    await form.open(app.baseURL);
    await form.fill({ name: CANARIES.name, email: CANARIES.email, message: CANARIES.message });
    await form.choose();
    await form.send();
    const reference = await form.reference();

    const staff = await staffPage(app.baseURL, adviser);
    await staff.goto(`${app.baseURL}/staff/henvendelser`);
    await staff.getByRole('link', { name: new RegExp(reference) }).click();
    await staff.getByLabel(/Nytt notat/).fill(CANARIES.note);
    await staff.getByRole('button', { name: /Lagre notat/ }).click();
    await expect(staff.getByText(CANARIES.note)).toBeVisible();
    const inquiryUrl = staff.url();
    const rights = staff.getByRole('region', { name: 'Personens rettigheter' });

    // Innsyn: a copy of everything, for the person.
    const [download] = await Promise.all([staff.waitForEvent('download'), rights.getByRole('link', { name: 'Last ned en kopi til personen (innsyn)' }).click()]);
    expect(download.suggestedFilename()).toBe(`henvendelse-${reference}-innsyn.txt`);
    const copy = fs.readFileSync((await download.path())!, 'utf8');
    for (const text of [reference, CANARIES.name, CANARIES.email, CANARIES.message, CANARIES.note]) expect(copy).toContain(text);

    // Correction: the new name, with the old one kept in the history.
    await rights.getByRole('link', { name: 'Rett navn eller kontaktopplysninger' }).click();
    await expect(staff.getByLabel('Navn')).toHaveValue(CANARIES.name);
    await staff.getByLabel('Navn').fill(CANARIES.newName);
    await staff.getByLabel('E-post').fill('');
    await staff.getByRole('button', { name: 'Lagre rettingen' }).click();
    // Neither e-mail nor phone: refused in Norwegian, with what was typed kept.
    await expect(staff.getByRole('alert').filter({ hasText: 'Skriv e-postadressen eller telefonnummeret, så vi kan svare personen.' })).toBeVisible();
    await expect(staff.getByLabel('Navn')).toHaveValue(CANARIES.newName);
    await staff.getByLabel('E-post').fill(CANARIES.email);
    await staff.getByRole('button', { name: 'Lagre rettingen' }).click();
    await expect(staff.getByText('Rettet: navn. Det gamle er tatt vare på i historikken.')).toBeVisible();
    await expect(staff.getByRole('region', { name: 'Historikk' })).toContainText(`navn rettet. Tidligere: ${CANARIES.name}`);
    await axe(staff);
    await staff.goto(inquiryUrl);
    await expect(staff.getByText(CANARIES.newName)).toBeVisible();

    // Erasure: confirmed with a tick, then gone.
    await rights.getByRole('link', { name: 'Slett henvendelsen nå' }).click();
    await expect(staff.getByRole('heading', { name: `Slette henvendelsen ${reference}?` })).toBeVisible();
    for (const text of Object.values(CANARIES)) await expect(staff.getByText(text)).toHaveCount(0);
    await axe(staff);
    await staff.getByRole('button', { name: 'Slett henvendelsen nå' }).click();
    await expect(staff.getByRole('alert').filter({ hasText: 'Kryss av for at personen selv har bedt om at henvendelsen slettes.' })).toBeVisible();
    await staff.getByLabel('Personen har selv bedt om at henvendelsen slettes.').check();
    await staff.getByRole('button', { name: 'Slett henvendelsen nå' }).click();
    await expect(staff.getByRole('status').filter({ hasText: 'Henvendelsen er slettet' })).toBeVisible();
    await expect(staff).toHaveURL(/\/staff\/henvendelser\?slettet=1$/);
    await expect(staff.getByRole('link', { name: new RegExp(reference) })).toHaveCount(0);
    await staff.goto(inquiryUrl);
    await expect(staff.getByRole('heading', { level: 1 })).not.toContainText(reference);

    await staff.context().close();
    await app.stop();
    const text = runScript('test/dump-db.ts', [], db.env).stdout;
    const dump = JSON.parse(text) as Dump;
    expect(dump['public.inquiries']).toEqual([]);
    expect(dump['public.inquiry_notes']).toEqual([]);
    expect(dump['public.inquiry_corrections']).toEqual([]);
    for (const canary of [...Object.values(CANARIES), reference]) {
      expect(text, `${canary} in the database`).not.toContain(canary);
      expect(app.output(), `${canary} in the app's output`).not.toContain(canary);
    }
    expect(dump['public.purge_receipts']!.filter((r) => r.rule === 'inquiry_on_request')).toEqual([expect.objectContaining({ deleted: 1 })]);
    const inquiryId = dump['public.access_log']!.find((r) => r.action === 'inquiry_erase')!.object_id;
    const actions = dump['public.access_log']!.filter((r) => r.object_id === inquiryId).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['inquiry_view', 'inquiry_note', 'inquiry_copy', 'inquiry_correct', 'inquiry_erase']));
    expect(actions.at(-1)).toBe('inquiry_erase');
  });
});
