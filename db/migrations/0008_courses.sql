CREATE TABLE "course_bookings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL,
	"status" text NOT NULL,
	"payment" text NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"phone" text,
	"answers" text,
	"attended" boolean,
	"privacy_version" integer NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"hold_until" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "course_bookings_tokenHash_unique" UNIQUE("token_hash"),
	CONSTRAINT "course_bookings_status_known" CHECK ("course_bookings"."status" in ('held', 'offered', 'confirmed', 'waiting', 'cancelled')),
	CONSTRAINT "course_bookings_payment_known" CHECK ("course_bookings"."payment" in ('free', 'vipps', 'invoice')),
	CONSTRAINT "course_bookings_hold_has_deadline" CHECK (("course_bookings"."status" in ('held', 'offered')) = ("course_bookings"."hold_until" is not null)),
	CONSTRAINT "course_bookings_cancelled_has_time" CHECK (("course_bookings"."status" = 'cancelled') = ("course_bookings"."cancelled_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "course_orders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"booking_id" uuid,
	"sold_at" timestamp with time zone NOT NULL,
	"course_title" text NOT NULL,
	"session_starts_at" timestamp with time zone NOT NULL,
	"amount_nok" integer NOT NULL,
	"method" text NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"payment_reference" text,
	"status" text NOT NULL,
	"delete_after" timestamp with time zone NOT NULL,
	CONSTRAINT "course_orders_reference_unique" UNIQUE("reference"),
	CONSTRAINT "course_orders_amount_positive" CHECK ("course_orders"."amount_nok" > 0),
	CONSTRAINT "course_orders_method_known" CHECK ("course_orders"."method" in ('vipps', 'invoice')),
	CONSTRAINT "course_orders_status_known" CHECK ("course_orders"."status" in ('reserved', 'captured', 'invoice', 'cancelled', 'refunded'))
);
--> statement-breakpoint
CREATE TABLE "course_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place" text,
	"online_link" text,
	"capacity" integer NOT NULL,
	"signup_deadline" timestamp with time zone NOT NULL,
	"cancel_deadline" timestamp with time zone NOT NULL,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "course_sessions_ends_after_start" CHECK ("course_sessions"."ends_at" > "course_sessions"."starts_at"),
	CONSTRAINT "course_sessions_capacity_positive" CHECK ("course_sessions"."capacity" > 0),
	CONSTRAINT "course_sessions_place_or_link" CHECK ("course_sessions"."place" is not null or "course_sessions"."online_link" is not null)
);
--> statement-breakpoint
CREATE TABLE "courses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"description" text NOT NULL,
	"section" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"price_nok" integer DEFAULT 0 NOT NULL,
	"questions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'hidden' NOT NULL,
	"is_example" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "courses_slug_unique" UNIQUE("slug"),
	CONSTRAINT "courses_slug_plain" CHECK ("courses"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "courses_status_known" CHECK ("courses"."status" in ('published', 'hidden', 'cancelled')),
	CONSTRAINT "courses_price_not_negative" CHECK ("courses"."price_nok" >= 0)
);
--> statement-breakpoint
ALTER TABLE "staff" DROP CONSTRAINT "staff_role_known";--> statement-breakpoint
ALTER TABLE "course_bookings" ADD CONSTRAINT "course_bookings_session_id_course_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."course_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_bookings" ADD CONSTRAINT "course_bookings_privacy_version_privacy_versions_number_fk" FOREIGN KEY ("privacy_version") REFERENCES "public"."privacy_versions"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_orders" ADD CONSTRAINT "course_orders_booking_id_course_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."course_bookings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_sessions" ADD CONSTRAINT "course_sessions_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "course_bookings_session_idx" ON "course_bookings" USING btree ("session_id","status","created_at");--> statement-breakpoint
CREATE INDEX "course_bookings_hold_until_idx" ON "course_bookings" USING btree ("hold_until");--> statement-breakpoint
CREATE INDEX "course_orders_delete_after_idx" ON "course_orders" USING btree ("delete_after");--> statement-breakpoint
CREATE INDEX "course_sessions_course_idx" ON "course_sessions" USING btree ("course_id","starts_at");--> statement-breakpoint
ALTER TABLE "staff" ADD CONSTRAINT "staff_role_known" CHECK ("staff"."role" in ('admin', 'adviser', 'chat_host', 'course_admin'));--> statement-breakpoint
-- Two example courses for a fresh install, so a newcomer sees the portal work: one free and
-- online, one paid and in person, with sessions in the coming weeks at 18:00 Oslo time. Both
-- are marked as examples on their pages; course staff edit or delete them.
INSERT INTO "courses" ("slug", "title", "summary", "description", "section", "tags", "price_nok", "questions", "status", "is_example", "created_at", "updated_at") VALUES
('snakke-med-barn-om-sykdom', 'Å snakke med barn om sykdom',
 'Et kveldskurs på nett for deg som lurer på hva du skal si til barna når noen i familien er alvorlig syk.',
 E'Barn merker mer enn vi tror. På dette kurset går vi gjennom hva barn i ulike aldre trenger å få vite, hvordan du kan starte samtalen, og hva du kan gjøre når barnet ikke vil snakke.\n\nKurset er på nett. Lenken får du på e-post når du er påmeldt.',
 'pa-skolen', '{barn-som-parorende,sykdom}', 0,
 '[{"id": "alder", "label": "Hvor gamle er barna det gjelder? (valgfritt)", "required": false, "multiline": false}]'::jsonb,
 'published', true, now(), now()),
