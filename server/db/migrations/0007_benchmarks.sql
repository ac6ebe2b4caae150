CREATE TABLE "benchmark_indicators" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"unit" text NOT NULL,
	"decimals" integer DEFAULT 2 NOT NULL,
	"direction" integer DEFAULT 1 NOT NULL,
	"expression" text NOT NULL,
	"published_value_element" text,
	"published_rank_element" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "benchmark_indicators_direction_chk" CHECK ("benchmark_indicators"."direction" in (1, -1))
);
--> statement-breakpoint
CREATE TABLE "index_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"year" integer NOT NULL,
	"group_code" text NOT NULL,
	"spec" jsonb NOT NULL,
	"result" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "peer_groups" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"members" text[] NOT NULL,
	"built_in" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "index_runs" ADD CONSTRAINT "index_runs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;