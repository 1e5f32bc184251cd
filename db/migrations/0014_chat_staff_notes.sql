CREATE TABLE "chat_staff_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conversation_id" uuid NOT NULL,
	"from_host_id" uuid,
	"to_host_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"body" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "chat_staff_notes" ADD CONSTRAINT "chat_staff_notes_conversation_id_chat_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."chat_conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_staff_notes" ADD CONSTRAINT "chat_staff_notes_from_host_id_staff_id_fk" FOREIGN KEY ("from_host_id") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_staff_notes" ADD CONSTRAINT "chat_staff_notes_to_host_id_staff_id_fk" FOREIGN KEY ("to_host_id") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "chat_staff_notes_conversation" ON "chat_staff_notes" USING btree ("conversation_id");