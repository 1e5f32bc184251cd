/**
 * Next calls `register` once as the server starts, before it answers a request, whichever way
 * the build was started (`npm start`, `next start`, standalone). Process-wide jobs start here,
 * so the retention promise holds however the site is run.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startPurgeSchedule } = await import('@/lib/jobs/schedule');
  startPurgeSchedule();
  const { startCoverageClock } = await import('@/lib/jobs/coverage-clock');
  startCoverageClock();
  const { startCourseClock } = await import('@/lib/jobs/course-clock');
  startCourseClock();
}
