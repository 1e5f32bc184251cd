CREATE TABLE "chat_coverage_clock" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"last_open_minute" timestamp with time zone,
	"last_staffed_minute" timestamp with time zone,
	CONSTRAINT "chat_coverage_clock_single_row" CHECK ("chat_coverage_clock"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "daily_chat_coverage" (
	"day" date PRIMARY KEY NOT NULL,
	"open_minutes" integer DEFAULT 0 NOT NULL,
	"staffed_minutes" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "daily_chat_coverage_not_negative" CHECK ("daily_chat_coverage"."open_minutes" >= 0 and "daily_chat_coverage"."staffed_minutes" >= 0)
);
--> statement-breakpoint
INSERT INTO "chat_coverage_clock" ("id") VALUES (1);
