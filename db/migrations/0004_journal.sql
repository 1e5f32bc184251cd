CREATE TABLE "journal_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"source_type" text NOT NULL,
	"source_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL,
	"removed_at" timestamp with time zone,
	"removed_by" uuid,
	"removal_reason" text,
	CONSTRAINT "journal_entries_source_known" CHECK ("journal_entries"."source_type" in ('chat', 'inquiry')),
	CONSTRAINT "journal_entries_removal_complete" CHECK (("journal_entries"."removed_at" is null) = ("journal_entries"."removed_by" is null) and ("journal_entries"."removed_at" is null) = ("journal_entries"."removal_reason" is null))
);
--> statement-breakpoint
CREATE TABLE "journal_persons" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL,
	"name" text NOT NULL,
	"details" text
);
--> statement-breakpoint
CREATE TABLE "journal_revisions" (
	"entry_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"text" text,
	"reason" text,
	"written_at" timestamp with time zone NOT NULL,
	"written_by" uuid NOT NULL,
	CONSTRAINT "journal_revisions_entry_id_revision_pk" PRIMARY KEY("entry_id","revision"),
	CONSTRAINT "journal_revisions_number" CHECK ("journal_revisions"."revision" >= 1),
	CONSTRAINT "journal_revisions_first_has_no_reason" CHECK ("journal_revisions"."revision" > 1 or "journal_revisions"."reason" is null)
);
--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_person_id_journal_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."journal_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_removed_by_staff_id_fk" FOREIGN KEY ("removed_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_persons" ADD CONSTRAINT "journal_persons_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_revisions" ADD CONSTRAINT "journal_revisions_entry_id_journal_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."journal_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_revisions" ADD CONSTRAINT "journal_revisions_written_by_staff_id_fk" FOREIGN KEY ("written_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "journal_entries_person_idx" ON "journal_entries" USING btree ("person_id","created_at");--> statement-breakpoint
CREATE INDEX "journal_entries_source_idx" ON "journal_entries" USING btree ("source_type","source_id");--> statement-breakpoint
CREATE INDEX "journal_persons_created_idx" ON "journal_persons" USING btree ("created_at");--> statement-breakpoint
-- The journal is never deleted: the database refuses DELETE and TRUNCATE on its tables, and
-- keeps its history. An entry keeps where it came from and who wrote it; once removed it stays
-- removed. A revision keeps who wrote it and when; its text and reason can only be blanked, and
-- only after its entry has been marked removed.
CREATE FUNCTION journal_never_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the journal is never deleted (%)', TG_TABLE_NAME USING ERRCODE = '42501';
END
$$;
--> statement-breakpoint
CREATE FUNCTION journal_entries_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id <> OLD.id OR NEW.person_id <> OLD.person_id OR NEW.source_type <> OLD.source_type
     OR NEW.source_id <> OLD.source_id OR NEW.created_at <> OLD.created_at OR NEW.created_by <> OLD.created_by
     OR (OLD.removed_at IS NOT NULL AND (NEW.removed_at IS DISTINCT FROM OLD.removed_at OR NEW.removed_by IS DISTINCT FROM OLD.removed_by)) THEN
    RAISE EXCEPTION 'journal history cannot be rewritten' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE FUNCTION journal_revisions_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.entry_id <> OLD.entry_id OR NEW.revision <> OLD.revision OR NEW.written_at <> OLD.written_at OR NEW.written_by <> OLD.written_by
     OR (NEW.text IS DISTINCT FROM OLD.text AND NEW.text IS NOT NULL)
     OR (NEW.reason IS DISTINCT FROM OLD.reason AND NEW.reason IS NOT NULL)
     OR NOT EXISTS (SELECT 1 FROM journal_entries e WHERE e.id = OLD.entry_id AND e.removed_at IS NOT NULL) THEN
    RAISE EXCEPTION 'journal history cannot be rewritten' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER journal_persons_kept BEFORE DELETE ON journal_persons FOR EACH ROW EXECUTE FUNCTION journal_never_deleted();
--> statement-breakpoint
CREATE TRIGGER journal_persons_not_truncated BEFORE TRUNCATE ON journal_persons FOR EACH STATEMENT EXECUTE FUNCTION journal_never_deleted();
--> statement-breakpoint
CREATE TRIGGER journal_entries_kept BEFORE DELETE ON journal_entries FOR EACH ROW EXECUTE FUNCTION journal_never_deleted();
--> statement-breakpoint
CREATE TRIGGER journal_entries_not_truncated BEFORE TRUNCATE ON journal_entries FOR EACH STATEMENT EXECUTE FUNCTION journal_never_deleted();
--> statement-breakpoint
CREATE TRIGGER journal_entries_history BEFORE UPDATE ON journal_entries FOR EACH ROW EXECUTE FUNCTION journal_entries_guard();
--> statement-breakpoint
CREATE TRIGGER journal_revisions_kept BEFORE DELETE ON journal_revisions FOR EACH ROW EXECUTE FUNCTION journal_never_deleted();
--> statement-breakpoint
CREATE TRIGGER journal_revisions_not_truncated BEFORE TRUNCATE ON journal_revisions FOR EACH STATEMENT EXECUTE FUNCTION journal_never_deleted();
--> statement-breakpoint
CREATE TRIGGER journal_revisions_history BEFORE UPDATE ON journal_revisions FOR EACH ROW EXECUTE FUNCTION journal_revisions_guard();
