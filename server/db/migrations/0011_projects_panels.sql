CREATE TABLE "project_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"title" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_notices_call_id_unique" UNIQUE("call_id"),
	CONSTRAINT "project_notices_dates_chk" CHECK ("project_notices"."starts_on" <= "project_notices"."ends_on")
);
--> statement-breakpoint
CREATE TABLE "project_objections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"notice_id" uuid NOT NULL,
	"application_id" uuid,
	"text" text NOT NULL,
	"contact" text,
	"source" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"resolution" text,
	"created_by" uuid,
	"resolved_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	CONSTRAINT "project_objections_source_chk" CHECK ("project_objections"."source" in ('public','bureau')),
	CONSTRAINT "project_objections_status_chk" CHECK ("project_objections"."status" in ('open','upheld','dismissed'))
);
--> statement-breakpoint
ALTER TABLE "project_reviews" DROP CONSTRAINT "project_reviews_status_chk";--> statement-breakpoint
DROP INDEX "project_reviews_uq";--> statement-breakpoint
ALTER TABLE "assignment_draws" ADD COLUMN "kind" text DEFAULT 'draw' NOT NULL;--> statement-breakpoint
ALTER TABLE "assignment_draws" ADD COLUMN "parent_id" uuid;--> statement-breakpoint
ALTER TABLE "project_reports" ADD COLUMN "panel" jsonb;--> statement-breakpoint
ALTER TABLE "project_reviews" ADD COLUMN "report_id" uuid;--> statement-breakpoint
ALTER TABLE "project_reviews" ADD COLUMN "reason" text;--> statement-breakpoint
ALTER TABLE "project_reviews" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "project_reviews" ADD COLUMN "replaced_by" uuid;--> statement-breakpoint
ALTER TABLE "project_notices" ADD CONSTRAINT "project_notices_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_notices" ADD CONSTRAINT "project_notices_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_objections" ADD CONSTRAINT "project_objections_notice_id_project_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."project_notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_objections" ADD CONSTRAINT "project_objections_application_id_project_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."project_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_objections" ADD CONSTRAINT "project_objections_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_objections" ADD CONSTRAINT "project_objections_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "project_objections_notice_idx" ON "project_objections" USING btree ("notice_id");--> statement-breakpoint
ALTER TABLE "assignment_draws" ADD CONSTRAINT "assignment_draws_parent_id_assignment_draws_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."assignment_draws"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_reviews" ADD CONSTRAINT "project_reviews_report_id_project_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."project_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_reviews" ADD CONSTRAINT "project_reviews_replaced_by_project_reviews_id_fk" FOREIGN KEY ("replaced_by") REFERENCES "public"."project_reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assignment_draws_call_idx" ON "assignment_draws" USING btree ("call_id","created_at");--> statement-breakpoint
CREATE INDEX "project_reports_app_idx" ON "project_reports" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "project_reviews_live_uq" ON "project_reviews" USING btree ("application_id","expert_id","stage") WHERE "project_reviews"."status" in ('assigned','submitted');--> statement-breakpoint
CREATE INDEX "project_reviews_expert_idx" ON "project_reviews" USING btree ("expert_id");--> statement-breakpoint
CREATE INDEX "project_reviews_report_idx" ON "project_reviews" USING btree ("report_id");--> statement-breakpoint
ALTER TABLE "assignment_draws" ADD CONSTRAINT "assignment_draws_stage_chk" CHECK ("assignment_draws"."stage" in ('review','midterm','acceptance'));--> statement-breakpoint
ALTER TABLE "assignment_draws" ADD CONSTRAINT "assignment_draws_kind_chk" CHECK ("assignment_draws"."kind" in ('draw','swap','redraw'));--> statement-breakpoint
ALTER TABLE "project_reviews" ADD CONSTRAINT "project_reviews_stage_chk" CHECK ("project_reviews"."stage" in ('review','midterm','acceptance'));--> statement-breakpoint
ALTER TABLE "project_reviews" ADD CONSTRAINT "project_reviews_status_chk" CHECK ("project_reviews"."status" in ('assigned','submitted','declined','replaced','superseded'));