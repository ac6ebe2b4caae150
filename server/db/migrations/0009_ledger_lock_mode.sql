-- Transfers sharing an account deadlocked under concurrency: the foreign-key checks of the INSERT take FOR KEY
-- SHARE on both accounts, and FOR UPDATE then conflicts with the other transaction's KEY SHARE. FOR NO KEY
-- UPDATE does not conflict with KEY SHARE and still serialises transfers on one account (id order kept).
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
  PERFORM 1 FROM ledger_accounts WHERE id IN (NEW.debit_account_id, NEW.credit_account_id) ORDER BY id FOR NO KEY UPDATE;
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
