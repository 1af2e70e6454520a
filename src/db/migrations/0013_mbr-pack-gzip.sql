ALTER TABLE "mbr_packs" ALTER COLUMN "pack" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "mbr_packs" ADD COLUMN "pack_gzip" "bytea";