-- Scope of figures and of the audit log (issue #12), and four eyes on data values.
--
-- 1. The installation's switch for four eyes on data values, in kc_settings (migration 0014) with the claims'
--    threshold: 1 on, 0 off. The server writes the configured value at start-up (KECHUANG_FOUR_EYES_VALUES,
--    docs/OPERATIONS.md).
INSERT INTO kc_settings ("key", "value") VALUES ('four_eyes_values', 1) ON CONFLICT ("key") DO NOTHING;
--> statement-breakpoint
-- 2. Four eyes on data values: the person who approves a value is not its submitter nor anyone who entered a
--    version of it since its last approval. A value loaded by the system (no user: seed, start-up) may be
--    approved on arrival. Enforced for every INSERT or UPDATE that makes a row approved, whoever asks, while
--    the installation's setting is on.
CREATE OR REPLACE FUNCTION kc_data_value_four_eyes() RETURNS trigger AS $$
BEGIN
  IF NEW.status <> 'approved' OR (TG_OP = 'UPDATE' AND OLD.status = 'approved') THEN
    RETURN NEW;
  END IF;
  IF coalesce((SELECT "value" FROM kc_settings WHERE "key" = 'four_eyes_values'), 1) = 0 THEN
    RETURN NEW;
  END IF;
  IF NEW.created_by IS NULL AND NEW.submitted_by IS NULL THEN
    RETURN NEW;
  END IF;
  IF NEW.approved_by IS NULL
     OR NEW.approved_by = NEW.created_by
     OR NEW.approved_by IS NOT DISTINCT FROM NEW.submitted_by
     OR EXISTS (
       SELECT 1 FROM data_values d
       WHERE d.data_element_code = NEW.data_element_code AND d.org_unit_code = NEW.org_unit_code AND d.period = NEW.period
         AND d.id <> NEW.id
         AND d.version > coalesce((SELECT max(a.version) FROM data_values a
                                   WHERE a.data_element_code = NEW.data_element_code AND a.org_unit_code = NEW.org_unit_code
                                     AND a.period = NEW.period AND a.status = 'approved' AND a.version < NEW.version), 0)
         AND d.version < NEW.version
         AND (d.created_by = NEW.approved_by OR d.submitted_by = NEW.approved_by)
     ) THEN
    RAISE EXCEPTION 'data value %: four eyes: the approver entered, changed or submitted it', NEW.id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER data_values_four_eyes
  BEFORE INSERT OR UPDATE ON data_values
  FOR EACH ROW EXECUTE FUNCTION kc_data_value_four_eyes();
--> statement-breakpoint
-- 3. Peer groups and composite-index runs belong to an org unit. A group: the narrowest unit covering all its
--    members (the city for its districts), read by the units below it; a run: the unit of its author's grant.
CREATE OR REPLACE FUNCTION kc_path_lca(paths text[]) RETURNS text AS $$
DECLARE
  p text := paths[1];
  q text;
BEGIN
  IF p IS NULL THEN
    RETURN NULL;
  END IF;
  FOREACH q IN ARRAY paths LOOP
    CONTINUE WHEN q IS NULL;
    WHILE NOT starts_with(q, p) LOOP
      p := regexp_replace(p, '[^/]+/$', '');
      IF p = '/' OR p = '' THEN
        RETURN NULL;
      END IF;
    END LOOP;
  END LOOP;
  RETURN p;
END;
$$ LANGUAGE plpgsql IMMUTABLE;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION kc_unit_of_path(p text) RETURNS text AS $$
  SELECT substring(p FROM '([^/]+)/$');
$$ LANGUAGE sql IMMUTABLE;
--> statement-breakpoint
ALTER TABLE peer_groups ADD COLUMN org_unit_code text REFERENCES org_units(code);
--> statement-breakpoint
UPDATE peer_groups g SET org_unit_code = kc_unit_of_path(kc_path_lca(ARRAY(
  SELECT u.path FROM org_units u WHERE u.code = ANY (g.members) ORDER BY u.path)));
--> statement-breakpoint
CREATE INDEX peer_groups_org_unit_idx ON peer_groups (org_unit_code);
--> statement-breakpoint
ALTER TABLE index_runs ADD COLUMN org_unit_code text REFERENCES org_units(code);
--> statement-breakpoint
UPDATE index_runs r SET org_unit_code = coalesce(
  (SELECT ur.org_unit_code FROM user_roles ur WHERE ur.user_id = r.created_by
     AND ur.role IN ('admin', 'bureau', 'leader', 'department', 'auditor') ORDER BY ur.role, ur.org_unit_code LIMIT 1),
  (SELECT g.org_unit_code FROM peer_groups g WHERE g.code = r.group_code));
--> statement-breakpoint
CREATE INDEX index_runs_org_unit_idx ON index_runs (org_unit_code);
--> statement-breakpoint
-- 4. Audit events get the org unit they concern, which decides who reads them (auditors and admins of its
--    subtree). The writer names it where it knows it; otherwise kc_audit_unit derives it from the entity:
--    the object's unit (an enterprise's town, a call's or policy's region, an application's enterprise), and
--    for a user (sign-in, sign-out, account changes) the narrowest unit covering all the user's grants, so a
--    login IP is read only by auditors whose subtree holds every grant of that user. Null: installation-wide.
ALTER TABLE audit_events ADD COLUMN org_unit_code text;
--> statement-breakpoint
CREATE INDEX audit_events_unit_idx ON audit_events (org_unit_code, id);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION kc_user_unit(p_user uuid) RETURNS text AS $$
  SELECT kc_unit_of_path(kc_path_lca(ARRAY(
    SELECT u.path FROM user_roles r JOIN org_units u ON u.code = r.org_unit_code WHERE r.user_id = p_user ORDER BY u.path)));
$$ LANGUAGE sql STABLE;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION kc_application_unit(p_app uuid) RETURNS text AS $$
  SELECT coalesce(e.org_unit_code, c.region_code)
  FROM project_applications a JOIN calls c ON c.id = a.call_id LEFT JOIN enterprises e ON e.id = a.enterprise_id
  WHERE a.id = p_app;
$$ LANGUAGE sql STABLE;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION kc_audit_unit(p_entity text, p_id text) RETURNS text AS $$
DECLARE
  u uuid;
  v text;
BEGIN
  IF p_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
    u := p_id::uuid;
  END IF;
  CASE p_entity
    WHEN 'data_value' THEN
      SELECT code INTO v FROM org_units WHERE code = split_part(p_id, '|', 2);
    WHEN 'org_unit', 'policy' THEN
      SELECT code INTO v FROM org_units WHERE code = p_id;
    WHEN 'user' THEN
      IF u IS NOT NULL THEN v := kc_user_unit(u); END IF;
    WHEN 'plan' THEN
      SELECT region_code INTO v FROM plans WHERE code = p_id;
    WHEN 'indicator' THEN
      SELECT kc_unit_of_path(kc_path_lca(ARRAY(
        SELECT o.path FROM indicators i JOIN plans p ON p.id = i.plan_id JOIN org_units o ON o.code = p.region_code
        WHERE i.code = p_id ORDER BY o.path))) INTO v;
    WHEN 'peer_group' THEN
      SELECT org_unit_code INTO v FROM peer_groups WHERE code = p_id;
    WHEN 'composite_index' THEN
      SELECT org_unit_code INTO v FROM index_runs WHERE id = u;
    WHEN 'enterprise' THEN
      SELECT org_unit_code INTO v FROM enterprises WHERE id = u;
    WHEN 'enterprise_stats' THEN
      SELECT org_unit_code INTO v FROM enterprises WHERE id::text = split_part(p_id, '|', 1);
    WHEN 'qualification' THEN
      SELECT e.org_unit_code INTO v FROM qualifications q JOIN enterprises e ON e.id = q.enterprise_id WHERE q.id = u;
    WHEN 'platform' THEN
      SELECT org_unit_code INTO v FROM platforms WHERE id = u;
    WHEN 'talent' THEN
      SELECT org_unit_code INTO v FROM talents WHERE id = u;
    WHEN 'patent' THEN
      SELECT kc_unit_of_path(kc_path_lca(ARRAY(
        SELECT o.path FROM patent_owners po JOIN enterprises e ON e.id = po.enterprise_id JOIN org_units o ON o.code = e.org_unit_code
        WHERE po.patent_id = u ORDER BY o.path))) INTO v;
    WHEN 'claim' THEN
      SELECT e.org_unit_code INTO v FROM claims c JOIN enterprises e ON e.id = c.enterprise_id WHERE c.id = u;
    WHEN 'notice' THEN
      SELECT kc_unit_of_path(kc_path_lca(ARRAY(
        SELECT o.path FROM claims c JOIN enterprises e ON e.id = c.enterprise_id JOIN org_units o ON o.code = e.org_unit_code
        WHERE c.notice_id = u ORDER BY o.path))) INTO v;
    WHEN 'objection' THEN
      SELECT e.org_unit_code INTO v FROM objections ob JOIN claims c ON c.id = ob.claim_id JOIN enterprises e ON e.id = c.enterprise_id
      WHERE ob.id = u;
    WHEN 'policy_version' THEN
      SELECT p.region_code INTO v FROM policy_versions pv JOIN policies p ON p.id = pv.policy_id WHERE pv.id = u;
    WHEN 'ledger_transfer' THEN
      IF p_id ~ '^[0-9]{1,18}$' THEN
        SELECT coalesce(d.org_unit_code, c.org_unit_code) INTO v
        FROM ledger_transfers t JOIN ledger_accounts d ON d.id = t.debit_account_id JOIN ledger_accounts c ON c.id = t.credit_account_id
        WHERE t.id = p_id::bigint;
      END IF;
    WHEN 'call' THEN
      SELECT region_code INTO v FROM calls WHERE id = u;
    WHEN 'project_notice' THEN
      SELECT c.region_code INTO v FROM project_notices n JOIN calls c ON c.id = n.call_id WHERE n.id = u;
    WHEN 'application' THEN
      v := kc_application_unit(u);
    WHEN 'review' THEN
      SELECT kc_application_unit(r.application_id) INTO v FROM project_reviews r WHERE r.id = u;
    WHEN 'project_payment' THEN
      SELECT kc_application_unit(p.application_id) INTO v FROM project_payments p WHERE p.id = u;
    WHEN 'project_report' THEN
      SELECT kc_application_unit(p.application_id) INTO v FROM project_reports p WHERE p.id = u;
    WHEN 'project_objection' THEN
      SELECT coalesce(kc_application_unit(o.application_id), c.region_code) INTO v
      FROM project_objections o JOIN project_notices n ON n.id = o.notice_id JOIN calls c ON c.id = n.call_id WHERE o.id = u;
    WHEN 'conflict' THEN
      SELECT kc_application_unit(c.application_id) INTO v FROM conflicts c WHERE c.id = u;
      IF v IS NULL THEN
        SELECT region_code INTO v FROM calls WHERE id = u;
      END IF;
    WHEN 'expert' THEN
      SELECT org_unit_code INTO v FROM experts WHERE id = u;
    ELSE
      v := NULL;
  END CASE;
  RETURN v;
END;
$$ LANGUAGE plpgsql STABLE;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION kc_audit_fill_unit() RETURNS trigger AS $$
BEGIN
  IF NEW.org_unit_code IS NULL THEN
    NEW.org_unit_code := kc_audit_unit(NEW.entity, NEW.entity_id);
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_events_unit
  BEFORE INSERT ON audit_events
  FOR EACH ROW EXECUTE FUNCTION kc_audit_fill_unit();
--> statement-breakpoint
-- Backfill what can be: the append-only trigger is switched off for this one statement of the migration (run
-- by the owner, inside the migration's transaction) and on again right after; it is not changed.
ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only;
--> statement-breakpoint
UPDATE audit_events SET org_unit_code = kc_audit_unit(entity, entity_id) WHERE org_unit_code IS NULL;
--> statement-breakpoint
ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only;
