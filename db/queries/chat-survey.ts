// Not marked 'server-only': the purge forgets used tickets from the command line.
import { and, asc, gte, lt, lte, sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '@/db/client';
import { chatSurveyUsedTickets, dailyChatSurveyAnswers, type ChatSurveyQuestion } from '@/db/schema';

/**
 * The survey after a chat as daily counts (see lib/chat/survey-ticket.ts for the ticket). One
 * transaction writes the ticket's use and adds one to each answer's count for the day, one
 * upsert per answer; if the ticket was used before, nothing is written. Nothing here reads or
 * writes a chat.
 */
export async function countSurveyAnswers(
  db: Database,
  { ticketHash, day, answers }: { ticketHash: string; day: string; answers: Partial<Record<ChatSurveyQuestion, string>> },
): Promise<'counted' | 'used'> {
  const given = Object.entries(answers).filter((entry): entry is [ChatSurveyQuestion, string] => Boolean(entry[1]));
  return db.transaction(async (tx) => {
    const fresh = await tx.insert(chatSurveyUsedTickets).values({ hash: ticketHash, day }).onConflictDoNothing().returning({ hash: chatSurveyUsedTickets.hash });
    if (fresh.length === 0) return 'used';
    for (const [question, answer] of given) {
      await tx
        .insert(dailyChatSurveyAnswers)
        .values({ day, question, answer, answers: 1 })
        .onConflictDoUpdate({
          target: [dailyChatSurveyAnswers.day, dailyChatSurveyAnswers.question, dailyChatSurveyAnswers.answer],
          set: { answers: sql`${dailyChatSurveyAnswers.answers} + 1` },
        });
    }
    return 'counted';
  });
}

/** Forgets tickets used before `before` (an Oslo date): no ticket they could match is still good. */
export async function forgetUsedSurveyTickets(db: Database, { before }: { before: string }): Promise<number> {
  const gone = await db.delete(chatSurveyUsedTickets).where(lt(chatSurveyUsedTickets.day, before)).returning({ day: chatSurveyUsedTickets.day });
  return gone.length;
}

/** Each question's answers summed over a period of Oslo days, exact (suppression is the caller's). */
export async function surveyAnswerTotals(db: DbOrTx, { from, to }: { from: string; to: string }): Promise<{ question: ChatSurveyQuestion; answer: string; answers: number }[]> {
  return db
    .select({
      question: dailyChatSurveyAnswers.question,
      answer: dailyChatSurveyAnswers.answer,
      answers: sql<number>`sum(${dailyChatSurveyAnswers.answers})::int`.mapWith(Number),
    })
    .from(dailyChatSurveyAnswers)
    .where(and(gte(dailyChatSurveyAnswers.day, from), lte(dailyChatSurveyAnswers.day, to)))
    .groupBy(dailyChatSurveyAnswers.question, dailyChatSurveyAnswers.answer)
    .orderBy(asc(dailyChatSurveyAnswers.question), asc(dailyChatSurveyAnswers.answer));
}
