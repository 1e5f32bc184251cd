'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { FormDone } from '@/components/form-message';
import { cancelSession } from '@/db/queries/course-admin';
import { createSession, updateSession } from '@/db/queries/course-session-admin';
import { fieldsOf, type FormState } from '@/lib/actions/form-state';
import { refuse } from '@/lib/actions/refusal';
import { refreshCoursePages } from '@/lib/courses/refresh';
import { followUpCancellation, followUpSentence } from '@/lib/courses/session-cancelled';
import { sessionHidden, sessionLabels, sessionSchema, type SessionField } from '@/lib/courses/session-form';
import { staffAction } from '@/lib/staff/action';
import { COURSE_EDITORS } from '../roles';

/**
 * Adding, changing and cancelling a course's sessions, for course admins and admins. Each
 * checks its caller first; a change and its access-log row (the session's id only) are stored
 * together. A session that has started is not moved; a cancelled one is not changed again.
 */
export type SessionFormState = FormState<SessionField, FormDone>;

const FIX = 'Noe i skjemaet må rettes før datoen kan lagres.';
const GONE = 'Vi finner ikke kursdatoen. Den kan være slettet. Last siden på nytt.';
const plural = (n: number, one: string, many: string) => (n === 1 ? `én ${one}` : `${n} ${many}`);

type Saved = { courseId: string; created: boolean; message: string };

export const saveSessionAction = staffAction({
  roles: COURSE_EDITORS,
  fields: fieldsOf(sessionLabels),
  hidden: sessionHidden,
  schema: sessionSchema,
  invalid: FIX,
  missing: GONE,
  failed: 'Datoen ble ikke lagret. Det du skrev, står fortsatt i skjemaet. Prøv igjen om litt.',
  event: 'course_session_editor',
  run: async ({ db, input: { id, course, session }, now, audit }): Promise<Saved> => {
    if (session.startsAt <= now) throw refuse<SessionField>('invalid', FIX, { date: 'Starttidspunktet har allerede vært. Velg en dato fram i tid.' });
    if (!id) {
      if (!course) throw refuse('not_found', GONE);
      const created = await createSession(db, { courseId: course, session });
      if (!created.ok && created.reason === 'course_cancelled') throw refuse('conflict', 'Kurset er avlyst. Sett det til publisert eller skjult før du legger til en dato.');
      if (!created.ok) throw refuse('not_found', GONE);
      await audit('course_session_create', { type: 'course_session', id: created.id });
      return { courseId: course, created: true, message: 'Datoen er lagt til.' };
    }
    const changed = await updateSession(db, { id, session, now });
    if (!changed.ok && changed.reason === 'below_taken') {
      throw refuse<SessionField>('invalid', FIX, { capacity: `${plural(changed.taken, 'plass er', 'plasser er')} allerede tatt. Antall plasser kan ikke være lavere enn det.`.replace(/^./, (c) => c.toUpperCase()) });
    }
    if (!changed.ok && changed.reason === 'cancelled') throw refuse('conflict', 'Datoen er avlyst og kan ikke endres. Legg til en ny dato i stedet.');
    if (!changed.ok) throw refuse('not_found', GONE);
    await audit('course_session_change', { type: 'course_session', id });
    const offered = changed.offered.length ? ` ${plural(changed.offered.length, 'ledig plass', 'ledige plasser')} er tilbudt de første på ventelisten.`.replace(/^ ./, (c) => c.toUpperCase()) : '';
    return { courseId: changed.courseId, created: false, message: `Endringene er lagret.${offered}` };
  },
  done: ({ courseId, created, message }) => {
    refreshCoursePages();
    if (created) redirect(`/staff/kurs/${courseId}?lagret=dato`);
    return { message };
  },
});

/**
 * Cancels a session and every booking on it (cancelSession). After the commit, Vipps payments
 * are released or paid back and every participant is told by e-mail (lib/courses/session-cancelled.ts).
 */
export const cancelSessionAction = staffAction({
  roles: COURSE_EDITORS,
  fields: [],
  hidden: ['id'],
  missing: GONE,
  schema: z.object({ id: z.uuid() }),
  failed: 'Datoen ble ikke avlyst. Prøv igjen om litt.',
  event: 'course_session_cancel',
  run: async ({ db, input, now, audit }) => {
    const cancelled = await cancelSession(db, { sessionId: input.id, now });
    if (!cancelled) throw refuse('not_found', GONE);
    await audit('course_session_cancel', { type: 'course_session', id: input.id });
    const invoices = cancelled.filter((b) => b.order?.status === 'cancelled').length;
    const first = `Datoen er avlyst. ${plural(cancelled.length, 'påmelding', 'påmeldinger')} er avbestilt`.replace('. én', '. Én');
    const message = first + (invoices ? `, og ${plural(invoices, 'faktura', 'fakturaer')} er kansellert.` : '.') + followUpSentence(cancelled);
    return { message, id: input.id, cancelled };
  },
  done: ({ message, cancelled }) => {
    refreshCoursePages();
    followUpCancellation(cancelled);
    return { message };
  },
});
