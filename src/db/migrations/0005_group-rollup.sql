CREATE TABLE "group_workload_monthly" (
	"region_id" integer,
	"fpm_user_id" integer,
	"period" date NOT NULL,
	"workload_code" text NOT NULL,
	"partners" integer NOT NULL,
	"engagements" integer NOT NULL,
	"licensed" bigint NOT NULL,
	"active" bigint NOT NULL
);
--> statement-breakpoint
DROP INDEX "pwm_period_idx";--> statement-breakpoint
CREATE INDEX "gwm_period_idx" ON "group_workload_monthly" USING btree ("period");--> statement-breakpoint
CREATE INDEX "gwm_region_idx" ON "group_workload_monthly" USING btree ("region_id","period");--> statement-breakpoint
CREATE INDEX "gwm_fpm_idx" ON "group_workload_monthly" USING btree ("fpm_user_id","period");--> statement-breakpoint
CREATE INDEX "pwm_period_partner_idx" ON "partner_workload_monthly" USING btree ("period","partner_id");