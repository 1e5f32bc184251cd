-- The access log is append-only: the database refuses UPDATE, DELETE and TRUNCATE, except a
-- DELETE of rows older than the cutoff that the purge sets for its own transaction
-- (set_config('hjelpelinje.access_log_cutoff', <now - retention>, true)).
CREATE FUNCTION access_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cutoff text := current_setting('hjelpelinje.access_log_cutoff', true);
BEGIN
  IF TG_OP = 'DELETE' AND coalesce(cutoff, '') <> '' AND OLD.at < cutoff::timestamptz THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'access_log is append-only' USING ERRCODE = '42501';
END
$$;
--> statement-breakpoint
CREATE FUNCTION access_log_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'access_log is append-only' USING ERRCODE = '42501';
END
$$;
--> statement-breakpoint
CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON access_log FOR EACH ROW EXECUTE FUNCTION access_log_guard();
--> statement-breakpoint
CREATE TRIGGER access_log_truncate BEFORE TRUNCATE ON access_log FOR EACH STATEMENT EXECUTE FUNCTION access_log_no_truncate();
