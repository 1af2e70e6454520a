ALTER TABLE "customer_health" ALTER COLUMN "score" SET DATA TYPE double precision;--> statement-breakpoint
ALTER TABLE "partner_health" ALTER COLUMN "score" SET DATA TYPE double precision;