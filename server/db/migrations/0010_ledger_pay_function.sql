-- A claim payment in one statement (issue #5's throughput goal). Paying took about nineteen round trips, each
-- made while the policy's budget row (and the one paid-out row of the year) stayed locked, so payments of one
-- budget queued behind each other's network waits. This function writes what payClaim wrote, inside the
-- database: it locks the claim, marks it paid with its step and audit events, then posts the reservation
-- (budget → payable) and pays it out (payable → paid) last, so the budget's row is held for two inserts and
-- the commit. The ledger triggers of 0006/0009 still apply every transfer and refuse what they refused
-- before (an error rolls the whole statement back); nothing here bypasses them.
--
-- The content hash repeats the application's (ledger.service.ts hashOf): sha256 of the JSON array
-- [debit, credit, amount, kind, pendingId, reversesId], so a later transfer() with the same key and content
-- replays, and other content under the key is refused, whichever side wrote the transfer.
CREATE OR REPLACE FUNCTION kc_ledger_content_hash(p_debit bigint, p_credit bigint, p_amount bigint, p_kind text, p_pending bigint, p_reverses bigint)
RETURNS text AS $$
  SELECT encode(sha256(convert_to(
    '[' || p_debit || ',' || p_credit || ',' || p_amount || ',"' || p_kind || '",' || coalesce(p_pending::text, 'null') || ',' || coalesce(p_reverses::text, 'null') || ']',
    'UTF8')), 'hex');
$$ LANGUAGE sql IMMUTABLE;
--> statement-breakpoint
-- Returns {"outcome": "paid" | "replayed" | "refused" | "not_found" | "no_reservation" | "no_paid_account",
-- "claim": <the claim row after the call>}. The paid-out account is the one of the reservation's budget (same
-- fiscal year, fund source and policy: accountSpecs.paid); approval opens it, and when it is missing (a claim
-- approved before this migration) nothing is done and the application opens it and calls again.
CREATE OR REPLACE FUNCTION kc_pay_claim(p_claim uuid, p_user uuid, p_username text, p_request_id text, p_ip text)
RETURNS jsonb AS $$
DECLARE
  c claims%ROWTYPE;
  r ledger_transfers%ROWTYPE;
  b ledger_accounts%ROWTYPE;
  paid_id bigint;
  post_id bigint;
  payout_id bigint;
  post_key text;
  payout_key text;
  v_now timestamptz := now();
BEGIN
  SELECT * INTO c FROM claims WHERE id = p_claim FOR UPDATE;
  IF NOT FOUND THEN
    RETURN jsonb_build_object('outcome', 'not_found');
  END IF;
  IF c.status = 'paid' THEN
    RETURN jsonb_build_object('outcome', 'replayed', 'claim', to_jsonb(c));
  END IF;
  IF c.status <> 'approved' THEN
    RETURN jsonb_build_object('outcome', 'refused', 'claim', to_jsonb(c));
  END IF;
  IF c.amount_fen > 0 THEN
    SELECT * INTO r FROM ledger_transfers WHERE idempotency_key = 'claim:' || c.event_key || ':reserve';
    IF NOT FOUND THEN
      RETURN jsonb_build_object('outcome', 'no_reservation', 'claim', to_jsonb(c));
    END IF;
    SELECT * INTO b FROM ledger_accounts WHERE id = r.debit_account_id;
    SELECT id INTO paid_id FROM ledger_accounts WHERE code = 'paid:' || b.fiscal_year || ':' || b.fund_source || ':' || b.policy_code;
    IF NOT FOUND THEN
      RETURN jsonb_build_object('outcome', 'no_paid_account', 'claim', to_jsonb(c));
    END IF;
  END IF;
  -- Everything that locks no account first: the claim, its step and the audit events (the transfers' ids are
  -- drawn from their sequence ahead). The budget's row, which every payment of the policy needs, is locked
  -- by the first transfer below and held only for the two transfers and the commit.
  UPDATE claims SET status = 'paid', paid_at = v_now, updated_at = v_now WHERE id = c.id RETURNING * INTO c;
  INSERT INTO claim_steps (claim_id, step, note, by_user) VALUES (c.id, 'paid', NULL, p_user);
  INSERT INTO audit_events (user_id, username, action, entity, entity_id, changes, request_id, ip)
    VALUES (p_user, p_username, 'paid', 'claim', c.id::text,
      jsonb_build_object('amountFen', jsonb_build_object('before', NULL, 'after', c.amount_fen)), p_request_id, p_ip);
  IF c.amount_fen > 0 THEN
    post_id := nextval(pg_get_serial_sequence('ledger_transfers', 'id'));
    payout_id := nextval(pg_get_serial_sequence('ledger_transfers', 'id'));
    post_key := 'claim:' || c.event_key || ':post';
    payout_key := 'claim:' || c.event_key || ':payout';
    INSERT INTO audit_events (user_id, username, action, entity, entity_id, changes, request_id, ip)
      VALUES (p_user, p_username, 'transfer', 'ledger_transfer', post_id::text, jsonb_build_object(
        'key', jsonb_build_object('before', NULL, 'after', post_key),
        'kind', jsonb_build_object('before', NULL, 'after', 'post_pending'),
        'debit', jsonb_build_object('before', NULL, 'after', r.debit_account_id),
        'credit', jsonb_build_object('before', NULL, 'after', r.credit_account_id),
        'amount', jsonb_build_object('before', NULL, 'after', r.amount)), p_request_id, p_ip),
      (p_user, p_username, 'transfer', 'ledger_transfer', payout_id::text, jsonb_build_object(
        'key', jsonb_build_object('before', NULL, 'after', payout_key),
        'kind', jsonb_build_object('before', NULL, 'after', 'posted'),
        'debit', jsonb_build_object('before', NULL, 'after', r.credit_account_id),
        'credit', jsonb_build_object('before', NULL, 'after', paid_id),
        'amount', jsonb_build_object('before', NULL, 'after', c.amount_fen)), p_request_id, p_ip);
    -- Post the reservation (budget → payable, the accounts and amount it holds), then pay out (payable → paid).
    INSERT INTO ledger_transfers (id, idempotency_key, content_hash, debit_account_id, credit_account_id, amount, kind, pending_id, claim_id, created_by)
      OVERRIDING SYSTEM VALUE
      VALUES (post_id, post_key, kc_ledger_content_hash(r.debit_account_id, r.credit_account_id, r.amount, 'post_pending', r.id, NULL),
              r.debit_account_id, r.credit_account_id, r.amount, 'post_pending', r.id, c.id, p_user);
    INSERT INTO ledger_transfers (id, idempotency_key, content_hash, debit_account_id, credit_account_id, amount, kind, claim_id, created_by)
      OVERRIDING SYSTEM VALUE
      VALUES (payout_id, payout_key, kc_ledger_content_hash(r.credit_account_id, paid_id, c.amount_fen, 'posted', NULL, NULL),
              r.credit_account_id, paid_id, c.amount_fen, 'posted', c.id, p_user);
  END IF;
  RETURN jsonb_build_object('outcome', 'paid', 'claim', to_jsonb(c));
END;
$$ LANGUAGE plpgsql;
