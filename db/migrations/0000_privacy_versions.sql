CREATE TABLE "privacy_versions" (
	"number" integer PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"body" text NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"takes_effect_at" timestamp with time zone NOT NULL,
	CONSTRAINT "privacy_versions_number_positive" CHECK ("privacy_versions"."number" > 0),
	CONSTRAINT "privacy_versions_notice_period" CHECK (("privacy_versions"."takes_effect_at" at time zone 'Europe/Oslo')::date - ("privacy_versions"."published_at" at time zone 'Europe/Oslo')::date >= 14),
	CONSTRAINT "privacy_versions_title_present" CHECK (length(trim("privacy_versions"."title")) > 0),
	CONSTRAINT "privacy_versions_body_present" CHECK (length(trim("privacy_versions"."body")) > 0)
);
--> statement-breakpoint
CREATE INDEX "privacy_versions_takes_effect_idx" ON "privacy_versions" USING btree ("takes_effect_at");