CREATE TABLE "opportunities" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "opportunities_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"rule" text NOT NULL,
	"engagement_id" integer NOT NULL,
	"partner_id" integer NOT NULL,
	"customer_id" integer NOT NULL,
	"workload_code" text,
	"value" double precision NOT NULL,
	"reason" text NOT NULL,
	"evidence" jsonb NOT NULL,
	"period" date NOT NULL,
	"found_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opportunities_rule_engagement" UNIQUE("rule","engagement_id")
);
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "survey_contact_email" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "last_success_review_on" date;--> statement-breakpoint
ALTER TABLE "engagements" ADD COLUMN "phase_since" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_workload_code_workloads_code_fk" FOREIGN KEY ("workload_code") REFERENCES "public"."workloads"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "opportunities_partner_value_idx" ON "opportunities" USING btree ("partner_id","value" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "opportunities_rule_value_idx" ON "opportunities" USING btree ("rule","value" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "opportunities_customer_idx" ON "opportunities" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "opportunities_value_idx" ON "opportunities" USING btree ("value" DESC NULLS LAST);