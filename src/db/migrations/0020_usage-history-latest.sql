ALTER TABLE "usage_history_facts" ADD COLUMN "latest_on" date;--> statement-breakpoint
ALTER TABLE "usage_history_facts" ADD COLUMN "latest_licensed" integer;--> statement-breakpoint
ALTER TABLE "usage_history_facts" ADD COLUMN "latest_active" integer;--> statement-breakpoint
ALTER TABLE "usage_history_facts" ADD COLUMN "prior_licensed" integer;--> statement-breakpoint
ALTER TABLE "usage_history_facts" ADD COLUMN "prior_active" integer;--> statement-breakpoint
-- Facts stored before these columns existed lack them: forgotten, so the next refresh reads those histories whole.
DELETE FROM "usage_history_facts";