('staa-i-det-over-tid', 'Å stå i det over tid',
 'En kveld for pårørende som lenge har fulgt opp en de er glad i, og som kjenner at det tærer.',
 E'Kurset handler om å ta vare på seg selv mens man tar vare på andre: hvor du kan få avlastning, hvordan du kan sette grenser, og hvordan du kan snakke med helsetjenesten om det du står i.\n\nVi møtes i kurslokalet vårt fra klokka 18 til 20. Prisen gjelder hele kvelden, med noe å spise.',
 'i-helsetjenesten', '{avlastning,egen-helse,samtale-med-helsepersonell}', 450,
 '[{"id": "tilrettelegging", "label": "Trenger du noe tilrettelagt, for eksempel mat eller tilgang for rullestol? (valgfritt)", "required": false, "multiline": true}]'::jsonb,
 'published', true, now(), now());
--> statement-breakpoint
INSERT INTO "course_sessions" ("course_id", "starts_at", "ends_at", "place", "online_link", "capacity", "signup_deadline", "cancel_deadline")
SELECT c."id",
  (date_trunc('day', now() AT TIME ZONE 'Europe/Oslo') + (d || ' days')::interval + interval '18 hours') AT TIME ZONE 'Europe/Oslo',
  (date_trunc('day', now() AT TIME ZONE 'Europe/Oslo') + (d || ' days')::interval + interval '20 hours') AT TIME ZONE 'Europe/Oslo',
  CASE WHEN c."slug" = 'staa-i-det-over-tid' THEN 'Kurslokalet vårt (adressen står i bekreftelsen)' END,
  CASE WHEN c."slug" = 'snakke-med-barn-om-sykdom' THEN 'https://møte.example.org/eksempel' END,
  CASE WHEN c."slug" = 'staa-i-det-over-tid' THEN 12 ELSE 30 END,
  (date_trunc('day', now() AT TIME ZONE 'Europe/Oslo') + (d - 1 || ' days')::interval + interval '12 hours') AT TIME ZONE 'Europe/Oslo',
  (date_trunc('day', now() AT TIME ZONE 'Europe/Oslo') + (d - 2 || ' days')::interval + interval '12 hours') AT TIME ZONE 'Europe/Oslo'
FROM "courses" c
CROSS JOIN (VALUES (14), (35)) AS w(d)
WHERE c."is_example";
