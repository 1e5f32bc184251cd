import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { courseForEdit } from '@/db/queries/course-admin';
import { sessionForEdit } from '@/db/queries/course-session-admin';
import { courses, courseSessions } from '@/db/schema';
import { accessLogFor, loggedEvent } from '@/test/access-log-rows';
import { form, idle, redirectedTo } from '@/test/action-form';
import { databaseTargets } from '@/test/database-targets';
import { callAs, signInAs, staffMember } from '@/test/signed-in';
import { deleteCourseAction, saveCourseAction } from './actions';
import { cancelSessionAction, saveSessionAction } from './okt/actions';

vi.mock('@/lib/auth/staff-session', () => import('@/test/signed-in'));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

const courseFields = (over: Record<string, string | string[]> = {}) => ({
  title: 'Å mestre hverdagen',
  slug: '',
  summary: 'En kveld om hverdagen.',
  description: 'Vi snakker om **hverdagen**.',
  section: 'i-arbeidslivet',
  tags: ['egen-helse'],
  price: '350',
  status: 'published',
  'q1-label': 'Hvor hørte du om kurset?',
  'q2-label': '',
  'q3-label': 'Noe vi bør vite?',
  'q3-required': 'ja',
  'q3-multiline': 'ja',
  ...over,
});
const sessionFields = (over: Record<string, string> = {}) => ({
  date: '2099-03-08',
  start: '18:00',
  end: '20:00',
  mode: 'sted',
  place: 'Kurslokalet',
  link: '',
  capacity: '12',
  signupDate: '',
  signupTime: '',
  cancelDate: '',
  cancelTime: '',
  ...over,
});

