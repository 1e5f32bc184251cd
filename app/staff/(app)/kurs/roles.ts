import type { StaffRole } from '@/db/schema';

/** Who reads course participants and marks attendance: course staff, advisers and admins. */
export const COURSE_STAFF: readonly StaffRole[] = ['admin', 'adviser', 'course_admin'];
