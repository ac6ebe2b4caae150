-- Sign-in hardening (#12): the lock-out counter becomes one row per (username, IP), taken atomically by one
-- INSERT … ON CONFLICT DO UPDATE before the password is checked (the row lock serialises parallel attempts,
-- so 200 parallel wrong passwords get at most the limit checked). Logins and wrong current passwords on a
-- password change count on the same row; a success removes it. The old table of failures (counted, then
-- inserted after the slow hash: a race) goes.
CREATE TABLE "login_throttle" (
	"username" text NOT NULL,
	"ip" text NOT NULL,
	"attempts" integer NOT NULL,
	"window_start" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "login_throttle_pk" PRIMARY KEY("username","ip"),
	CONSTRAINT "login_throttle_attempts_chk" CHECK ("login_throttle"."attempts" > 0)
);
--> statement-breakpoint
DROP TABLE "login_failures";
