CREATE TABLE "chat_survey_used_tickets" (
	"hash" text PRIMARY KEY NOT NULL,
	"day" date NOT NULL,
	CONSTRAINT "chat_survey_used_tickets_hash_hex" CHECK ("chat_survey_used_tickets"."hash" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "daily_chat_survey_answers" (
	"day" date NOT NULL,
	"question" text NOT NULL,
	"answer" text NOT NULL,
	"answers" integer NOT NULL,
	CONSTRAINT "daily_chat_survey_answers_day_question_answer_pk" PRIMARY KEY("day","question","answer"),
	CONSTRAINT "daily_chat_survey_answers_known" CHECK (("daily_chat_survey_answers"."question" in ('hjelp', 'bedre') and "daily_chat_survey_answers"."answer" in ('ja', 'litt', 'nei')) or ("daily_chat_survey_answers"."question" = 'igjen' and "daily_chat_survey_answers"."answer" in ('ja', 'kanskje', 'nei'))),
	CONSTRAINT "daily_chat_survey_answers_positive" CHECK ("daily_chat_survey_answers"."answers" > 0)
);
