CREATE TABLE "data_elements" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"unit" text NOT NULL,
	"aggregation" text NOT NULL,
	"definition_zh" text DEFAULT '' NOT NULL,
	"min_value" double precision,
	"max_value" double precision,
	CONSTRAINT "data_elements_aggregation_chk" CHECK ("data_elements"."aggregation" in ('sum','last','max','min','none'))
);
--> statement-breakpoint
CREATE TABLE "data_revision" (
	"id" integer PRIMARY KEY NOT NULL,
	"revision" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "data_values" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "data_values_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"data_element_code" text NOT NULL,
	"org_unit_code" text NOT NULL,
	"period" text NOT NULL,
	"value" double precision NOT NULL,
	"version" integer NOT NULL,
	"is_current" boolean DEFAULT true NOT NULL,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"source_note" text,
	"reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	CONSTRAINT "data_values_status_chk" CHECK ("data_values"."status" in ('draft','submitted','approved')),
	CONSTRAINT "data_values_source_chk" CHECK ("data_values"."source" in ('manual','import','computed','official')),
	CONSTRAINT "data_values_period_chk" CHECK ("data_values"."period" ~ '^[0-9]{4}([Qq][1-4]|0[1-9]|1[0-2])?$')
);
--> statement-breakpoint
CREATE TABLE "indicator_statements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"org_unit_code" text NOT NULL,
	"year" integer NOT NULL,
	"value" double precision NOT NULL,
	"comparator" text DEFAULT '=' NOT NULL,
	"section" text NOT NULL,
	"clause" text NOT NULL,
	"sort_order" integer NOT NULL,
	CONSTRAINT "indicator_statements_kind_chk" CHECK ("indicator_statements"."kind" in ('baseline','target')),
	CONSTRAINT "indicator_statements_cmp_chk" CHECK ("indicator_statements"."comparator" in ('=','>=','<='))
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"code" text NOT NULL,
	"table1_no" integer,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"unit" text NOT NULL,
	"decimals" integer DEFAULT 0 NOT NULL,
	"direction" text NOT NULL,
	"expression" text NOT NULL,
	"goal_no" integer,
	"task_no" text,
	"definition_zh" text DEFAULT '' NOT NULL,
	"responsible_departments" text[] DEFAULT '{}'::text[] NOT NULL,
	"sort_order" integer NOT NULL,
	CONSTRAINT "indicators_direction_chk" CHECK ("indicators"."direction" in ('increase','decrease'))
);
--> statement-breakpoint
CREATE TABLE "plan_goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"no" integer NOT NULL,
	"title_zh" text NOT NULL,
	"title_en" text NOT NULL,
	"text_zh" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"no" text NOT NULL,
	"parent_no" text,
	"title_zh" text NOT NULL,
	"title_en" text NOT NULL,
	"sort_order" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"title_zh" text NOT NULL,
	"title_en" text NOT NULL,
	"region_code" text NOT NULL,
	"period_start" integer NOT NULL,
	"period_end" integer NOT NULL,
	"baseline_year" integer NOT NULL,
	"document_no" text,
	"issued_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "statement_resolutions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "statement_resolutions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"indicator_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"org_unit_code" text NOT NULL,
	"year" integer NOT NULL,
	"statement_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"user_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "data_values" ADD CONSTRAINT "data_values_data_element_code_data_elements_code_fk" FOREIGN KEY ("data_element_code") REFERENCES "public"."data_elements"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_values" ADD CONSTRAINT "data_values_org_unit_code_org_units_code_fk" FOREIGN KEY ("org_unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_values" ADD CONSTRAINT "data_values_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_values" ADD CONSTRAINT "data_values_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_values" ADD CONSTRAINT "data_values_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_statements" ADD CONSTRAINT "indicator_statements_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_statements" ADD CONSTRAINT "indicator_statements_org_unit_code_org_units_code_fk" FOREIGN KEY ("org_unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_goals" ADD CONSTRAINT "plan_goals_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD CONSTRAINT "plan_tasks_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_region_code_org_units_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement_resolutions" ADD CONSTRAINT "statement_resolutions_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement_resolutions" ADD CONSTRAINT "statement_resolutions_statement_id_indicator_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."indicator_statements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement_resolutions" ADD CONSTRAINT "statement_resolutions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "data_values_current_uq" ON "data_values" USING btree ("data_element_code","org_unit_code","period") WHERE "data_values"."is_current";--> statement-breakpoint
CREATE UNIQUE INDEX "data_values_version_uq" ON "data_values" USING btree ("data_element_code","org_unit_code","period","version");--> statement-breakpoint
CREATE INDEX "data_values_ou_idx" ON "data_values" USING btree ("org_unit_code","period");--> statement-breakpoint
CREATE INDEX "indicator_statements_ind_idx" ON "indicator_statements" USING btree ("indicator_id");--> statement-breakpoint
CREATE UNIQUE INDEX "indicators_plan_code_uq" ON "indicators" USING btree ("plan_id","code");--> statement-breakpoint
CREATE INDEX "indicators_code_idx" ON "indicators" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_goals_uq" ON "plan_goals" USING btree ("plan_id","no");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_tasks_uq" ON "plan_tasks" USING btree ("plan_id","no");--> statement-breakpoint
CREATE INDEX "statement_resolutions_key_idx" ON "statement_resolutions" USING btree ("indicator_id","kind","org_unit_code","year");--> statement-breakpoint
INSERT INTO "data_revision" ("id", "revision") VALUES (1, 0);
--> statement-breakpoint
-- An approved version is locked: its value, key and approval can never change (corrections are new versions).
CREATE OR REPLACE FUNCTION kc_lock_approved_value() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status = 'approved' THEN
      RAISE EXCEPTION 'approved data value % is locked: DELETE rejected', OLD.id USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status = 'approved' AND (NEW.value IS DISTINCT FROM OLD.value OR NEW.status <> 'approved'
      OR NEW.data_element_code <> OLD.data_element_code OR NEW.org_unit_code <> OLD.org_unit_code
      OR NEW.period <> OLD.period OR NEW.version <> OLD.version) THEN
    RAISE EXCEPTION 'approved data value % is locked: UPDATE rejected', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER data_values_lock_approved
  BEFORE UPDATE OR DELETE ON data_values
  FOR EACH ROW EXECUTE FUNCTION kc_lock_approved_value();
