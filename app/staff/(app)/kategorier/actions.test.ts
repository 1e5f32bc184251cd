import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { listCategories } from '@/db/queries/contact-stats';
import { accessLogFor, loggedEvent } from '@/test/access-log-rows';
import { form, idle } from '@/test/action-form';
import { databaseTargets } from '@/test/database-targets';
import { callAs, signInAs, staffMember } from '@/test/signed-in';
import { addCategoryAction, changeCategoryAction } from './actions';

vi.mock('@/lib/auth/staff-session', () => import('@/test/signed-in'));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

const labelsOf = async (kind: 'reason' | 'outcome', withRetired = false) =>
  (await listCategories(await getDb(), { withRetired })).filter((c) => c.kind === kind).map((c) => c.label);

describe.each(databaseTargets())('the list of reasons and outcomes on $name', (target) => {
  beforeAll(target.open);
  afterAll(target.close);

  it('only an administrator changes it; an adviser or chat host changes nothing', async () => {
    for (const role of ['adviser', 'chat_host'] as const) {
      callAs(await staffMember(role));
      expect(await addCategoryAction(idle, form({ kind: 'reason', label: 'Søsken' }))).toMatchObject({ status: 'error', code: 'forbidden' });
    }
    expect(await labelsOf('reason')).not.toContain('Søsken');
  });

  it('adds, refuses a name taken in any case without losing it, renames, moves and retires, each logged', async () => {
    const admin = await signInAs('admin');
    expect(await addCategoryAction(idle, form({ kind: 'reason', label: '  Søsken ' }))).toMatchObject({ status: 'ok', result: { message: '«Søsken» er lagt til.' } });
    expect((await labelsOf('reason')).at(-1)).toBe('Søsken');
    expect(await addCategoryAction(idle, form({ kind: 'reason', label: 'SØSKEN' }))).toMatchObject({ status: 'error', code: 'invalid', values: { label: 'SØSKEN' } });
    expect(await addCategoryAction(idle, form({ kind: 'reason', label: '' }))).toMatchObject({ status: 'error', fieldErrors: { label: 'Skriv et navn.' } });

    const id = (await listCategories(await getDb())).find((c) => c.label === 'Søsken')!.id;
    expect(await changeCategoryAction(idle, form({ id: String(id), change: 'rename', label: 'Rus' }))).toMatchObject({ status: 'error', values: { label: 'Rus' } });
    expect(await changeCategoryAction(idle, form({ id: String(id), change: 'rename', label: 'Søsken og familie' }))).toMatchObject({ status: 'ok' });
    expect(await changeCategoryAction(idle, form({ id: String(id), change: 'up' }))).toMatchObject({ status: 'ok' });
    expect((await labelsOf('reason')).slice(-2)).toEqual(['Søsken og familie', 'Annet']);
    expect(await changeCategoryAction(idle, form({ id: String(id), change: 'retire' }))).toMatchObject({ status: 'ok' });
    expect(await labelsOf('reason')).not.toContain('Søsken og familie');
    expect(await labelsOf('reason', true)).toContain('Søsken og familie');
    expect(await changeCategoryAction(idle, form({ id: '999999', change: 'retire' }))).toMatchObject({ status: 'error', code: 'not_found' });

    const row = loggedEvent(admin.staffId, 'category_change', 'category', String(id));
    expect(await accessLogFor(String(id))).toEqual([row, row, row, row]);
  });
});
