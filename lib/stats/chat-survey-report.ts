import 'server-only';
import type { DbOrTx } from '@/db/client';
import { surveyAnswerTotals } from '@/db/queries/chat-survey';
import type { StaffRole } from '@/db/schema';
import { CHAT_SURVEY } from '@/lib/chat/survey';
import type { DayRange } from './report-dates';
import { suppressTable, type ShownTable } from './suppress';

/**
 * The survey after a chat on the dashboard ("Etter chatten"): per question, how many gave each
 * answer in the period, and how many answered it, every number through suppress.ts like the
 * rest of the dashboard. Only admins see it: the dashboard is open to advisers as well, so the
 * check is made here, before anything is read.
 */
export type SurveyQuestionReport = { question: string; text: string; labels: string[]; table: ShownTable };

const SURVEY_ROLES: readonly StaffRole[] = ['admin'];

export async function chatSurveyReportFor(db: DbOrTx, { role, range }: { role: StaffRole; range: DayRange }): Promise<SurveyQuestionReport[] | undefined> {
  if (!SURVEY_ROLES.includes(role)) return undefined;
  const totals = await surveyAnswerTotals(db, range);
  const count = (question: string, answer: string) => totals.find((t) => t.question === question && t.answer === answer)?.answers ?? 0;
  return CHAT_SURVEY.map(({ question, text, answers }) => ({
    question,
    text,
    labels: answers.map(([, label]) => label),
    table: suppressTable({ cells: answers.map(([answer]) => [count(question, answer)]), columnTotals: true }),
  }));
}
