-- Read views (issue #13): a module reads and writes only its own tables. What other modules join on — org units'
-- names and paths, users' display names, enterprises' identity and unit, data elements, the register's qualifications,
-- platforms and annual figures (facts of policy rules) — they read through
-- these projections, owned by the table's module and exported only from its index.ts (server/db/schema declares
-- them with pgView(...).existing(), so drizzle-kit leaves them to this file). Reads only: the server's role gets
-- SELECT on views (kc_grant_app_privileges, migration 0018, runs after every migration), and writing through
-- one is refused here for every role, the single role of the embedded PGlite included.
CREATE OR REPLACE FUNCTION kc_reject_view_write() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is a read-only view: write through the module that owns its table', TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE VIEW kc_org_units_read AS
  SELECT code, name, level, parent_code, path, valid_from, valid_to FROM org_units;
--> statement-breakpoint
CREATE TRIGGER kc_org_units_read_ro INSTEAD OF INSERT OR UPDATE OR DELETE ON kc_org_units_read
  FOR EACH ROW EXECUTE FUNCTION kc_reject_view_write();
--> statement-breakpoint
CREATE VIEW kc_users_read AS
  SELECT id, username, display_name FROM users;
--> statement-breakpoint
CREATE TRIGGER kc_users_read_ro INSTEAD OF INSERT OR UPDATE OR DELETE ON kc_users_read
  FOR EACH ROW EXECUTE FUNCTION kc_reject_view_write();
--> statement-breakpoint
CREATE VIEW kc_enterprises_read AS
  SELECT id, credit_code, name, org_unit_code, founded_on FROM enterprises;
--> statement-breakpoint
CREATE TRIGGER kc_enterprises_read_ro INSTEAD OF INSERT OR UPDATE OR DELETE ON kc_enterprises_read
  FOR EACH ROW EXECUTE FUNCTION kc_reject_view_write();
--> statement-breakpoint
CREATE VIEW kc_data_elements_read AS
  SELECT code, name_zh, name_en, unit, aggregation, definition_zh, min_value, max_value FROM data_elements;
--> statement-breakpoint
CREATE TRIGGER kc_data_elements_read_ro INSTEAD OF INSERT OR UPDATE OR DELETE ON kc_data_elements_read
  FOR EACH ROW EXECUTE FUNCTION kc_reject_view_write();
--> statement-breakpoint
CREATE VIEW kc_qualifications_read AS
  SELECT id, enterprise_id, type_code, number, issued_on, valid_until, revoked_on FROM qualifications;
--> statement-breakpoint
CREATE TRIGGER kc_qualifications_read_ro INSTEAD OF INSERT OR UPDATE OR DELETE ON kc_qualifications_read
  FOR EACH ROW EXECUTE FUNCTION kc_reject_view_write();
--> statement-breakpoint
CREATE VIEW kc_platforms_read AS
  SELECT id, type_code, level, host_enterprise_id, org_unit_code, recognized_on, revoked_on FROM platforms;
--> statement-breakpoint
CREATE TRIGGER kc_platforms_read_ro INSTEAD OF INSERT OR UPDATE OR DELETE ON kc_platforms_read
  FOR EACH ROW EXECUTE FUNCTION kc_reject_view_write();
--> statement-breakpoint
CREATE VIEW kc_enterprise_stats_read AS
  SELECT id, enterprise_id, year, status, avg_employees, st_staff, revenue, product_sales, new_product_sales,
         high_tech_revenue, rd_expense, rd_expense_domestic, total_cost, net_assets, total_assets
  FROM enterprise_stats;
--> statement-breakpoint
CREATE TRIGGER kc_enterprise_stats_read_ro INSTEAD OF INSERT OR UPDATE OR DELETE ON kc_enterprise_stats_read
  FOR EACH ROW EXECUTE FUNCTION kc_reject_view_write();
