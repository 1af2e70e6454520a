CREATE TABLE "nsat_responses" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "nsat_responses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"partner_id" integer NOT NULL,
	"customer_id" integer,
	"respondent_name" text,
	"respondent_email" text,
	"respondent_key" text NOT NULL,
	"responded_on" date NOT NULL,
	"source" text NOT NULL,
	"scale" text NOT NULL,
	"answer" text NOT NULL,
	"comment" text,
	"recorded_by" integer,
	"origin" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "nsat_responses" ADD CONSTRAINT "nsat_responses_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nsat_responses" ADD CONSTRAINT "nsat_responses_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nsat_responses" ADD CONSTRAINT "nsat_responses_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "nsat_responses_partner_idx" ON "nsat_responses" USING btree ("partner_id","responded_on");--> statement-breakpoint
CREATE INDEX "nsat_responses_date_idx" ON "nsat_responses" USING btree ("responded_on");--> statement-breakpoint
CREATE UNIQUE INDEX "nsat_responses_natural_key" ON "nsat_responses" USING btree ("respondent_key","partner_id",coalesce("customer_id", 0),"responded_on","source");