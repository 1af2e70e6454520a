CREATE TABLE "customer_health" (
	"customer_id" integer NOT NULL,
	"period" date NOT NULL,
	"score" real NOT NULL,
	"band" text NOT NULL,
	"inputs" jsonb NOT NULL,
	"settings_from" date,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_health_customer_id_period_pk" PRIMARY KEY("customer_id","period")
);
--> statement-breakpoint
CREATE TABLE "opportunity_states" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "opportunity_states_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"rule" text NOT NULL,
	"engagement_id" integer NOT NULL,
	"action" text NOT NULL,
	"until" date,
	"reason" text,
	"user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner_health" (
	"partner_id" integer NOT NULL,
	"period" date NOT NULL,
	"score" real NOT NULL,
	"band" text NOT NULL,
	"inputs" jsonb NOT NULL,
	"settings_from" date,
	"customers_healthy" integer DEFAULT 0 NOT NULL,
	"customers_watch" integer DEFAULT 0 NOT NULL,
	"customers_at_risk" integer DEFAULT 0 NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_health_partner_id_period_pk" PRIMARY KEY("partner_id","period")
);
--> statement-breakpoint
CREATE TABLE "partner_workload_monthly" (
	"partner_id" integer NOT NULL,
	"workload_code" text NOT NULL,
	"period" date NOT NULL,
	"engagements" integer NOT NULL,
	"customers" integer NOT NULL,
	"eligible" integer NOT NULL,
	"claimed" integer NOT NULL,
	"in_progress" integer NOT NULL,
	"blocked" integer NOT NULL,
	"measured" integer NOT NULL,
	"licensed" bigint NOT NULL,
	"active" bigint NOT NULL,
	"milestone_counts" integer[] NOT NULL,
	"phase_counts" integer[] NOT NULL,
	CONSTRAINT "partner_workload_monthly_partner_id_workload_code_period_pk" PRIMARY KEY("partner_id","workload_code","period")
);
--> statement-breakpoint
CREATE TABLE "program_settings" (
	"effective_from" date PRIMARY KEY NOT NULL,
	"values" jsonb NOT NULL,
	"note" text,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customer_health" ADD CONSTRAINT "customer_health_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_states" ADD CONSTRAINT "opportunity_states_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_states" ADD CONSTRAINT "opportunity_states_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_health" ADD CONSTRAINT "partner_health_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_workload_monthly" ADD CONSTRAINT "partner_workload_monthly_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_workload_monthly" ADD CONSTRAINT "partner_workload_monthly_workload_code_workloads_code_fk" FOREIGN KEY ("workload_code") REFERENCES "public"."workloads"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_settings" ADD CONSTRAINT "program_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_health_period_idx" ON "customer_health" USING btree ("period");--> statement-breakpoint
CREATE INDEX "opportunity_states_engagement_idx" ON "opportunity_states" USING btree ("engagement_id","rule");--> statement-breakpoint
CREATE INDEX "partner_health_period_idx" ON "partner_health" USING btree ("period");--> statement-breakpoint
CREATE INDEX "pwm_period_idx" ON "partner_workload_monthly" USING btree ("period");