ALTER TABLE "conflicts" ALTER COLUMN "evidence" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "conflicts" ADD COLUMN "finding" jsonb;--> statement-breakpoint
ALTER TABLE "conflicts" ADD CONSTRAINT "conflicts_evidence_chk" CHECK ("conflicts"."evidence" is not null or "conflicts"."finding" is not null);