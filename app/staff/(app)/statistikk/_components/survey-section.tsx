import type { SurveyQuestionReport } from '@/lib/stats/chat-survey-report';
import { CountTable } from './count-table';
import { Section } from './section';

/** The survey after a chat, for admins: each question's answers in the period, suppressed. */
export function SurveySection({ questions }: { questions: SurveyQuestionReport[] }) {
  return (
    <Section
      id="etter-chatten"
      title="Etter chatten"
      intro={
        <p>
          Når en chat er avsluttet, kan den som chattet svare på tre spørsmål, eller la være. Hvert svar legges til tellingen for dagen det ble sendt, uten noe som kobler
          det til samtalen eller chatteverten. Summen er hvor mange som svarte på spørsmålet. Bare administratorer ser disse tallene.
        </p>
      }
    >
      {questions.map(({ question, text, labels, table }) => (
        <CountTable key={question} caption={text} corner="Svar" labels={labels} headings={['Antall']} table={table} />
      ))}
    </Section>
  );
}
