-- Custom SQL (drizzle-kit generate --custom): the trigger that keeps usage_history_facts true.
-- Usage history facts (decision 006-opportunities) stay true only while no snapshot dated on or before their
-- `through` changes: a statement trigger drops the facts of every customer × workload such a write touched
-- (the next refresh recomputes them from that history), and all of them when the table is truncated.
CREATE OR REPLACE FUNCTION forget_usage_history_facts() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM usage_history_facts;
    RETURN NULL;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM usage_history_facts) THEN
    RETURN NULL;
  END IF;
  DELETE FROM usage_history_facts f USING changed_rows r
    WHERE f.customer_id = r.customer_id AND f.workload_code = r.workload_code AND r.as_of <= f.through;
  IF TG_OP = 'UPDATE' THEN
    DELETE FROM usage_history_facts f USING old_rows r
      WHERE f.customer_id = r.customer_id AND f.workload_code = r.workload_code AND r.as_of <= f.through;
  END IF;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS usage_snapshots_facts_ins ON usage_snapshots;
--> statement-breakpoint
CREATE TRIGGER usage_snapshots_facts_ins AFTER INSERT ON usage_snapshots REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION forget_usage_history_facts();
--> statement-breakpoint
DROP TRIGGER IF EXISTS usage_snapshots_facts_upd ON usage_snapshots;
--> statement-breakpoint
CREATE TRIGGER usage_snapshots_facts_upd AFTER UPDATE ON usage_snapshots
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION forget_usage_history_facts();
--> statement-breakpoint
DROP TRIGGER IF EXISTS usage_snapshots_facts_del ON usage_snapshots;
--> statement-breakpoint
CREATE TRIGGER usage_snapshots_facts_del AFTER DELETE ON usage_snapshots REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION forget_usage_history_facts();
--> statement-breakpoint
DROP TRIGGER IF EXISTS usage_snapshots_facts_trunc ON usage_snapshots;
--> statement-breakpoint
CREATE TRIGGER usage_snapshots_facts_trunc AFTER TRUNCATE ON usage_snapshots
  FOR EACH STATEMENT EXECUTE FUNCTION forget_usage_history_facts();
--> statement-breakpoint
-- Always, also under session_replication_role = replica: the importer and the seed skip ordinary triggers
-- that way (db/bulk.ts skipForeignKeyTriggers), and a skipped one here would leave facts wrong.
ALTER TABLE usage_snapshots ENABLE ALWAYS TRIGGER usage_snapshots_facts_ins;
--> statement-breakpoint
ALTER TABLE usage_snapshots ENABLE ALWAYS TRIGGER usage_snapshots_facts_upd;
--> statement-breakpoint
ALTER TABLE usage_snapshots ENABLE ALWAYS TRIGGER usage_snapshots_facts_del;
--> statement-breakpoint
ALTER TABLE usage_snapshots ENABLE ALWAYS TRIGGER usage_snapshots_facts_trunc;
