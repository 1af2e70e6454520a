DROP INDEX "opportunities_partner_value_idx";--> statement-breakpoint
DROP INDEX "opportunities_value_idx";--> statement-breakpoint
CREATE INDEX "opportunities_partner_value_idx" ON "opportunities" USING btree ("partner_id","value" DESC NULLS FIRST,"id");--> statement-breakpoint
CREATE INDEX "opportunities_value_idx" ON "opportunities" USING btree ("value" DESC NULLS FIRST,"id");