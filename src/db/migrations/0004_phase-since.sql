-- engagements.phase_since: when the engagement entered its current phase (the "stalled" opportunity rule).
-- Kept by a trigger so that every writer (API, importer, CLI) keeps it right without knowing about it.
UPDATE "engagements" SET "phase_since" = "updated_at";
--> statement-breakpoint
CREATE OR REPLACE FUNCTION engagements_phase_since() RETURNS trigger AS $$
BEGIN
  IF NEW.phase IS DISTINCT FROM OLD.phase THEN
    NEW.phase_since := now();
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER engagements_phase_since BEFORE UPDATE OF phase ON "engagements"
  FOR EACH ROW EXECUTE FUNCTION engagements_phase_since();
