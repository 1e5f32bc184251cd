CREATE TABLE "chat_host_presence" (
	"staff_id" uuid PRIMARY KEY NOT NULL,
	"status" text DEFAULT 'tilgjengelig' NOT NULL,
	"max_chats" integer DEFAULT 3 NOT NULL,
	"seen_at" timestamp with time zone,
	CONSTRAINT "chat_host_presence_status_known" CHECK ("chat_host_presence"."status" in ('tilgjengelig', 'pause')),
	CONSTRAINT "chat_host_presence_max_chats" CHECK ("chat_host_presence"."max_chats" between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "chat_host_presence" ADD CONSTRAINT "chat_host_presence_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE cascade ON UPDATE no action;