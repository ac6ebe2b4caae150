-- Ledger account names (issue #13): the server stored each account's name composed in both languages. The web now
-- names an account from its kind, fiscal year, fund source, policy, unit and — for a payable — its holder, which is
-- data (an enterprise's or applicant's name as it was when the account opened), kept in holder_name. Old payables
-- keep their holder: their Chinese name was '应付：' followed by it.
ALTER TABLE "ledger_accounts" ADD COLUMN "holder_name" text;--> statement-breakpoint
UPDATE "ledger_accounts" SET "holder_name" = regexp_replace("name_zh", '^应付：', '') WHERE "kind" = 'payable';--> statement-breakpoint
ALTER TABLE "ledger_accounts" DROP COLUMN "name_zh";--> statement-breakpoint
ALTER TABLE "ledger_accounts" DROP COLUMN "name_en";
