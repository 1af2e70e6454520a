CREATE TABLE "data_versions" (
	"partner_id" integer PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scorecard_cache" (
	"partner_id" integer NOT NULL,
	"key" text NOT NULL,
	"stamp" text NOT NULL,
	"totals" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scorecard_cache_partner_id_key_pk" PRIMARY KEY("partner_id","key")
);
--> statement-breakpoint
-- Data versions (decision 019): statement triggers bump the version of each partner a write touched, or the
-- global version (partner 0) for catalogue-wide tables and for statements touching many partners at once
-- (one row lock instead of hundreds while a bulk transaction runs). Partners are locked in id order.
CREATE FUNCTION bump_data_versions() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  ids int[];
BEGIN
  IF TG_NARGS > 0 THEN
    EXECUTE format('SELECT array_agg(DISTINCT p ORDER BY p) FROM (%s) ids(p) WHERE p IS NOT NULL',
      replace(TG_ARGV[0], '{rows}', 'changed_rows')
      || CASE WHEN TG_OP = 'UPDATE' THEN ' UNION ALL ' || replace(TG_ARGV[0], '{rows}', 'old_rows') ELSE '' END)
      INTO ids;
    IF ids IS NULL THEN
      RETURN NULL;
    END IF;
  END IF;
  IF TG_NARGS = 0 OR cardinality(ids) > 100 THEN
    INSERT INTO data_versions (partner_id, version) VALUES (0, 1)
      ON CONFLICT (partner_id) DO UPDATE SET version = data_versions.version + 1;
  ELSE
    INSERT INTO data_versions (partner_id, version) SELECT unnest(ids), 1
      ON CONFLICT (partner_id) DO UPDATE SET version = data_versions.version + 1;
  END IF;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
DO $do$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT * FROM (VALUES
    ('partners', 'SELECT id FROM {rows}'),
    ('engagements', 'SELECT partner_id FROM {rows}'),
    ('customers', 'SELECT primary_partner_id FROM {rows}'),
    ('partner_workload_monthly', 'SELECT partner_id FROM {rows}'),
    ('meeting_series', 'SELECT partner_id FROM {rows}'),
    ('meeting_occurrences', 'SELECT s.partner_id FROM {rows} r JOIN meeting_series s ON s.id = r.series_id'),
    ('touchpoints', 'SELECT partner_id FROM {rows}'),
    ('stakeholders', 'SELECT partner_id FROM {rows}'),
    ('escalations', 'SELECT partner_id FROM {rows}'),
    ('escalation_events', 'SELECT x.partner_id FROM {rows} r JOIN escalations x ON x.id = r.escalation_id'),
    ('nsat_responses', 'SELECT partner_id FROM {rows}'),
    ('insights', 'SELECT partner_id FROM {rows}'),
    ('insight_plus_ones', 'SELECT i.partner_id FROM {rows} r JOIN insights i ON i.id = r.insight_id'),
    ('spotlights', 'SELECT partner_id FROM {rows}'),
    ('referrals', 'SELECT partner_id FROM {rows}'),
    ('offboarding_recommendations', 'SELECT partner_id FROM {rows}'),
    ('task_completions', 'SELECT partner_id FROM {rows}')
  ) v(tbl, expr) LOOP
    EXECUTE format('CREATE TRIGGER %1$s_versions_ins AFTER INSERT ON %1$I REFERENCING NEW TABLE AS changed_rows
      FOR EACH STATEMENT EXECUTE FUNCTION bump_data_versions(%2$L)', t.tbl, t.expr);
    EXECUTE format('CREATE TRIGGER %1$s_versions_upd AFTER UPDATE ON %1$I
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed_rows
      FOR EACH STATEMENT EXECUTE FUNCTION bump_data_versions(%2$L)', t.tbl, t.expr);
    EXECUTE format('CREATE TRIGGER %1$s_versions_del AFTER DELETE ON %1$I REFERENCING OLD TABLE AS changed_rows
      FOR EACH STATEMENT EXECUTE FUNCTION bump_data_versions(%2$L)', t.tbl, t.expr);
  END LOOP;
  FOR t IN SELECT * FROM (VALUES ('program_settings'), ('task_definitions'), ('escalation_sla'), ('workloads'),
    ('customer_health'), ('usage_snapshots')) v(tbl) LOOP
    EXECUTE format('CREATE TRIGGER %1$s_versions AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %1$I
      FOR EACH STATEMENT EXECUTE FUNCTION bump_data_versions()', t.tbl);
  END LOOP;
END
$do$;
