-- Least privilege (issue #12): on PostgreSQL the server runs as a role that does not own the tables, so it can
-- neither ALTER nor DROP them, nor DISABLE their triggers, nor TRUNCATE them: the audit log's and the ledger's
-- guarantees hold against the server itself. Migrations run as the owner, which calls this function after
-- migrating (server/platform/db.ts) with the server's role (the user of DATABASE_URL); docs/OPERATIONS.md says
-- how to create the two roles. The embedded PGlite has a single role: there it is never called.
--
-- The server's role gets, on every table of the public schema:
--  * SELECT and INSERT;
--  * UPDATE, unless a trigger of the table refuses every UPDATE (kc_reject_modification: audit_events,
--    ledger_transfers);
--  * DELETE, unless a trigger refuses every DELETE (kc_reject_modification, kc_ledger_guard_account: also
--    ledger_accounts);
--  * never TRUNCATE, REFERENCES or TRIGGER; USAGE on the public schema but not CREATE.
-- It is derived from the triggers, so a table a later migration adds (or makes append-only) gets its rights at
-- the next start without editing this function. Everything is revoked first: rights follow the schema.
CREATE OR REPLACE FUNCTION kc_grant_app_privileges(app_role name) RETURNS void AS $$
DECLARE
  t record;
  rights text;
BEGIN
  IF app_role = current_user THEN
    RAISE EXCEPTION 'kc_grant_app_privileges: % owns the schema; the server needs a role of its own', app_role;
  END IF;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app_role AND (rolsuper OR rolbypassrls)) THEN
    RAISE EXCEPTION 'kc_grant_app_privileges: % is a superuser (or bypasses row security): it would keep every right', app_role;
  END IF;
  IF pg_has_role(app_role, current_user, 'MEMBER') THEN
    RAISE EXCEPTION 'kc_grant_app_privileges: % is a member of the owner role %: it could act as the owner', app_role, current_user;
  END IF;
  -- Before PostgreSQL 15 every role may create objects in public (a warning only where we do not own it).
  REVOKE CREATE ON SCHEMA public FROM PUBLIC;
  EXECUTE format('REVOKE CREATE ON SCHEMA public FROM %I', app_role);
  EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', app_role);
  EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA public FROM %I', app_role);
  EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM %I', app_role);
  FOR t IN
    SELECT c.oid, c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm')
    ORDER BY c.relname
  LOOP
    IF t.relkind IN ('v', 'm') THEN
      rights := 'SELECT';
    ELSE
      rights := 'SELECT, INSERT';
      -- pg_trigger.tgtype bits: 8 DELETE, 16 UPDATE.
      IF NOT EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = t.oid AND g.tgtype & 16 <> 0
                     AND g.tgfoid = 'kc_reject_modification'::regproc) THEN
        rights := rights || ', UPDATE';
      END IF;
      IF NOT EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = t.oid AND g.tgtype & 8 <> 0
                     AND g.tgfoid IN ('kc_reject_modification'::regproc, 'kc_ledger_guard_account'::regproc)) THEN
        rights := rights || ', DELETE';
      END IF;
    END IF;
    EXECUTE format('GRANT %s ON TABLE public.%I TO %I', rights, t.relname, app_role);
  END LOOP;
  EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', app_role);
  -- Drizzle's record of applied migrations, read only: the server tells that the schema is up to date.
  IF to_regclass('drizzle.__drizzle_migrations') IS NOT NULL THEN
    EXECUTE format('GRANT USAGE ON SCHEMA drizzle TO %I', app_role);
    EXECUTE format('REVOKE ALL ON drizzle.__drizzle_migrations FROM %I', app_role);
    EXECUTE format('GRANT SELECT ON drizzle.__drizzle_migrations TO %I', app_role);
  END IF;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
REVOKE ALL ON FUNCTION kc_grant_app_privileges(name) FROM PUBLIC;
