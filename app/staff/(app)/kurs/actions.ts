'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { courseForEdit, createCourse, deleteCourse, updateCourse, type CancelledBooking } from '@/db/queries/course-admin';
import { fieldsOf, type FormState } from '@/lib/actions/form-state';
import { refuse } from '@/lib/actions/refusal';
import type { FormDone } from '@/components/form-message';
import { courseLabels, type CourseField } from '@/lib/courses/course-form';
import { courseHidden, courseSchema } from '@/lib/courses/course-schema';
import { refreshCoursePages } from '@/lib/courses/refresh';
import { followUpCancellation, followUpSentence } from '@/lib/courses/session-cancelled';
import { staffAction } from '@/lib/staff/action';
import { COURSE_EDITORS } from './roles';

/**
 * Creating, changing and deleting courses, for course admins and admins. Each is a public POST
 * endpoint, so each checks its caller first and writes nothing for anyone else; a change and its
 * access-log row (the course's id only) are stored together or not at all. After a change the
 * public pages show it (refreshCoursePages).
 */
export type CourseFormState = FormState<CourseField, FormDone>;
/** The answer of deleting a course and of cancelling a session (okt/actions.ts): a message, or an error. */
export type ConfirmState = FormState<never, FormDone>;

const FIX = 'Noe i skjemaet må rettes før kurset kan lagres.';
const GONE = 'Vi finner ikke kurset. Det kan være slettet. Last siden på nytt.';
const onCourses = { roles: COURSE_EDITORS, missing: GONE, failed: 'Kurset ble ikke lagret. Det du skrev, står fortsatt i skjemaet. Prøv igjen om litt.' } as const;

/** `cancelled`: the bookings a course cancelled with its dates, for the payments and notices after the commit. */
type Saved = { created?: string; message: string; cancelled?: CancelledBooking[] };

export const saveCourseAction = staffAction({
  ...onCourses,
  fields: fieldsOf(courseLabels),
  lists: ['tags'],
  hidden: courseHidden,
  schema: courseSchema,
  invalid: FIX,
  event: 'course_editor',
  run: async ({ db, input, now, audit }): Promise<Saved> => {
    const { id, confirmCancel, ...course } = input;
    const slugTaken = () => refuse<CourseField>('invalid', FIX, { slug: `Et annet kurs har allerede adressen /kurs/${course.slug}. Velg en annen.` });
    if (!id) {
      if (course.status === 'cancelled') throw refuse<CourseField>('invalid', FIX, { status: 'Et nytt kurs kan ikke være avlyst. Velg publisert eller skjult.' });
      const created = await createCourse(db, { course, now });
      if (!created.ok) throw slugTaken();
      await audit('course_create', { type: 'course', id: created.id });
      return { created: created.id, message: 'Kurset er opprettet.' };
    }
    const before = await courseForEdit(db, { id });
    if (!before) throw refuse('not_found', GONE);
    if (course.status === 'cancelled' && before.status !== 'cancelled' && !confirmCancel) {
      throw refuse<CourseField>('invalid', FIX, { confirmCancel: 'Kryss av for å bekrefte at kurset og alle datoene framover avlyses.' });
    }
    const changed = await updateCourse(db, { id, course, now });
    if (!changed.ok) throw changed.reason === 'slug_taken' ? slugTaken() : refuse('not_found', GONE);
    await audit('course_change', { type: 'course', id });
    for (const s of changed.cancelled) await audit('course_session_cancel', { type: 'course_session', id: s.sessionId });
    const bookings = changed.cancelled.flatMap((s) => s.bookings);
    const cancelled = changed.cancelled.length
      ? ` ${changed.cancelled.length === 1 ? 'Én dato' : `${changed.cancelled.length} datoer`} er avlyst, og ${bookings.length === 1 ? 'én påmelding' : `${bookings.length} påmeldinger`} er avbestilt.${followUpSentence(bookings)}`
      : '';
    return { message: `Endringene er lagret.${cancelled}`, cancelled: bookings };
  },
  done: ({ created, message, cancelled }) => {
    refreshCoursePages();
    if (cancelled) followUpCancellation(cancelled);
    if (created) redirect(`/staff/kurs/${created}?lagret=kurs`);
    return { message };
  },
});

/** Deletes a course nobody has booked; a booked one is hidden or cancelled instead. */
export const deleteCourseAction = staffAction({
  ...onCourses,
  fields: [],
  hidden: ['id'],
  schema: z.object({ id: z.uuid() }),
  failed: 'Kurset ble ikke slettet. Prøv igjen om litt.',
  event: 'course_delete',
  run: async ({ db, input, audit }) => {
    const done = await deleteCourse(db, { id: input.id });
    if (!done.ok && done.reason === 'has_bookings') throw refuse('conflict', 'Noen har meldt seg på dette kurset, så det kan ikke slettes. Sett det til skjult eller avlyst i stedet.');
    if (!done.ok) throw refuse('not_found', GONE);
    await audit('course_delete', { type: 'course', id: input.id });
    return done;
  },
  done: (): FormDone => {
    refreshCoursePages();
    redirect('/staff/kurs?slettet=1');
  },
});