describe.each(databaseTargets())('the course editor on $name', (target) => {
  beforeAll(target.open, 180_000);
  afterAll(target.close);

  it('an adviser or chat host creates, changes, cancels and deletes nothing', async () => {
    const db = await getDb();
    const [example] = await db.select({ id: courses.id }).from(courses).where(eq(courses.slug, 'staa-i-det-over-tid'));
    const [session] = await db.select({ id: courseSessions.id }).from(courseSessions).where(eq(courseSessions.courseId, example!.id));
    for (const role of ['adviser', 'chat_host'] as const) {
      callAs(await staffMember(role));
      const refused = { status: 'error', code: 'forbidden' };
      expect(await saveCourseAction(idle, form(courseFields({ title: 'Inntrenger' })))).toMatchObject(refused);
      expect(await saveCourseAction(idle, form(courseFields({ id: example!.id, title: 'Inntrenger' })))).toMatchObject(refused);
      expect(await deleteCourseAction(idle, form({ id: example!.id }))).toMatchObject(refused);
      expect(await saveSessionAction(idle, form(sessionFields({ course: example!.id })))).toMatchObject(refused);
      expect(await saveSessionAction(idle, form(sessionFields({ id: session!.id, capacity: '99' })))).toMatchObject(refused);
      expect(await cancelSessionAction(idle, form({ id: session!.id }))).toMatchObject(refused);
    }
    expect((await courseForEdit(db, { id: example!.id }))?.title).toBe('Å stå i det over tid');
    expect(await db.select({ id: courses.id }).from(courses).where(eq(courses.title, 'Inntrenger'))).toEqual([]);
    const kept = await sessionForEdit(db, { id: session!.id, now: new Date() });
    expect([kept?.capacity, kept?.cancelled]).toEqual([12, false]);
    expect(await accessLogFor(example!.id)).toEqual([]);
  });

  it('a course admin creates a course, with its address made from the title and empty question rows dropped; bad input keeps every value', async () => {
    const admin = await signInAs('course_admin');
    const bad = await saveCourseAction(idle, form(courseFields({ title: '', slug: 'Store Bokstaver', price: 'gratis', tags: ['finnes-ikke'] })));
    expect(bad).toMatchObject({
      status: 'error',
      code: 'invalid',
      message: 'Noe i skjemaet må rettes før kurset kan lagres.',
      fieldErrors: { title: 'Skriv en tittel.', slug: expect.stringMatching(/^Adressen kan bare ha små bokstaver/), price: expect.stringMatching(/^Skriv prisen som et helt antall kroner/), tags: 'Velg temaer fra listen.' },
      values: { summary: 'En kveld om hverdagen.', slug: 'Store Bokstaver', price: 'gratis', 'q3-label': 'Noe vi bør vite?', 'q3-required': 'ja', tags: 'finnes-ikke' },
    });
    expect(await saveCourseAction(idle, form(courseFields({ slug: 'staa-i-det-over-tid' })))).toMatchObject({
      status: 'error',
      fieldErrors: { slug: 'Et annet kurs har allerede adressen /kurs/staa-i-det-over-tid. Velg en annen.' },
      values: { slug: 'staa-i-det-over-tid' },
    });
    // A course cannot take the address of a page of the site's own under /kurs.
    expect(await saveCourseAction(idle, form(courseFields({ slug: 'betaling' })))).toMatchObject({
      status: 'error',
      fieldErrors: { slug: 'Adressen /kurs/betaling brukes av nettstedet selv. Velg en annen.' },
    });

    const to = await redirectedTo(saveCourseAction(idle, form(courseFields())));
    const id = /^\/staff\/kurs\/([0-9a-f-]{36})\?lagret=kurs$/.exec(to)?.[1];
    const saved = await courseForEdit(await getDb(), { id: id! });
    expect(saved).toMatchObject({
      slug: 'a-mestre-hverdagen',
      priceNok: 350,
      section: 'i-arbeidslivet',
      tags: ['egen-helse'],
      status: 'published',
      isExample: false,
      questions: [
        { id: 'hvor-horte-du-om-kurset', label: 'Hvor hørte du om kurset?', required: false, multiline: false },
        { id: 'noe-vi-bor-vite', label: 'Noe vi bør vite?', required: true, multiline: true },
      ],
    });
    expect(await accessLogFor(id!)).toEqual([loggedEvent(admin.staffId, 'course_create', 'course', id!)]);

    // A question keeps its id when its text changes, so the answers given keep their question.
    const changed = await saveCourseAction(idle, form(courseFields({ id: id!, slug: 'a-mestre-hverdagen', 'q1-id': 'hvor-horte-du-om-kurset', 'q1-label': 'Hvor fant du kurset?', 'q3-label': '', status: 'hidden' })));
    expect(changed).toEqual({ status: 'ok', result: { message: 'Endringene er lagret.' } });
    expect((await courseForEdit(await getDb(), { id: id! }))?.questions).toEqual([{ id: 'hvor-horte-du-om-kurset', label: 'Hvor fant du kurset?', required: false, multiline: false }]);
  });

  it('sessions: end before start, a deadline after it, a link that is not https and too few seats are refused in Norwegian, every value kept', async () => {
    const admin = await signInAs('course_admin');
    const db = await getDb();
    const [example] = await db.select({ id: courses.id }).from(courses).where(eq(courses.slug, 'staa-i-det-over-tid'));
    const wrong = await saveSessionAction(idle, form(sessionFields({ course: example!.id, end: '17:00', signupDate: '2099-03-09', signupTime: '12:00', mode: 'digitalt', link: 'http://møte.example.org/a', capacity: '0' })));
    expect(wrong).toMatchObject({
      status: 'error',
      code: 'invalid',
      message: 'Noe i skjemaet må rettes før datoen kan lagres.',
      fieldErrors: {
        end: 'Kurset må slutte etter at det starter.',
        signupDate: 'Påmeldingsfristen kan ikke være etter at kurset starter.',
        link: 'Skriv møtelenken slik: https://… Lenken må begynne med https.',
        capacity: 'Kurset må ha minst 1 plass.',
      },
      values: { date: '2099-03-08', start: '18:00', end: '17:00', link: 'http://møte.example.org/a', capacity: '0', signupDate: '2099-03-09' },
    });
    expect(await saveSessionAction(idle, form(sessionFields({ course: example!.id, date: '2001-03-08' })))).toMatchObject({ status: 'error', fieldErrors: { date: expect.stringMatching(/^Starttidspunktet har allerede vært/) } });

    const to = await redirectedTo(saveSessionAction(idle, form(sessionFields({ course: example!.id, mode: 'digitalt', link: 'https://møte.example.org/ny' }))));
    expect(to).toBe(`/staff/kurs/${example!.id}?lagret=dato`);
    const [added] = await db.select().from(courseSessions).where(eq(courseSessions.onlineLink, 'https://møte.example.org/ny'));
    expect(added).toMatchObject({
      startsAt: new Date('2099-03-08T17:00:00Z'),
      endsAt: new Date('2099-03-08T19:00:00Z'),
      place: null,
      capacity: 12,
      signupDeadline: new Date('2099-03-07T11:00:00Z'),
      cancelDeadline: new Date('2099-03-06T11:00:00Z'),
    });
    expect(await saveSessionAction(idle, form(sessionFields({ id: added!.id, capacity: '20' })))).toEqual({ status: 'ok', result: { message: 'Endringene er lagret.' } });
    expect(await cancelSessionAction(idle, form({ id: added!.id }))).toEqual({ status: 'ok', result: { message: 'Datoen er avlyst. 0 påmeldinger er avbestilt.' } });
    expect(await saveSessionAction(idle, form(sessionFields({ id: added!.id, capacity: '30' })))).toMatchObject({ status: 'error', code: 'conflict' });
    expect(await accessLogFor(added!.id)).toEqual([
      loggedEvent(admin.staffId, 'course_session_create', 'course_session', added!.id),
      loggedEvent(admin.staffId, 'course_session_change', 'course_session', added!.id),
      loggedEvent(admin.staffId, 'course_session_cancel', 'course_session', added!.id),
    ]);
  });

  it('a course is cancelled only with the box ticked; an admin deletes an unbooked course', async () => {
    const admin = await signInAs('admin');
    const db = await getDb();
    const [example] = await db.select().from(courses).where(eq(courses.slug, 'snakke-med-barn-om-sykdom'));
    const fields = courseFields({ id: example!.id, title: example!.title, slug: example!.slug, status: 'cancelled' });
    expect(await saveCourseAction(idle, form(fields))).toMatchObject({ status: 'error', fieldErrors: { confirmCancel: expect.stringMatching(/^Kryss av/) }, values: { status: 'cancelled' } });
    expect(await saveCourseAction(idle, form({ ...fields, confirmCancel: 'ja' }))).toEqual({ status: 'ok', result: { message: expect.stringMatching(/^Endringene er lagret\. 2 datoer er avlyst, og 0 påmeldinger er avbestilt\./) } });
    expect(await redirectedTo(deleteCourseAction(idle, form({ id: example!.id })))).toBe('/staff/kurs?slettet=1');
    expect(await courseForEdit(db, { id: example!.id })).toBeUndefined();
    const row = (action: 'course_change' | 'course_delete') => loggedEvent(admin.staffId, action, 'course', example!.id);
    expect(await accessLogFor(example!.id)).toEqual([row('course_change'), row('course_delete')]);
  });
});
