import { BackLink } from '@/components/staff/back-link';
import { requireStaff } from '@/lib/auth/staff-session';
import { CourseForm } from '../_components/course-form';
import { courseChoices } from '../_components/course-form-props';
import { COURSE_EDITORS } from '../roles';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Nytt kurs' };

/** A new course: saved hidden unless published, then its dates are added on its own page. */
export default async function NewCoursePage() {
  await requireStaff(COURSE_EDITORS);
  return (
    <div className="max-w-3xl space-y-6">
      <BackLink href="/staff/kurs">Alle kurs</BackLink>
      <h1 className="text-3xl font-bold">Nytt kurs</h1>
      <p>Når kurset er lagret, legger du til datoene. Et kurs vises på /kurs når det er publisert og har en dato fram i tid.</p>
      <CourseForm initial={{ status: 'hidden', price: '0' }} questionIds={[]} {...courseChoices()} />
    </div>
  );
}
