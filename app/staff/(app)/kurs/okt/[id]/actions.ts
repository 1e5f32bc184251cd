'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { setAttendance } from '@/db/queries/course-staff';
import type { FormState } from '@/lib/actions/form-state';
import { refuse } from '@/lib/actions/refusal';
import { staffAction } from '@/lib/staff/action';
import { COURSE_STAFF } from '../../roles';

export type AttendanceFormState = FormState<'present', { message: string }>;

/** Who came to a session: the ticked confirmed participants attended, the others did not. */
export const attendanceAction = staffAction({
  roles: COURSE_STAFF,
  fields: ['present'],
  lists: ['present'],
  hidden: ['session'],
  missing: 'Vi finner ikke kursdatoen. Last siden på nytt.',
  event: 'course_attendance',
  schema: z.object({ session: z.uuid(), present: z.array(z.uuid()).max(1000) }),
  run: async ({ db, input, audit }) => {
    const marked = await setAttendance(db, { sessionId: input.session, present: input.present });
    if (marked === 0) throw refuse('not_found', 'Det er ingen bekreftede deltakere på denne datoen.');
    await audit('course_attendance', { type: 'course_session', id: input.session });
    return { message: `Oppmøtet er lagret: ${input.present.length} av ${marked} møtte.`, session: input.session };
  },
  done: ({ message, session }) => {
    revalidatePath(`/staff/kurs/okt/${session}`);
    return { message };
  },
});
