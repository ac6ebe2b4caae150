CREATE TABLE "enterprise_stats" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"avg_employees" double precision,
	"st_staff" double precision,
	"revenue" double precision,
	"product_sales" double precision,
	"new_product_sales" double precision,
	"high_tech_revenue" double precision,
	"rd_expense" double precision,
	"rd_expense_domestic" double precision,
	"total_cost" double precision,
	"net_assets" double precision,
	"total_assets" double precision,
	"status" text DEFAULT 'draft' NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enterprise_stats_status_chk" CHECK ("enterprise_stats"."status" in ('draft','submitted','approved'))
);
--> statement-breakpoint
CREATE TABLE "enterprises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"credit_code" text NOT NULL,
	"name" text NOT NULL,
	"legal_representative" text,
	"founded_on" date,
	"org_unit_code" text NOT NULL,
	"industry_code" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"size_class" text,
	"contact_name" text,
	"contact_phone" text,
	"address" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enterprises_size_chk" CHECK ("enterprises"."size_class" is null or "enterprises"."size_class" in ('large','medium','small','micro'))
);
--> statement-breakpoint
CREATE TABLE "industry_tags" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "park_memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"park_code" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	CONSTRAINT "park_memberships_dates_chk" CHECK ("park_memberships"."to_date" is null or "park_memberships"."from_date" <= "park_memberships"."to_date")
);
--> statement-breakpoint
CREATE TABLE "patent_owners" (
	"patent_id" uuid NOT NULL,
	"credit_code" text NOT NULL,
	"enterprise_id" uuid
);
--> statement-breakpoint
CREATE TABLE "patents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"filed_on" date NOT NULL,
	"granted_on" date,
	"status" text NOT NULL,
	"lapsed_on" date,
	"expires_on" date NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "patents_type_chk" CHECK ("patents"."type" in ('invention','utility_model','design')),
	CONSTRAINT "patents_status_chk" CHECK ("patents"."status" in ('pending','granted','lapsed','invalidated')),
	CONSTRAINT "patents_dates_chk" CHECK ("patents"."granted_on" is null or "patents"."filed_on" <= "patents"."granted_on")
);
--> statement-breakpoint
CREATE TABLE "platform_types" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"category" text NOT NULL,
	"incubator" boolean DEFAULT false NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "platform_types_category_chk" CHECK ("platform_types"."category" in ('rd','service'))
);
--> statement-breakpoint
CREATE TABLE "platforms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"type_code" text NOT NULL,
	"level" text NOT NULL,
	"host_enterprise_id" uuid,
	"host_name" text,
	"org_unit_code" text NOT NULL,
	"recognized_on" date NOT NULL,
	"revoked_on" date,
	"floor_area" double precision,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "platforms_level_chk" CHECK ("platforms"."level" in ('national','municipal','county')),
	CONSTRAINT "platforms_area_chk" CHECK ("platforms"."floor_area" is null or "platforms"."floor_area" >= 0),
	CONSTRAINT "platforms_dates_chk" CHECK ("platforms"."revoked_on" is null or "platforms"."recognized_on" <= "platforms"."revoked_on")
);
--> statement-breakpoint
CREATE TABLE "qualification_types" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"validity" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "qualification_types_validity_chk" CHECK ("qualification_types"."validity" ~ '^(years:[0-9]+|calendar_year|open)$')
);
--> statement-breakpoint
CREATE TABLE "qualifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"type_code" text NOT NULL,
	"number" text,
	"issued_on" date NOT NULL,
	"valid_until" date,
	"revoked_on" date,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "qualifications_dates_chk" CHECK ("qualifications"."valid_until" is null or "qualifications"."issued_on" <= "qualifications"."valid_until")
);
--> statement-breakpoint
CREATE TABLE "talents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"employer_enterprise_id" uuid,
	"employer_name" text,
	"org_unit_code" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "user_roles" ADD COLUMN "enterprise_id" uuid;--> statement-breakpoint
ALTER TABLE "enterprise_stats" ADD CONSTRAINT "enterprise_stats_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_stats" ADD CONSTRAINT "enterprise_stats_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_org_unit_code_org_units_code_fk" FOREIGN KEY ("org_unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "park_memberships" ADD CONSTRAINT "park_memberships_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "park_memberships" ADD CONSTRAINT "park_memberships_park_code_org_units_code_fk" FOREIGN KEY ("park_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patent_owners" ADD CONSTRAINT "patent_owners_patent_id_patents_id_fk" FOREIGN KEY ("patent_id") REFERENCES "public"."patents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patent_owners" ADD CONSTRAINT "patent_owners_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platforms" ADD CONSTRAINT "platforms_type_code_platform_types_code_fk" FOREIGN KEY ("type_code") REFERENCES "public"."platform_types"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platforms" ADD CONSTRAINT "platforms_host_enterprise_id_enterprises_id_fk" FOREIGN KEY ("host_enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platforms" ADD CONSTRAINT "platforms_org_unit_code_org_units_code_fk" FOREIGN KEY ("org_unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qualifications" ADD CONSTRAINT "qualifications_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qualifications" ADD CONSTRAINT "qualifications_type_code_qualification_types_code_fk" FOREIGN KEY ("type_code") REFERENCES "public"."qualification_types"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talents" ADD CONSTRAINT "talents_employer_enterprise_id_enterprises_id_fk" FOREIGN KEY ("employer_enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talents" ADD CONSTRAINT "talents_org_unit_code_org_units_code_fk" FOREIGN KEY ("org_unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "enterprise_stats_uq" ON "enterprise_stats" USING btree ("enterprise_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "enterprises_credit_code_uq" ON "enterprises" USING btree ("credit_code");--> statement-breakpoint
CREATE INDEX "enterprises_org_unit_idx" ON "enterprises" USING btree ("org_unit_code");--> statement-breakpoint
CREATE INDEX "park_memberships_ent_idx" ON "park_memberships" USING btree ("enterprise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "patent_owners_uq" ON "patent_owners" USING btree ("patent_id","credit_code");--> statement-breakpoint
CREATE INDEX "patent_owners_ent_idx" ON "patent_owners" USING btree ("enterprise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "patents_number_uq" ON "patents" USING btree ("number");--> statement-breakpoint
CREATE INDEX "platforms_ou_idx" ON "platforms" USING btree ("org_unit_code");--> statement-breakpoint
CREATE INDEX "qualifications_ent_idx" ON "qualifications" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "qualifications_type_idx" ON "qualifications" USING btree ("type_code","valid_until");--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_enterprise_fk" FOREIGN KEY ("enterprise_id") REFERENCES "enterprises"("id") ON DELETE CASCADE;
