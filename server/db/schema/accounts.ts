import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, pgView, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgUnits } from './orgunits.js';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    locale: text('locale').notNull().default('zh-CN'),
    disabled: boolean('disabled').notNull().default(false),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('users_username_lower_uq').on(sql`lower(${t.username})`),
    check('users_locale_chk', sql`${t.locale} in ('zh-CN','en-US')`),
  ],
);

export const userRoles = pgTable(
  'user_roles',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    orgUnitCode: text('org_unit_code')
      .notNull()
      .references(() => orgUnits.code),
    /** For department grants: the data elements this department reports; null = all. */
    dataElements: text('data_elements').array(),
    /** For enterprise grants: the one enterprise this user acts for. */
    enterpriseId: uuid('enterprise_id'),
  },
  (t) => [
    uniqueIndex('user_roles_uq').on(t.userId, t.role, t.orgUnitCode),
    check(
      'user_roles_role_chk',
      sql`${t.role} in ('admin','bureau','leader','department','enterprise','expert','bank','provider','team','auditor')`,
    ),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token: a leaked table does not yield usable cookies. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * The lock-out counter: attempts with a password (sign-ins, and current passwords on a password change) per
 * lower-case username and client IP in a window that starts at the first one. Taken atomically before the
 * password is checked (accounts.repo.ts takeAttempt); a success deletes the row.
 */
export const loginThrottle = pgTable(
  'login_throttle',
  {
    username: text('username').notNull(),
    ip: text('ip').notNull(),
    attempts: integer('attempts').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'login_throttle_pk', columns: [t.username, t.ip] }),
    check('login_throttle_attempts_chk', sql`${t.attempts} > 0`),
  ],
);

/** Users as other modules show them (no password, no settings). Read-only (migration 0019: SELECT only, writes refused by a trigger); other modules import it from modules/accounts/index.ts. */
export const usersRead = pgView('kc_users_read', {
  id: uuid('id').notNull(),
  username: text('username').notNull(),
  displayName: text('display_name').notNull(),
}).existing();
