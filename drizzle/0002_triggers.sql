-- The audit log is append-only: history must not be rewritten, not even by the application.
CREATE FUNCTION audit_log_forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_forbid_change();
--> statement-breakpoint
-- Per-unit member counters, kept in step with members by statement-level triggers so that a
-- subtree count sums a few thousand counter rows instead of scanning a million members.
-- Transition tables are visible to EXECUTE, so one function serves all three events.
CREATE FUNCTION member_stats_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed text;
BEGIN
  changed := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT unit_id, status, gender, archived_at, 1 AS sign FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT unit_id, status, gender, archived_at, -1 AS sign FROM old_rows'
    ELSE 'SELECT unit_id, status, gender, archived_at, 1 AS sign FROM new_rows
          UNION ALL SELECT unit_id, status, gender, archived_at, -1 AS sign FROM old_rows'
  END;
  EXECUTE format($q$
    INSERT INTO unit_member_stats AS s (unit_id, active, "full", probationary, female, archived)
    SELECT unit_id,
           sum(sign * (archived_at IS NULL AND status IN ('full', 'probationary'))::int),
           sum(sign * (archived_at IS NULL AND status = 'full')::int),
           sum(sign * (archived_at IS NULL AND status = 'probationary')::int),
           sum(sign * (archived_at IS NULL AND status IN ('full', 'probationary')
                       AND gender = 'female')::int),
           sum(sign * (archived_at IS NOT NULL)::int)
    FROM (%s) changed
    GROUP BY unit_id
    ON CONFLICT (unit_id) DO UPDATE SET
      active = s.active + EXCLUDED.active,
      "full" = s."full" + EXCLUDED."full",
      probationary = s.probationary + EXCLUDED.probationary,
      female = s.female + EXCLUDED.female,
      archived = s.archived + EXCLUDED.archived
  $q$, changed);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER members_stats_insert AFTER INSERT ON members
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION member_stats_apply();
--> statement-breakpoint
CREATE TRIGGER members_stats_update AFTER UPDATE ON members
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION member_stats_apply();
--> statement-breakpoint
CREATE TRIGGER members_stats_delete AFTER DELETE ON members
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION member_stats_apply();
