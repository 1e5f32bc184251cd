ALTER TABLE "course_bookings" ADD COLUMN "link_token" text;--> statement-breakpoint
ALTER TABLE "course_bookings" ADD COLUMN "payment_reference" text;--> statement-breakpoint
ALTER TABLE "course_bookings" ADD COLUMN "payment_url" text;--> statement-breakpoint
ALTER TABLE "course_bookings" ADD COLUMN "reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "course_bookings" ADD CONSTRAINT "course_bookings_paymentReference_unique" UNIQUE("payment_reference");