CREATE TABLE "digest_deliveries" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "digest_deliveries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" integer NOT NULL,
	"local_date" date NOT NULL,
	"status" text NOT NULL,
	"forced" boolean DEFAULT false NOT NULL,
	"counts" jsonb NOT NULL,
	"subject" text NOT NULL,
	"message_id" text,
	"error" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "digest_enabled" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "digest_deliveries" ADD CONSTRAINT "digest_deliveries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "digest_deliveries_once_a_day" ON "digest_deliveries" USING btree ("user_id","local_date") WHERE "digest_deliveries"."status" in ('sending', 'sent') and not "digest_deliveries"."forced";