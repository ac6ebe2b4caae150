-- The ledger's hot rows (issue #5's throughput goal). Every payment of a policy updates that policy's budget
-- row; three things made each of those updates dearer than it had to be:
--  * the foreign keys from transfers to accounts: each insert's check took FOR KEY SHARE on the budget row that
--    another transaction held FOR NO KEY UPDATE, so PostgreSQL kept a multixact on the busiest row. The apply
--    trigger now refuses an account that does not exist (accounts are never deleted: kc_ledger_guard_account),
--    so the keys are dropped;
--  * the apply trigger locked both accounts (SELECT … FOR NO KEY UPDATE in id order) and then updated them:
--    every account row touched twice, a lock record and an update record in the WAL. The UPDATEs lock the rows
--    themselves; made in id order, one a row, they keep the fixed lock order (no deadlock between two transfers
--    sharing accounts) without the separate locking step;
--  * the guard on account updates ran a PL/pgSQL function for every balance update the apply trigger made, only
--    to let it through. It now runs for updates made directly (not from a trigger), the only ones it refuses.
ALTER TABLE "ledger_transfers" DROP CONSTRAINT "ledger_transfers_debit_account_id_ledger_accounts_id_fk";
--> statement-breakpoint
ALTER TABLE "ledger_transfers" DROP CONSTRAINT "ledger_transfers_credit_account_id_ledger_accounts_id_fk";

--> statement-breakpoint
CREATE OR REPLACE FUNCTION kc_ledger_apply_transfer() RETURNS trigger AS $$
DECLARE
  p ledger_transfers%ROWTYPE;
  -- What the transfer adds to the debit account's pending and posted debits, and to the credit account's
  -- pending and posted credits.
  d_pending bigint := 0;
  d_posted bigint := 0;
  c_pending bigint := 0;
  c_posted bigint := 0;
  first_id bigint := least(NEW.debit_account_id, NEW.credit_account_id);
  second_id bigint := greatest(NEW.debit_account_id, NEW.credit_account_id);
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
  -- The lower account id first, whichever side it is on: the fixed lock order. One update a row.
  UPDATE ledger_accounts SET
      debits_pending = debits_pending + CASE WHEN id = NEW.debit_account_id THEN d_pending ELSE 0 END,
      debits_posted = debits_posted + CASE WHEN id = NEW.debit_account_id THEN d_posted ELSE 0 END,
      credits_pending = credits_pending + CASE WHEN id = NEW.credit_account_id THEN c_pending ELSE 0 END,
      credits_posted = credits_posted + CASE WHEN id = NEW.credit_account_id THEN c_posted ELSE 0 END
    WHERE id = first_id;
  IF FOUND THEN
    UPDATE ledger_accounts SET
        debits_pending = debits_pending + CASE WHEN id = NEW.debit_account_id THEN d_pending ELSE 0 END,
        debits_posted = debits_posted + CASE WHEN id = NEW.debit_account_id THEN d_posted ELSE 0 END,
        credits_pending = credits_pending + CASE WHEN id = NEW.credit_account_id THEN c_pending ELSE 0 END,
        credits_posted = credits_posted + CASE WHEN id = NEW.credit_account_id THEN c_posted ELSE 0 END
      WHERE id = second_id;
  END IF;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'ledger: account % or % does not exist', NEW.debit_account_id, NEW.credit_account_id USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'ledger_transfers_account_exists';
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
