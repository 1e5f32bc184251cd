import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { listPublishedVersions } from '@/db/queries/privacy';
import { appClock } from '@/lib/clock';
import { osloIsoDate } from '@/lib/dates';
import { scheduleProblemText } from '@/lib/privacy/rules';
import { accessLogFor, loggedEvent } from '@/test/access-log-rows';
import { form, idle } from '@/test/action-form';
import { databaseTargets } from '@/test/database-targets';
import { signInAs } from '@/test/signed-in';
import { earliestEffectiveDate } from './_components/effective-date';
import { publishPrivacyAction } from './actions';

vi.mock('@/lib/auth/staff-session', () => import('@/test/signed-in'));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

const DAY = 86_400_000;
const draft = { title: 'Personvernerklæring', summary: 'Vi lagrer henvendelser kortere.', body: '## Kort fortalt\r\n\r\nNy tekst.' };

const versionNumbers = async () => (await listPublishedVersions(await getDb(), { now: appClock().now() })).map((v) => v.number);

describe.each(databaseTargets())('publishing a privacy statement on $name', (target) => {
  beforeAll(target.open);
  afterAll(target.close);

  it('refuses anyone but an admin, even a preview, and writes nothing', async () => {
    await signInAs('adviser');
    const earliest = earliestEffectiveDate(appClock().now());
    for (const intent of ['preview', 'publish']) {
      expect(await publishPrivacyAction(idle, form({ ...draft, takesEffect: earliest, intent }))).toMatchObject({ status: 'error', message: 'Du har ikke tilgang til dette.' });
    }
    expect(await versionNumbers()).toEqual([1]);
  });

  it('previews without saving, keeping every value', async () => {
    await signInAs('admin');
    const preview = await publishPrivacyAction(idle, form({ ...draft, takesEffect: '', intent: 'preview' }));
    expect(preview).toEqual({ status: 'preview', values: { ...draft, body: '## Kort fortalt\n\nNy tekst.', takesEffect: '' } });
    expect(await versionNumbers()).toEqual([1]);
  });

  it('refuses a date under 14 days as an error beside the date, keeping what was typed', async () => {
    await signInAs('admin');
    const earliest = earliestEffectiveDate(appClock().now());
    const tooSoon = new Date(Date.parse(`${earliest}T00:00:00Z`) - DAY).toISOString().slice(0, 10);
    const refused = await publishPrivacyAction(idle, form({ ...draft, takesEffect: tooSoon, intent: 'publish' }));
    expect(refused).toMatchObject({ status: 'error', fieldErrors: { takesEffect: scheduleProblemText.notice_too_short }, values: { title: draft.title, takesEffect: tooSoon } });
    expect(await versionNumbers()).toEqual([1]);
  });

  it('publishes from the start of the chosen Oslo day, logs it, and refuses one before it', async () => {
    const admin = await signInAs('admin');
    const earliest = earliestEffectiveDate(appClock().now());
    const done = await publishPrivacyAction(idle, form({ ...draft, takesEffect: earliest, intent: 'publish' }));
    expect(done).toMatchObject({ status: 'ok', result: { number: 2 } });
    const [newest] = await listPublishedVersions(await getDb(), { now: appClock().now() });
    expect(newest).toMatchObject({ number: 2, title: draft.title });
    expect(osloIsoDate(newest!.takesEffectAt)).toBe(earliest);
    expect(await accessLogFor('2')).toEqual([loggedEvent(admin.staffId, 'privacy_publish', 'privacy_version', '2')]);

    const earlier = await publishPrivacyAction(idle, form({ ...draft, takesEffect: earliest, intent: 'publish' }));
    expect(earlier).toMatchObject({ status: 'error', fieldErrors: { takesEffect: scheduleProblemText.before_previous_version } });
    const missing = await publishPrivacyAction(idle, form({ title: ' ', summary: '', body: '', takesEffect: '30.02.2030', intent: 'publish' }));
    expect(missing.status === 'error' && Object.keys(missing.fieldErrors).sort()).toEqual(['body', 'summary', 'takesEffect', 'title']);
    expect(await versionNumbers()).toEqual([2, 1]);
  });
});
