CREATE TABLE "offboarding_events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "offboarding_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"recommendation_id" integer NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"comment" text,
	"user_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offboarding_recommendations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "offboarding_recommendations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"partner_id" integer NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"reason" text NOT NULL,
	"flags" jsonb NOT NULL,
	"previous_partner_status" text,
	"proposed_by" integer NOT NULL,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "offboarding_events" ADD CONSTRAINT "offboarding_events_recommendation_id_offboarding_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."offboarding_recommendations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offboarding_events" ADD CONSTRAINT "offboarding_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offboarding_recommendations" ADD CONSTRAINT "offboarding_recommendations_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offboarding_recommendations" ADD CONSTRAINT "offboarding_recommendations_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "offboarding_events_recommendation_idx" ON "offboarding_events" USING btree ("recommendation_id");--> statement-breakpoint
CREATE INDEX "offboarding_recommendations_partner_idx" ON "offboarding_recommendations" USING btree ("partner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "offboarding_recommendations_one_open" ON "offboarding_recommendations" USING btree ("partner_id") WHERE "offboarding_recommendations"."status" in ('proposed', 'reviewed');