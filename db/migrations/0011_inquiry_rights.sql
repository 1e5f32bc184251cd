CREATE TABLE "inquiry_corrections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"inquiry_id" uuid NOT NULL,
	"corrected_at" timestamp with time zone NOT NULL,
	"corrected_by" uuid,
	"field" text NOT NULL,
	"previous" text,
	CONSTRAINT "inquiry_corrections_field_known" CHECK ("inquiry_corrections"."field" in ('name', 'email', 'phone'))
);
--> statement-breakpoint
ALTER TABLE "inquiry_corrections" ADD CONSTRAINT "inquiry_corrections_inquiry_id_inquiries_id_fk" FOREIGN KEY ("inquiry_id") REFERENCES "public"."inquiries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_corrections" ADD CONSTRAINT "inquiry_corrections_corrected_by_staff_id_fk" FOREIGN KEY ("corrected_by") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inquiry_corrections_inquiry_idx" ON "inquiry_corrections" USING btree ("inquiry_id","corrected_at");