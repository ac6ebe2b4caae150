-- The ledger's hot rows (issue #5's throughput goal). Every payment of a policy updates that policy's budget
-- row; two things made each of those updates dearer than it had to be:
--  * the foreign keys from transfers to accounts: each insert's check took FOR KEY SHARE on the budget row that
--    another transaction held FOR NO KEY UPDATE, so PostgreSQL kept a multixact on the busiest row. The apply
--    trigger, which locks both accounts anyway, now refuses an account that does not exist (accounts are never
--    deleted: kc_ledger_guard_account), so the keys are dropped;
--  * the guard on account updates ran a PL/pgSQL function for every balance update the apply trigger made, only
--    to let it through. It now runs for updates made directly (not from a trigger), the only ones it refuses.
ALTER TABLE "ledger_transfers" DROP CONSTRAINT "ledger_transfers_debit_account_id_ledger_accounts_id_fk";
--> statement-breakpoint
ALTER TABLE "ledger_transfers" DROP CONSTRAINT "ledger_transfers_credit_account_id_ledger_accounts_id_fk";

--> statement-breakpoint
CREATE OR REPLACE FUNCTION kc_ledger_apply_transfer() RETURNS trigger AS $$
DECLARE
  p ledger_transfers%ROWTYPE;
  n integer;
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
  PERFORM 1 FROM ledger_accounts WHERE id IN (NEW.debit_account_id, NEW.credit_account_id) ORDER BY id FOR NO KEY UPDATE;
  GET DIAGNOSTICS n = ROW_COUNT;
  IF n <> 2 THEN
    RAISE EXCEPTION 'ledger: account % or % does not exist', NEW.debit_account_id, NEW.credit_account_id USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'ledger_transfers_account_exists';
  END IF;
  IF NEW.kind = 'posted' THEN
    UPDATE ledger_accounts SET debits_posted = debits_posted + NEW.amount WHERE id = NEW.debit_account_id;
    UPDATE ledger_accounts SET credits_posted = credits_posted + NEW.amount WHERE id = NEW.credit_account_id;
  ELSIF NEW.kind = 'pending' THEN
    UPDATE ledger_accounts SET debits_pending = debits_pending + NEW.amount WHERE id = NEW.debit_account_id;
    UPDATE ledger_accounts SET credits_pending = credits_pending + NEW.amount WHERE id = NEW.credit_account_id;
  ELSIF NEW.kind = 'post_pending' THEN
    UPDATE ledger_accounts SET debits_pending = debits_pending - NEW.amount, debits_posted = debits_posted + NEW.amount WHERE id = NEW.debit_account_id;
    UPDATE ledger_accounts SET credits_pending = credits_pending - NEW.amount, credits_posted = credits_posted + NEW.amount WHERE id = NEW.credit_account_id;
  ELSE
    UPDATE ledger_accounts SET debits_pending = debits_pending - NEW.amount WHERE id = NEW.debit_account_id;
    UPDATE ledger_accounts SET credits_pending = credits_pending - NEW.amount WHERE id = NEW.credit_account_id;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DROP TRIGGER ledger_accounts_guard ON ledger_accounts;
--> statement-breakpoint
CREATE TRIGGER ledger_accounts_guard
  BEFORE INSERT OR DELETE ON ledger_accounts
  FOR EACH ROW EXECUTE FUNCTION kc_ledger_guard_account();
--> statement-breakpoint
-- pg_trigger_depth() in WHEN is the depth of the statement making the update: 0 when made directly, 1 when the
-- apply trigger makes it. The function still refuses a direct change of balances, flag, code or kind.
CREATE TRIGGER ledger_accounts_guard_update
  BEFORE UPDATE ON ledger_accounts
  FOR EACH ROW WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION kc_ledger_guard_account();
