CREATE TABLE "chat_categories" (
	"conversation_id" uuid NOT NULL,
	"category_id" integer NOT NULL,
	CONSTRAINT "chat_categories_conversation_id_category_id_pk" PRIMARY KEY("conversation_id","category_id")
);
--> statement-breakpoint
CREATE TABLE "contact_categories" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "contact_categories_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"label" text NOT NULL,
	"sort" integer NOT NULL,
	"retired_at" timestamp with time zone,
	CONSTRAINT "contact_categories_kind_known" CHECK ("contact_categories"."kind" in ('reason', 'outcome')),
	CONSTRAINT "contact_categories_label_length" CHECK (char_length("contact_categories"."label") between 1 and 60)
);
--> statement-breakpoint
CREATE TABLE "daily_chat_waits" (
	"day" date NOT NULL,
	"bucket" integer NOT NULL,
	"chats" integer NOT NULL,
	CONSTRAINT "daily_chat_waits_day_bucket_pk" PRIMARY KEY("day","bucket"),
	CONSTRAINT "daily_chat_waits_bucket_known" CHECK ("daily_chat_waits"."bucket" between 0 and 8),
	CONSTRAINT "daily_chat_waits_positive" CHECK ("daily_chat_waits"."chats" > 0)
);
--> statement-breakpoint
CREATE TABLE "daily_contact_categories" (
	"day" date NOT NULL,
	"channel" text NOT NULL,
	"category_id" integer NOT NULL,
	"contacts" integer NOT NULL,
	CONSTRAINT "daily_contact_categories_day_channel_category_id_pk" PRIMARY KEY("day","channel","category_id"),
	CONSTRAINT "daily_contact_categories_channel_known" CHECK ("daily_contact_categories"."channel" in ('henvendelse', 'chat')),
	CONSTRAINT "daily_contact_categories_not_negative" CHECK ("daily_contact_categories"."contacts" >= 0)
);
--> statement-breakpoint
CREATE TABLE "daily_contacts" (
	"day" date NOT NULL,
	"channel" text NOT NULL,
	"started" integer DEFAULT 0 NOT NULL,
	"ended" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "daily_contacts_day_channel_pk" PRIMARY KEY("day","channel"),
	CONSTRAINT "daily_contacts_channel_known" CHECK ("daily_contacts"."channel" in ('henvendelse', 'chat')),
	CONSTRAINT "daily_contacts_not_negative" CHECK ("daily_contacts"."started" >= 0 and "daily_contacts"."ended" >= 0)
);
--> statement-breakpoint
CREATE TABLE "daily_hold_events" (
	"day" date NOT NULL,
	"event" text NOT NULL,
	"holds" integer NOT NULL,
	CONSTRAINT "daily_hold_events_day_event_pk" PRIMARY KEY("day","event"),
	CONSTRAINT "daily_hold_events_event_known" CHECK ("daily_hold_events"."event" in ('placed', 'ended')),
	CONSTRAINT "daily_hold_events_positive" CHECK ("daily_hold_events"."holds" > 0)
);
--> statement-breakpoint
CREATE TABLE "inquiry_categories" (
	"inquiry_id" uuid NOT NULL,
	"category_id" integer NOT NULL,
	CONSTRAINT "inquiry_categories_inquiry_id_category_id_pk" PRIMARY KEY("inquiry_id","category_id")
);
--> statement-breakpoint
CREATE TABLE "purge_status" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"last_started_at" timestamp with time zone NOT NULL,
	"last_finished_at" timestamp with time zone,
	CONSTRAINT "purge_status_single_row" CHECK ("purge_status"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "chat_categories" ADD CONSTRAINT "chat_categories_conversation_id_chat_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."chat_conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_categories" ADD CONSTRAINT "chat_categories_category_id_contact_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."contact_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daily_contact_categories" ADD CONSTRAINT "daily_contact_categories_category_id_contact_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."contact_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_categories" ADD CONSTRAINT "inquiry_categories_inquiry_id_inquiries_id_fk" FOREIGN KEY ("inquiry_id") REFERENCES "public"."inquiries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_categories" ADD CONSTRAINT "inquiry_categories_category_id_contact_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."contact_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "contact_categories_kind_label_unique" ON "contact_categories" USING btree ("kind",lower("label"));--> statement-breakpoint
INSERT INTO "contact_categories" ("kind", "label", "sort") VALUES
	('reason', 'Psykisk helse', 10),
	('reason', 'Rus', 20),
	('reason', 'Somatisk sykdom', 30),
	('reason', 'Demens', 40),
	('reason', 'Død og sorg', 50),
	('reason', 'Vold og overgrep', 60),
	('reason', 'Skole', 70),
	('reason', 'Arbeid og økonomi', 80),
	('reason', 'Rettigheter', 90),
	('reason', 'Egen helse', 100),
	('reason', 'Annet', 110),
	('outcome', 'Veiledning gitt', 10),
	('outcome', 'Henvist videre', 20),
	('outcome', 'Bekymringsmelding', 30),
	('outcome', 'Journal opprettet', 40);
