ALTER TABLE "chat_conversations" ADD COLUMN "reference" text;--> statement-breakpoint
-- Hand-written: chats from before this migration get a random code in the same form. Eight bytes of a fresh random uuid (none of its fixed version or variant bits) pick the letters.
UPDATE "chat_conversations" AS c SET "reference" = (SELECT 'CHAT-' || string_agg(CASE WHEN p.n = 5 THEN '-' ELSE '' END || substr('ABCDEFGHJKMNPQRSTUVWXYZ23456789', 1 + get_byte(r.b, p.i) % 31, 1), '' ORDER BY p.n) FROM (SELECT uuid_send(gen_random_uuid()) AS b WHERE c."id" IS NOT NULL) AS r, unnest(ARRAY[0, 1, 2, 3, 4, 5, 9, 10]) WITH ORDINALITY AS p(i, n));--> statement-breakpoint
ALTER TABLE "chat_conversations" ALTER COLUMN "reference" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "chat_conversations" ADD CONSTRAINT "chat_conversations_reference_unique" UNIQUE("reference");--> statement-breakpoint
ALTER TABLE "chat_conversations" ADD CONSTRAINT "chat_conversations_reference_format" CHECK ("chat_conversations"."reference" ~ '^CHAT-[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{4}-[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{4}$');
