import 'server-only';
import { revalidatePath } from 'next/cache';
import { forgetPages } from '@/lib/server/page-cache';

/**
 * After staff change a course or a session: every public course page (the list, each course,
 * each sign-up form) and the staff's course pages are read afresh. Next is told through
 * revalidatePath; our server's few seconds' page cache (lib/server/page-cache.ts) forgets the
 * course pages in this instance, so whoever saved sees the change on the public page at once.
 */
export function refreshCoursePages(): void {
  revalidatePath('/kurs', 'layout');
  revalidatePath('/staff/kurs', 'layout');
  forgetPages('/kurs');
}
