-- Issue #13: the policies module stores what it says as { code, params } (the web renders it); text columns keep people's words.
-- Rows written before keep their sentences in note / rejection_reason / trace.adjustments[].zh|en, and are read as they are.
ALTER TABLE "claim_steps" ADD COLUMN "message" jsonb;--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "rejection" jsonb;--> statement-breakpoint
ALTER TABLE "policy_versions" ADD COLUMN "message" jsonb;