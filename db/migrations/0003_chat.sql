CREATE TABLE "chat_blocked_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"blocked_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chat_conversations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"status" text DEFAULT 'venter' NOT NULL,
	"data_key" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"host_id" uuid,
	"ended_at" timestamp with time zone,
	"ended_by" text,
	"last_seq" integer DEFAULT 0 NOT NULL,
	"last_activity_at" timestamp with time zone NOT NULL,
	"flagged_at" timestamp with time zone,
	"flagged_by" uuid,
	"delete_after" timestamp with time zone,
	CONSTRAINT "chat_conversations_tokenHash_unique" UNIQUE("token_hash"),
	CONSTRAINT "chat_conversations_status_known" CHECK ("chat_conversations"."status" in ('venter', 'aktiv', 'avsluttet')),
	CONSTRAINT "chat_conversations_ended" CHECK (("chat_conversations"."status" = 'avsluttet') = ("chat_conversations"."ended_at" is not null)),
	CONSTRAINT "chat_conversations_flag_has_deadline" CHECK ("chat_conversations"."flagged_at" is null or "chat_conversations"."delete_after" is not null)
);
--> statement-breakpoint
CREATE TABLE "chat_messages" (
	"conversation_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"sender" text NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"body" text NOT NULL,
	CONSTRAINT "chat_messages_conversation_id_seq_pk" PRIMARY KEY("conversation_id","seq"),
	CONSTRAINT "chat_messages_sender_known" CHECK ("chat_messages"."sender" in ('besokende', 'vert', 'system'))
);
--> statement-breakpoint
CREATE TABLE "chat_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"hours" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "chat_settings_single_row" CHECK ("chat_settings"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "chat_conversations" ADD CONSTRAINT "chat_conversations_host_id_staff_id_fk" FOREIGN KEY ("host_id") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_conversations" ADD CONSTRAINT "chat_conversations_flagged_by_staff_id_fk" FOREIGN KEY ("flagged_by") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_messages" ADD CONSTRAINT "chat_messages_conversation_id_chat_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."chat_conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_messages" ADD CONSTRAINT "chat_messages_author_id_staff_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_settings" ADD CONSTRAINT "chat_settings_updated_by_staff_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "chat_blocked_tokens_expires_idx" ON "chat_blocked_tokens" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "chat_conversations_status_idx" ON "chat_conversations" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "chat_conversations_delete_after_idx" ON "chat_conversations" USING btree ("delete_after");--> statement-breakpoint
CREATE INDEX "chat_conversations_host_idx" ON "chat_conversations" USING btree ("host_id");