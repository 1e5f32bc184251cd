import type { StaffRole } from '@/db/schema';

/** Who reads course participants and marks attendance: course staff, advisers and admins. */
export const COURSE_STAFF: readonly StaffRole[] = ['admin', 'adviser', 'course_admin'];

/** Who creates, changes, cancels and deletes courses and their sessions: course admins and admins. */
export const COURSE_EDITORS: readonly StaffRole[] = ['admin', 'course_admin'];
