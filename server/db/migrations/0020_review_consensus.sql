-- Review consensus (issue #13): the consensus in force for a high-spread application gets a table of its own,
-- instead of being read back out of the audit log. The audit events stay (the trail); nothing reads state from
-- them any more. The server's role gets SELECT, INSERT, UPDATE and DELETE on the new table at the next start
-- (kc_grant_app_privileges, migration 0018, derives the rights from the table's triggers: it has none).
CREATE TABLE "review_consensus" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"score" double precision NOT NULL,
	"note" text NOT NULL,
	"reviews_fingerprint" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "review_consensus" ADD CONSTRAINT "review_consensus_application_id_project_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."project_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_consensus" ADD CONSTRAINT "review_consensus_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Backfill: per application, its last consensus or consensus_reset event; a consensus one is in force. The
-- event stores the agreed score and the reason as field changes (score only when it changed: else the
-- application's stored score is the agreed one), and the fingerprint of the sheets as a note (events from before
-- fingerprints have none: their time serves).
INSERT INTO "review_consensus" ("application_id", "score", "note", "reviews_fingerprint", "recorded_by", "recorded_at")
SELECT a."id",
       COALESCE((e."changes" -> 'score' ->> 'after')::double precision, a."score"),
       COALESCE(e."changes" -> 'note' ->> 'after', ''),
       e."changes" -> 'reviews' ->> 'after',
       (SELECT u."id" FROM "users" u WHERE u."id" = e."user_id"),
       e."at"
FROM (
  SELECT DISTINCT ON ("entity_id") "entity_id", "action", "changes", "user_id", "at"
  FROM "audit_events"
  WHERE "entity" = 'application' AND "action" IN ('consensus', 'consensus_reset')
  ORDER BY "entity_id", "id" DESC
) e
JOIN "project_applications" a ON a."id"::text = e."entity_id"
WHERE e."action" = 'consensus'
  AND COALESCE((e."changes" -> 'score' ->> 'after')::double precision, a."score") IS NOT NULL
ON CONFLICT ("application_id") DO NOTHING;
