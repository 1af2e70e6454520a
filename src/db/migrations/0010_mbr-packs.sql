CREATE TABLE "mbr_packs" (
	"partner_id" integer NOT NULL,
	"period" date NOT NULL,
	"pack" jsonb NOT NULL,
	"frozen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mbr_packs_partner_id_period_pk" PRIMARY KEY("partner_id","period")
);
--> statement-breakpoint
ALTER TABLE "mbr_packs" ADD CONSTRAINT "mbr_packs_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;