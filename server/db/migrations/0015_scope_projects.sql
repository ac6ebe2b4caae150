-- Issue #12: the expert pool belongs to org units. Each expert gets the unit of the bureau that registered it;
-- existing experts take the region of the calls they reviewed most often, else Xiushan (500241), else the
-- top-level unit. A county bureau draws from its own and its ancestors' experts and edits only its own.
ALTER TABLE "experts" ADD COLUMN "org_unit_code" text;
--> statement-breakpoint
UPDATE "experts" x SET "org_unit_code" = coalesce(
  (SELECT c."region_code" FROM "project_reviews" r
     JOIN "project_applications" a ON a."id" = r."application_id"
     JOIN "calls" c ON c."id" = a."call_id"
    WHERE r."expert_id" = x."id"
    GROUP BY c."region_code" ORDER BY count(*) DESC, c."region_code" LIMIT 1),
  (SELECT "code" FROM "org_units" WHERE "code" = '500241'),
  (SELECT "code" FROM "org_units" ORDER BY length("path"), "code" LIMIT 1)
);
--> statement-breakpoint
ALTER TABLE "experts" ALTER COLUMN "org_unit_code" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "experts" ADD CONSTRAINT "experts_org_unit_code_org_units_code_fk" FOREIGN KEY ("org_unit_code") REFERENCES "public"."org_units"("code") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "experts_org_unit_idx" ON "experts" USING btree ("org_unit_code");
--> statement-breakpoint
CREATE INDEX "calls_region_idx" ON "calls" USING btree ("region_code");
