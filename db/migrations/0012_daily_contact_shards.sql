ALTER TABLE "daily_contacts" ADD COLUMN "shard" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "daily_contacts" DROP CONSTRAINT "daily_contacts_day_channel_pk";--> statement-breakpoint
ALTER TABLE "daily_contacts" ADD CONSTRAINT "daily_contacts_day_channel_shard_pk" PRIMARY KEY("day","channel","shard");--> statement-breakpoint
ALTER TABLE "daily_contacts" ADD CONSTRAINT "daily_contacts_shard_known" CHECK ("daily_contacts"."shard" >= 0 and "daily_contacts"."shard" < 8);
