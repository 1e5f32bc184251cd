import { z } from 'zod';
import type { ChatSurveyQuestion } from '@/db/schema';

/**
 * The three optional questions a visitor may answer after a chat, and the answers each
 * allows. The visitor's page shows them (app/chat/_components/chat-survey.tsx), the route
 * checks them (app/chat/api/svar), and the dashboard counts them, all from here.
 */
export const CHAT_SURVEY = [
  { question: 'hjelp', text: 'Var samtalen til hjelp for deg?', answers: [['ja', 'Ja'], ['litt', 'Litt'], ['nei', 'Nei']] },
  { question: 'bedre', text: 'Har du det litt bedre nå enn før du begynte å skrive?', answers: [['ja', 'Ja'], ['litt', 'Litt'], ['nei', 'Nei']] },
  { question: 'igjen', text: 'Ville du tatt kontakt med oss igjen hvis du trenger det?', answers: [['ja', 'Ja'], ['kanskje', 'Kanskje'], ['nei', 'Nei']] },
] as const satisfies readonly { question: ChatSurveyQuestion; text: string; answers: readonly (readonly [string, string])[] }[];

/** A sent survey: the ticket, and at least one of the three questions answered. */
export const chatSurveySchema = z.object({
  billett: z.string().max(200),
  svar: z
    .object({
      hjelp: z.enum(['ja', 'litt', 'nei']).optional(),
      bedre: z.enum(['ja', 'litt', 'nei']).optional(),
      igjen: z.enum(['ja', 'kanskje', 'nei']).optional(),
    })
    .strict()
    .refine((svar) => Object.values(svar).some(Boolean), { error: 'Velg minst ett svar, eller la være å sende.' }),
});
