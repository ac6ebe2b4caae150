-- Scope and four eyes for policies, claims, notices and the ledger (issue #12).
--  * Ledger accounts and notices belong to an org unit: accounts to the unit of their policy (or call), of
--    their enterprise (payables) or of the budgets they fund (funding); notices to the unit of their claims'
--    policy. Existing rows are backfilled.
--  * Four eyes in the database: a policy version's approver is none of its editors (every editor recorded);
--    a budget is funded by a request (a pending transfer funding → budget) that a second person posts; a claim
--    above the installation's threshold is approved by none of those who reviewed or changed it.
ALTER TABLE "ledger_accounts" ADD COLUMN "org_unit_code" text REFERENCES "org_units"("code");
--> statement-breakpoint
CREATE INDEX "ledger_accounts_org_unit_idx" ON "ledger_accounts" ("org_unit_code");
--> statement-breakpoint
UPDATE "ledger_accounts" a SET "org_unit_code" = p."region_code" FROM "policies" p WHERE a."policy_code" = p."code" AND a."org_unit_code" IS NULL;
--> statement-breakpoint
UPDATE "ledger_accounts" a SET "org_unit_code" = c."region_code" FROM "calls" c WHERE a."policy_code" = 'call_' || c."code" AND a."org_unit_code" IS NULL;
--> statement-breakpoint
UPDATE "ledger_accounts" a SET "org_unit_code" = e."org_unit_code" FROM "enterprises" e WHERE a."enterprise_id" = e."id" AND a."org_unit_code" IS NULL;
--> statement-breakpoint
-- A funding account of before belongs to the unit of the budgets it funded, when they are all of one unit.
UPDATE "ledger_accounts" a SET "org_unit_code" = s.code
  FROM (SELECT t."debit_account_id" AS id, min(b."org_unit_code") AS code, count(DISTINCT b."org_unit_code") AS n
          FROM "ledger_transfers" t JOIN "ledger_accounts" b ON b."id" = t."credit_account_id"
         WHERE b."kind" = 'budget' GROUP BY t."debit_account_id") s
 WHERE a."id" = s.id AND a."kind" = 'funding' AND s.n = 1 AND a."org_unit_code" IS NULL;
--> statement-breakpoint
ALTER TABLE "notices" ADD COLUMN "org_unit_code" text REFERENCES "org_units"("code");
--> statement-breakpoint
UPDATE "notices" n SET "org_unit_code" = (
  SELECT p."region_code" FROM "claims" c JOIN "policies" p ON p."id" = c."policy_id" WHERE c."notice_id" = n."id" ORDER BY c."id" LIMIT 1);
--> statement-breakpoint
-- A transfer reverses another at most once.
CREATE UNIQUE INDEX "ledger_transfers_reverses_uq" ON "ledger_transfers" ("reverses_id") WHERE "reverses_id" IS NOT NULL;
--> statement-breakpoint
-- Installation settings the database's rules need (written by the server at start from its configuration).
CREATE TABLE "kc_settings" (
  "key" text PRIMARY KEY,
  "value" bigint NOT NULL,
  "updated_at" timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
INSERT INTO "kc_settings" ("key", "value") VALUES ('claim_four_eyes_above_fen', 10000000);
--> statement-breakpoint
-- Policy versions: every editor recorded; `edited_by` names the editor of the change being made (the trigger
-- adds them to `editors` and clears it), so a change that names nobody is refused.
ALTER TABLE "policy_versions" ADD COLUMN "editors" uuid[] NOT NULL DEFAULT '{}';
--> statement-breakpoint
ALTER TABLE "policy_versions" ADD COLUMN "edited_by" uuid REFERENCES "users"("id");
--> statement-breakpoint
UPDATE "policy_versions" v SET "editors" = coalesce((
  SELECT array_agg(DISTINCT x) FROM (
    SELECT a."user_id" AS x FROM "audit_events" a
     WHERE a."entity" = 'policy_version' AND a."entity_id" = v."id"::text AND a."action" IN ('create', 'update') AND a."user_id" IS NOT NULL
    UNION SELECT v."created_by" WHERE v."created_by" IS NOT NULL) s), '{}');
--> statement-breakpoint
CREATE OR REPLACE FUNCTION kc_policy_version_guard() RETURNS trigger AS $$
BEGIN
  IF NOT (NEW.editors @> OLD.editors) THEN
    RAISE EXCEPTION 'policy version %: editors are never removed', OLD.id USING ERRCODE = 'check_violation', CONSTRAINT = 'policy_versions_editors';
  END IF;
  IF (NEW.rule, NEW.parameters, NEW.tests) IS DISTINCT FROM (OLD.rule, OLD.parameters, OLD.tests)
     OR (OLD.status = 'draft' AND NEW.note IS DISTINCT FROM OLD.note) THEN
    IF OLD.status <> 'draft' OR NEW.status <> 'draft' THEN
      RAISE EXCEPTION 'policy version %: only a draft is edited', OLD.id USING ERRCODE = 'check_violation', CONSTRAINT = 'policy_versions_editors';
    END IF;
    IF NEW.edited_by IS NULL THEN
      RAISE EXCEPTION 'policy version %: an edit names its editor', OLD.id USING ERRCODE = 'check_violation', CONSTRAINT = 'policy_versions_editors';
    END IF;
    IF NOT NEW.edited_by = ANY (NEW.editors) THEN
      NEW.editors := array_append(NEW.editors, NEW.edited_by);
    END IF;
  END IF;
  NEW.edited_by := NULL;
  IF NEW.status = 'approved' AND OLD.status <> 'approved' THEN
    IF OLD.status <> 'pending' THEN
      RAISE EXCEPTION 'policy version %: only a pending version is approved', OLD.id USING ERRCODE = 'check_violation', CONSTRAINT = 'policy_versions_four_eyes';
    END IF;
    IF NEW.approved_by IS NULL OR NEW.approved_by = ANY (NEW.editors) OR NEW.approved_by IS NOT DISTINCT FROM NEW.created_by THEN
      RAISE EXCEPTION 'policy version %: the approver edited it (four eyes)', OLD.id USING ERRCODE = 'check_violation', CONSTRAINT = 'policy_versions_four_eyes';
    END IF;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER "policy_versions_guard"
  BEFORE UPDATE ON "policy_versions"
  FOR EACH ROW EXECUTE FUNCTION kc_policy_version_guard();
--> statement-breakpoint
-- Claims: everyone who reviewed or changed a claim (the reviewer, who put it on notice, who resolved an objection
-- about it). Above the threshold none of them approves it.
ALTER TABLE "claims" ADD COLUMN "editors" uuid[] NOT NULL DEFAULT '{}';
--> statement-breakpoint
UPDATE "claims" SET "editors" = ARRAY["reviewed_by"] WHERE "reviewed_by" IS NOT NULL;
--> statement-breakpoint
UPDATE "claims" c SET "editors" = c."editors" || n."created_by" FROM "notices" n
 WHERE c."notice_id" = n."id" AND n."created_by" IS NOT NULL AND NOT n."created_by" = ANY (c."editors");
--> statement-breakpoint
CREATE OR REPLACE FUNCTION kc_claim_guard() RETURNS trigger AS $$
DECLARE
  above bigint;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NOT (NEW.editors @> OLD.editors) THEN
      RAISE EXCEPTION 'claim %: editors are never removed', OLD.id USING ERRCODE = 'check_violation', CONSTRAINT = 'claims_four_eyes_threshold';
    END IF;
    IF OLD.status IN ('approved', 'paid') AND NEW.amount_fen <> OLD.amount_fen THEN
      RAISE EXCEPTION 'claim %: the amount of an approved claim is not changed', OLD.id USING ERRCODE = 'check_violation', CONSTRAINT = 'claims_four_eyes_threshold';
    END IF;
  END IF;
  IF NEW.reviewed_by IS NOT NULL AND NOT NEW.reviewed_by = ANY (NEW.editors) THEN
    NEW.editors := array_append(NEW.editors, NEW.reviewed_by);
  END IF;
  IF NEW.status = 'approved' AND (TG_OP = 'INSERT' OR OLD.status IS DISTINCT FROM 'approved') THEN
    SELECT "value" INTO above FROM kc_settings WHERE "key" = 'claim_four_eyes_above_fen';
    IF NEW.amount_fen > coalesce(above, 10000000) AND (NEW.approved_by IS NULL OR NEW.approved_by = ANY (NEW.editors)) THEN
      RAISE EXCEPTION 'claim %: above % fen the approver is none of those who reviewed or changed it (four eyes)', NEW.id, coalesce(above, 10000000)
        USING ERRCODE = 'check_violation', CONSTRAINT = 'claims_four_eyes_threshold';
    END IF;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Not for the payment's status change (kc_pay_claim): only when editors, reviewer, amount or approval change.
CREATE TRIGGER "claims_guard_update"
  BEFORE UPDATE ON "claims"
  FOR EACH ROW
  WHEN (NEW.editors IS DISTINCT FROM OLD.editors OR NEW.reviewed_by IS DISTINCT FROM OLD.reviewed_by
        OR NEW.amount_fen IS DISTINCT FROM OLD.amount_fen OR (NEW.status = 'approved' AND OLD.status IS DISTINCT FROM 'approved'))
  EXECUTE FUNCTION kc_claim_guard();
--> statement-breakpoint
CREATE TRIGGER "claims_guard_insert"
  BEFORE INSERT ON "claims"
  FOR EACH ROW
  WHEN (NEW.reviewed_by IS NOT NULL OR NEW.status = 'approved')
  EXECUTE FUNCTION kc_claim_guard();
--> statement-breakpoint
-- The apply trigger of 0012, now also guarding budgets: a transfer from a funding account to a budget is a
-- request (pending) that a second person posts; a person never funds a budget in one step (only the system —
-- seed, command line — records no person), except to undo a reversal. The accounts' kinds come back from the
-- balance updates it makes anyway (no extra read).
CREATE OR REPLACE FUNCTION kc_ledger_apply_transfer() RETURNS trigger AS $$
DECLARE
  p ledger_transfers%ROWTYPE;
  r ledger_transfers%ROWTYPE;
  d_pending bigint := 0;
  d_posted bigint := 0;
  c_pending bigint := 0;
  c_posted bigint := 0;
  first_id bigint := least(NEW.debit_account_id, NEW.credit_account_id);
  second_id bigint := greatest(NEW.debit_account_id, NEW.credit_account_id);
  first_kind text;
  second_kind text;
  debit_kind text;
  credit_kind text;
BEGIN
  IF NEW.kind IN ('post_pending', 'void_pending') THEN
    SELECT * INTO p FROM ledger_transfers WHERE id = NEW.pending_id;
    IF NOT FOUND OR p.kind <> 'pending' THEN
      RAISE EXCEPTION 'ledger: transfer % is not a pending transfer', NEW.pending_id USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_pending_target';
    END IF;
    IF p.debit_account_id <> NEW.debit_account_id OR p.credit_account_id <> NEW.credit_account_id OR p.amount <> NEW.amount THEN
      RAISE EXCEPTION 'ledger: resolution of % must repeat its accounts and amount', NEW.pending_id USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_pending_target';
    END IF;
  END IF;
  IF NEW.kind = 'posted' THEN
    d_posted := NEW.amount; c_posted := NEW.amount;
  ELSIF NEW.kind = 'pending' THEN
    d_pending := NEW.amount; c_pending := NEW.amount;
  ELSIF NEW.kind = 'post_pending' THEN
    d_pending := -NEW.amount; d_posted := NEW.amount; c_pending := -NEW.amount; c_posted := NEW.amount;
  ELSE
    d_pending := -NEW.amount; c_pending := -NEW.amount;
  END IF;
  UPDATE ledger_accounts SET
      debits_pending = debits_pending + CASE WHEN id = NEW.debit_account_id THEN d_pending ELSE 0 END,
      debits_posted = debits_posted + CASE WHEN id = NEW.debit_account_id THEN d_posted ELSE 0 END,
      credits_pending = credits_pending + CASE WHEN id = NEW.credit_account_id THEN c_pending ELSE 0 END,
      credits_posted = credits_posted + CASE WHEN id = NEW.credit_account_id THEN c_posted ELSE 0 END
    WHERE id = first_id
    RETURNING kind INTO first_kind;
  IF FOUND THEN
    UPDATE ledger_accounts SET
        debits_pending = debits_pending + CASE WHEN id = NEW.debit_account_id THEN d_pending ELSE 0 END,
        debits_posted = debits_posted + CASE WHEN id = NEW.debit_account_id THEN d_posted ELSE 0 END,
        credits_pending = credits_pending + CASE WHEN id = NEW.credit_account_id THEN c_pending ELSE 0 END,
        credits_posted = credits_posted + CASE WHEN id = NEW.credit_account_id THEN c_posted ELSE 0 END
      WHERE id = second_id
      RETURNING kind INTO second_kind;
  END IF;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'ledger: account % or % does not exist', NEW.debit_account_id, NEW.credit_account_id USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'ledger_transfers_account_exists';
  END IF;
  debit_kind := CASE WHEN NEW.debit_account_id = first_id THEN first_kind ELSE second_kind END;
  credit_kind := CASE WHEN NEW.credit_account_id = first_id THEN first_kind ELSE second_kind END;
  IF debit_kind = 'funding' AND credit_kind = 'budget' THEN
    IF NEW.kind = 'posted' AND NEW.reverses_id IS NOT NULL THEN
      SELECT * INTO r FROM ledger_transfers WHERE id = NEW.reverses_id;
      IF NOT FOUND OR r.debit_account_id <> NEW.credit_account_id OR r.credit_account_id <> NEW.debit_account_id OR r.amount <> NEW.amount THEN
        RAISE EXCEPTION 'ledger: transfer % does not undo transfer %', NEW.id, NEW.reverses_id USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_budget_four_eyes';
      END IF;
    ELSIF NEW.kind = 'posted' AND NEW.created_by IS NOT NULL THEN
      RAISE EXCEPTION 'ledger: a budget is funded by a request that a second person approves' USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_budget_four_eyes';
    ELSIF NEW.kind = 'post_pending' AND (NEW.created_by IS NOT DISTINCT FROM p.created_by AND p.created_by IS NOT NULL
                                         OR NEW.created_by IS NULL AND p.created_by IS NOT NULL) THEN
      RAISE EXCEPTION 'ledger: budget request % is approved by someone other than its requester (four eyes)', NEW.pending_id USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_budget_four_eyes';
    END IF;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- The claims inbox is read newest first (bench:scope: the whole province's list sorted 50 000 rows without it).
CREATE INDEX "claims_created_idx" ON "claims" USING btree ("created_at" DESC NULLS LAST);
