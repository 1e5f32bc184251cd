import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { countSurveyAnswers } from '@/db/queries/chat-survey';
import { chatSurveyReportFor } from '@/lib/stats/chat-survey-report';
import { countText } from '@/lib/stats/suppress';
import { databaseTargets } from '@/test/database-targets';

/**
 * "Etter chatten" on the dashboard: admins see each question's answers for the period, a count
 * from 1 to 4 as "under 5" and a sum over a hidden one as "minst N"; advisers and chat hosts,
 * who may otherwise see the dashboard or not, get nothing, and nothing is read for them.
 */
const range = { from: '2026-11-01', to: '2026-11-30' };
const ticket = () => randomBytes(32).toString('hex');

describe.each(databaseTargets())('the survey on the dashboard on $name', (target) => {
  beforeAll(target.open);
  afterAll(target.close);

  it('shows admins the counts, hiding numbers under 5, and only those of the period', async () => {
    const db = await getDb();
    for (let i = 0; i < 4; i++) await countSurveyAnswers(db, { ticketHash: ticket(), day: '2026-11-10', answers: { hjelp: 'ja', igjen: i === 0 ? 'nei' : 'kanskje' } });
    await countSurveyAnswers(db, { ticketHash: ticket(), day: '2026-12-01', answers: { hjelp: 'ja' } });
    const text = async () =>
      Object.fromEntries(
        (await chatSurveyReportFor(db, { role: 'admin', range }))!.map((q) => [q.question, [...q.table.cells.map((row) => countText(row[0]!)), countText(q.table.columnTotals![0]!)]]),
      );
    expect(await text()).toEqual({ hjelp: ['under 5', '0', '0', 'under 5'], bedre: ['0', '0', '0', '0'], igjen: ['0', 'under 5', 'under 5', 'under 5'] });

    await countSurveyAnswers(db, { ticketHash: ticket(), day: '2026-11-30', answers: { hjelp: 'ja', igjen: 'kanskje' } });
    expect(await text()).toEqual({ hjelp: ['5', '0', '0', '5'], bedre: ['0', '0', '0', '0'], igjen: ['0', 'under 5', 'under 5', 'minst 5'] });
    const [first] = (await chatSurveyReportFor(db, { role: 'admin', range }))!;
    expect(first).toMatchObject({ question: 'hjelp', labels: ['Ja', 'Litt', 'Nei'] });
  });

  it('gives advisers, chat hosts and course admins nothing', async () => {
    const db = await getDb();
    for (const role of ['adviser', 'chat_host', 'course_admin'] as const) expect(await chatSurveyReportFor(db, { role, range })).toBeUndefined();
  });
});
