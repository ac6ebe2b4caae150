-- The ledger's guarantees, enforced by the database whoever writes (domain-rules §5):
--  * a transfer is applied to both accounts' balances by this trigger, in the same statement, under row
--    locks taken in account-id order (so two transfers between the same accounts cannot deadlock);
--  * the CHECK constraints on ledger_accounts then refuse any overdraft of a flagged account;
--  * balances cannot be changed except by this trigger; transfers and accounts cannot be updated or deleted;
--  * a pending transfer is resolved (posted or voided) at most once: unique index on pending_id.
CREATE OR REPLACE FUNCTION kc_ledger_apply_transfer() RETURNS trigger AS $$
DECLARE
  p ledger_transfers%ROWTYPE;
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
  PERFORM 1 FROM ledger_accounts WHERE id IN (NEW.debit_account_id, NEW.credit_account_id) ORDER BY id FOR UPDATE;
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
CREATE TRIGGER ledger_transfers_apply
  AFTER INSERT ON ledger_transfers
  FOR EACH ROW EXECUTE FUNCTION kc_ledger_apply_transfer();
--> statement-breakpoint
CREATE TRIGGER ledger_transfers_append_only
  BEFORE UPDATE OR DELETE ON ledger_transfers
  FOR EACH ROW EXECUTE FUNCTION kc_reject_modification();
--> statement-breakpoint
CREATE TRIGGER ledger_transfers_no_truncate
  BEFORE TRUNCATE ON ledger_transfers
  FOR EACH STATEMENT EXECUTE FUNCTION kc_reject_modification();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION kc_ledger_guard_account() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'ledger accounts cannot be deleted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW.debits_pending <> 0 OR NEW.debits_posted <> 0 OR NEW.credits_pending <> 0 OR NEW.credits_posted <> 0 THEN
      RAISE EXCEPTION 'a ledger account opens at zero: balances come only from transfers' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
  END IF;
  -- Only kc_ledger_apply_transfer (one trigger level down) may move balances.
  IF (NEW.debits_pending, NEW.debits_posted, NEW.credits_pending, NEW.credits_posted, NEW.debits_must_not_exceed_credits, NEW.code, NEW.kind)
     IS DISTINCT FROM (OLD.debits_pending, OLD.debits_posted, OLD.credits_pending, OLD.credits_posted, OLD.debits_must_not_exceed_credits, OLD.code, OLD.kind)
     AND pg_trigger_depth() < 2 THEN
    RAISE EXCEPTION 'ledger balances change only through transfers' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER ledger_accounts_guard
  BEFORE INSERT OR UPDATE OR DELETE ON ledger_accounts
  FOR EACH ROW EXECUTE FUNCTION kc_ledger_guard_account();
--> statement-breakpoint
CREATE TRIGGER ledger_accounts_no_truncate
  BEFORE TRUNCATE ON ledger_accounts
  FOR EACH STATEMENT EXECUTE FUNCTION kc_reject_modification();
