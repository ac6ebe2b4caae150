CREATE TABLE "project_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"enterprise_id" uuid,
	"owner_user_id" uuid NOT NULL,
	"applicant_name" text NOT NULL,
	"applicant_credit_code" text,
	"partner_credit_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"team_members" jsonb NOT NULL,
	"title" text NOT NULL,
	"fields" jsonb NOT NULL,
	"requested_fen" bigint NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"formal_note" text,
	"submitted_at" timestamp with time zone,
	"score" double precision,
	"rank" integer,
	"approved_fen" bigint,
	"decision_note" text,
	"extension_months" integer DEFAULT 0 NOT NULL,
	"midterm_checks" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_applications_status_chk" CHECK ("project_applications"."status" in ('draft','submitted','withdrawn','returned','accepted','rejected','under_review','scored','consensus','approved','not_funded','contracted','completed','terminated')),
	CONSTRAINT "project_applications_money_chk" CHECK ("project_applications"."requested_fen" >= 0 and ("project_applications"."approved_fen" is null or "project_applications"."approved_fen" >= 0))
);
--> statement-breakpoint
CREATE TABLE "assignment_draws" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"stage" text DEFAULT 'review' NOT NULL,
	"seed" integer NOT NULL,
	"params" jsonb NOT NULL,
	"result" jsonb NOT NULL,
	"checksum" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"key" text NOT NULL,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"kind" text DEFAULT 'standard' NOT NULL,
	"title" text NOT NULL,
	"guide_text" text NOT NULL,
	"categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"eligibility" jsonb NOT NULL,
	"budget_fen" bigint NOT NULL,
	"bounty_fen" bigint,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"form" jsonb NOT NULL,
	"review_template" jsonb NOT NULL,
	"funding_mode" text NOT NULL,
	"funding_params" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"region_code" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calls_code_unique" UNIQUE("code"),
	CONSTRAINT "calls_kind_chk" CHECK ("calls"."kind" in ('standard','challenge')),
	CONSTRAINT "calls_status_chk" CHECK ("calls"."status" in ('draft','published','closed','decided')),
	CONSTRAINT "calls_funding_chk" CHECK ("calls"."funding_mode" in ('tranches','milestones','post_subsidy')),
	CONSTRAINT "calls_dates_chk" CHECK ("calls"."opens_on" <= "calls"."closes_on"),
	CONSTRAINT "calls_budget_chk" CHECK ("calls"."budget_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "conflicts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"expert_id" uuid NOT NULL,
	"application_id" uuid,
	"type" text NOT NULL,
	"source" text NOT NULL,
	"evidence" text NOT NULL,
	"status" text NOT NULL,
	"unsupported" boolean DEFAULT false NOT NULL,
	"valid_from" date,
	"valid_to" date,
	"created_by" uuid,
	"decided_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conflicts_source_chk" CHECK ("conflicts"."source" in ('declared','automatic','admin')),
	CONSTRAINT "conflicts_status_chk" CHECK ("conflicts"."status" in ('suggested','confirmed','dismissed'))
);
--> statement-breakpoint
CREATE TABLE "experts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"name" text NOT NULL,
	"org_credit_code" text,
	"org_name" text,
	"fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"titles" text,
	"contact" text,
	"available" boolean DEFAULT true NOT NULL,
	"history" jsonb NOT NULL,
	"rating_sum" double precision DEFAULT 0 NOT NULL,
	"rating_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "experts_user_id_unique" UNIQUE("user_id")
);
--> statement-breakpoint
CREATE TABLE "project_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"condition" text NOT NULL,
	"due_on" date,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"paid_at" timestamp with time zone,
	CONSTRAINT "project_payments_kind_chk" CHECK ("project_payments"."kind" in ('advance','tranche','milestone','post_subsidy')),
	CONSTRAINT "project_payments_status_chk" CHECK ("project_payments"."status" in ('scheduled','released','held','paid')),
	CONSTRAINT "project_payments_amount_chk" CHECK ("project_payments"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "project_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"due_on" date NOT NULL,
	"text" text,
	"status" text DEFAULT 'due' NOT NULL,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	CONSTRAINT "project_reports_kind_chk" CHECK ("project_reports"."kind" in ('milestone','midterm','acceptance')),
	CONSTRAINT "project_reports_status_chk" CHECK ("project_reports"."status" in ('due','submitted','approved','rejected'))
);
--> statement-breakpoint
CREATE TABLE "project_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"draw_id" uuid,
	"stage" text DEFAULT 'review' NOT NULL,
	"status" text DEFAULT 'assigned' NOT NULL,
	"scores" jsonb,
	"total" double precision,
	"comment" text,
	"submitted_at" timestamp with time zone,
	CONSTRAINT "project_reviews_status_chk" CHECK ("project_reviews"."status" in ('assigned','submitted','declined'))
);
--> statement-breakpoint
ALTER TABLE "project_applications" ADD CONSTRAINT "project_applications_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_applications" ADD CONSTRAINT "project_applications_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_applications" ADD CONSTRAINT "project_applications_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_draws" ADD CONSTRAINT "assignment_draws_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_draws" ADD CONSTRAINT "assignment_draws_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_attachments" ADD CONSTRAINT "project_attachments_application_id_project_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."project_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_region_code_org_units_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflicts" ADD CONSTRAINT "conflicts_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflicts" ADD CONSTRAINT "conflicts_application_id_project_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."project_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflicts" ADD CONSTRAINT "conflicts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflicts" ADD CONSTRAINT "conflicts_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experts" ADD CONSTRAINT "experts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_payments" ADD CONSTRAINT "project_payments_application_id_project_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."project_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_reports" ADD CONSTRAINT "project_reports_application_id_project_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."project_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_reviews" ADD CONSTRAINT "project_reviews_application_id_project_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."project_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_reviews" ADD CONSTRAINT "project_reviews_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_reviews" ADD CONSTRAINT "project_reviews_draw_id_assignment_draws_id_fk" FOREIGN KEY ("draw_id") REFERENCES "public"."assignment_draws"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "project_applications_call_idx" ON "project_applications" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "project_applications_owner_idx" ON "project_applications" USING btree ("owner_user_id");--> statement-breakpoint
CREATE INDEX "project_attachments_app_idx" ON "project_attachments" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "conflicts_expert_idx" ON "conflicts" USING btree ("expert_id");--> statement-breakpoint
CREATE UNIQUE INDEX "project_payments_uq" ON "project_payments" USING btree ("application_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "project_reviews_uq" ON "project_reviews" USING btree ("application_id","expert_id","stage");