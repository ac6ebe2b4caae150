import type { Locale, Role } from '../../../common/enums.js';
import type { CreateUserBody, Me, RoleGrantInput, UpdateUserBody, UserView } from '../../../common/contracts/accounts.js';
import { LIMITS } from '../../../common/limits.js';
import { audit, type RequestContext } from '../../platform/audit.js';
import { deleteSessionsOf, hashToken, newToken, type AuthInfo } from '../../platform/auth.js';
import type { Db } from '../../platform/db.js';
import { AppError, notFound } from '../../platform/errors.js';
import { timeZone } from '../../platform/clock.js';
import { assertAcceptablePassword, dummyPasswordHash, generatePassword, hashPassword, verifyPassword } from '../../platform/passwords.js';
import { findUnits } from '../orgunits/index.js';
import * as repo from './accounts.repo.js';
import type { GrantRow, UserRow } from './accounts.repo.js';
import { canManage, canSee, covers } from './accounts.policy.js';
import { applyExpertLink, withExpertEntries } from './links.service.js';

const presentGrant = (g: GrantRow) => ({
  role: g.role as Role,
  orgUnitCode: g.orgUnitCode,
  orgUnitName: g.orgUnitName,
  dataElements: g.dataElements,
  enterpriseId: g.enterpriseId,
  ...(g.enterpriseName ? { enterpriseName: g.enterpriseName, enterpriseCreditCode: g.enterpriseCreditCode ?? '' } : {}),
});

/** A user as the caller sees it; `scopes` (the caller's admin subtrees) decide `manageable`, else it is true. */
export function presentUser(u: UserRow, grants: GrantRow[], scopes?: readonly string[]): UserView {
  const own = grants.filter((g) => g.userId === u.id);
  return {
    manageable: scopes ? canManage(scopes, own) : true,
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    locale: u.locale as Locale,
    disabled: u.disabled,
    roles: own.map(presentGrant),
    createdAt: u.createdAt.toISOString(),
    lastLoginAt: u.lastLoginAt ? u.lastLoginAt.toISOString() : null,
  };
}

export function presentMe(auth: AuthInfo): Me {
  return {
    id: auth.user.id,
    username: auth.user.username,
    displayName: auth.user.displayName,
    locale: auth.user.locale as Locale,
    roles: auth.grants.map((g) => ({
      role: g.role,
      orgUnitCode: g.orgUnitCode,
      orgUnitName: g.orgUnitName,
      dataElements: g.dataElements,
      enterpriseId: g.enterpriseId,
    })),
    mustChangePassword: auth.user.mustChangePassword,
    timeZone: timeZone(),
  };
}

/** What the audit log records of a user: never the hash itself. */
export const auditable = (u: UserRow, grants: GrantRow[]) => ({
  username: u.username,
  displayName: u.displayName,
  locale: u.locale,
  disabled: u.disabled,
  passwordHash: u.passwordHash,
  roles: grants
    .filter((g) => g.userId === u.id)
    .map(
      (g) =>
        `${g.role}@${g.orgUnitCode}${g.dataElements ? `[${g.dataElements.join(',')}]` : ''}${g.enterpriseId ? `#${g.enterpriseId}` : ''}`,
    ),
});

// ---------------------------------------------------------------- sign-in

export interface LoginInput {
  username: string;
  password: string;
  ip: string;
  userAgent: string | undefined;
}

export interface LoginResult {
  token: string;
  csrfToken: string;
  userId: string;
}

/**
 * Every check of a password (a sign-in, the current password of a change) first takes an attempt from the
 * (username, IP) allowance — atomically, so parallel guesses cannot overtake the count — and is refused
 * with 429, unchecked, once the allowance of the window is used up.
 */
async function takeAttempt(db: Db, username: string, ip: string): Promise<void> {
  if (!(await repo.takeAttempt(db, username, ip, LIMITS.loginFailuresPerWindow, LIMITS.loginFailureWindowMinutes))) {
    throw new AppError(429, 'too_many_attempts', { minutes: LIMITS.loginFailureWindowMinutes });
  }
}

export async function login(db: Db, ctx: RequestContext, input: LoginInput): Promise<LoginResult> {
  await takeAttempt(db, input.username, input.ip);
  const user = await repo.findUserByUsername(db, input.username);
  // Verify against a dummy hash for unknown users so the response time does not reveal which names exist.
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  // A failure keeps the attempt it took; a success clears the counter below.
  if (!user || !ok || user.disabled) throw new AppError(401, 'bad_credentials');
  const token = newToken();
  const csrfToken = newToken();
  await db.transaction(async (tx) => {
    await repo.clearFailures(tx, input.username, input.ip);
    await repo.insertSession(tx, {
      id: hashToken(token),
      userId: user.id,
      csrfToken,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    });
    await repo.patchUser(tx, user.id, { lastLoginAt: new Date() });
    await audit(
      tx,
      { ...ctx, userId: user.id, username: user.username },
      { action: 'login', entity: 'user', entityId: user.id, note: { ip: input.ip } },
    );
  });
  return { token, csrfToken, userId: user.id };
}

export async function logout(db: Db, ctx: RequestContext, auth: AuthInfo): Promise<void> {
  await db.transaction(async (tx) => {
    await repo.deleteSession(tx, auth.sessionId);
    await audit(tx, ctx, { action: 'logout', entity: 'user', entityId: auth.user.id });
  });
}

export async function updateMe(
  db: Db,
  ctx: RequestContext,
  auth: AuthInfo,
  patch: { locale?: Locale | undefined; displayName?: string | undefined },
): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await repo.findUserById(tx, auth.user.id);
    if (!before) throw notFound(auth.user.username);
    const after = await repo.patchUser(tx, auth.user.id, {
      ...(patch.locale ? { locale: patch.locale } : {}),
      ...(patch.displayName ? { displayName: patch.displayName } : {}),
    });
    await audit(tx, ctx, {
      action: 'update',
      entity: 'user',
      entityId: after.id,
      before: { locale: before.locale, displayName: before.displayName },
      after: { locale: after.locale, displayName: after.displayName },
    });
  });
}

export async function changeOwnPassword(
  db: Db,
  ctx: RequestContext,
  auth: AuthInfo,
  input: { current: string; next: string; ip: string },
): Promise<void> {
  const user = await repo.findUserById(db, auth.user.id);
  if (!user) throw notFound(auth.user.username);
  // A stolen session must not become a way to guess the password: wrong current passwords count toward the
  // same lock-out as wrong sign-ins.
  await takeAttempt(db, user.username, input.ip);
  if (!(await verifyPassword(user.passwordHash, input.current))) throw new AppError(400, 'wrong_current_password', {}, 'currentPassword');
  if (input.next === input.current) throw new AppError(400, 'password_unchanged', {}, 'newPassword');
  assertAcceptablePassword(input.next, user.username, 'newPassword');
  const passwordHash = await hashPassword(input.next);
  await db.transaction(async (tx) => {
    await repo.clearFailures(tx, user.username, input.ip);
    await repo.patchUser(tx, user.id, { passwordHash, mustChangePassword: false });
    // Other devices must sign in again with the new password.
    await deleteSessionsOf(tx, user.id, auth.sessionId);
    await audit(tx, ctx, {
      action: 'change_password',
      entity: 'user',
      entityId: user.id,
      before: { passwordHash: user.passwordHash },
      after: { passwordHash },
    });
  });
}

// ---------------------------------------------------------------- administration

/** Decides, for a grant's org-unit path, whether the actor may hand it out. Admin CLI passes () => true. */
export type GrantScope = (path: string) => boolean;

async function checkGrants(db: Db, grants: RoleGrantInput[], canGrant: GrantScope): Promise<void> {
  const codes = [...new Set(grants.map((g) => g.orgUnitCode))];
  const units = new Map((await findUnits(db, codes)).map((u) => [u.code, u]));
  const des = await repo.knownDataElements(db, [...new Set(grants.flatMap((g) => g.dataElements ?? []))]);
  grants.forEach((g, i) => {
    const unit = units.get(g.orgUnitCode);
    if (!unit) throw new AppError(400, 'unknown_org_unit', { code: g.orgUnitCode }, `roles.${i}.orgUnitCode`);
    if (!canGrant(unit.path)) throw new AppError(403, 'forbidden_scope', { unit: unit.name });
    const unknown = g.dataElements?.find((d) => !des.has(d));
    if (unknown) throw new AppError(400, 'dv_unknown_data_element', { code: unknown }, `roles.${i}.dataElements`);
  });
  // An enterprise user acts for one registered enterprise inside the grant's scope.
  const entPaths = await repo.enterprisePaths(
    db,
    grants.flatMap((g) => (g.enterpriseId ? [g.enterpriseId] : [])),
  );
  grants.forEach((g, i) => {
    if (g.role !== 'enterprise') return;
    const path = g.enterpriseId ? entPaths.get(g.enterpriseId) : undefined;
    const unitPath = units.get(g.orgUnitCode)!.path;
    if (!path || !path.startsWith(unitPath)) throw new AppError(400, 'grant_enterprise', {}, `roles.${i}.enterpriseId`);
  });
}

export async function listVisibleUsers(
  db: Db,
  scopes: readonly string[],
  filter: { q?: string | undefined; role?: Role | undefined; disabled?: boolean | undefined },
): Promise<UserView[]> {
  const rows = await repo.listUsers(db, { scopes, ...filter });
  const grants = await repo.grantsOf(
    db,
    rows.map((r) => r.id),
  );
  return withExpertEntries(
    db,
    rows.map((u) => presentUser(u, grants, scopes)),
  );
}

async function loadManageable(db: Db, id: string, scopes: readonly string[] | 'all'): Promise<{ user: UserRow; grants: GrantRow[] }> {
  const user = await repo.findUserById(db, id);
  if (!user) throw notFound(id);
  const grants = await repo.grantsOf(db, [id]);
  if (scopes !== 'all') {
    if (!canSee(scopes, grants)) throw notFound(id);
    if (!canManage(scopes, grants))
      throw new AppError(403, 'forbidden_scope', { unit: grants.find((g) => !covers(scopes, g.path))?.orgUnitName ?? '' });
  }
  return { user, grants };
}

export async function getVisibleUser(db: Db, scopes: readonly string[], id: string): Promise<UserView> {
  const user = await repo.findUserById(db, id);
  const grants = user ? await repo.grantsOf(db, [id]) : [];
  if (!user || !canSee(scopes, grants)) throw notFound(id);
  const [view] = await withExpertEntries(db, [presentUser(user, grants, scopes)]);
  return view!;
}

export async function createUser(
  db: Db,
  ctx: RequestContext,
  canGrant: GrantScope,
  body: CreateUserBody,
): Promise<{ user: UserView; initialPassword?: string }> {
  const generated = body.password ? undefined : generatePassword();
  const password = body.password ?? generated!;
  assertAcceptablePassword(password, body.username);
  await checkGrants(db, body.roles, canGrant);
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    if (await repo.findUserByUsername(tx, body.username))
      throw new AppError(409, 'username_taken', { username: body.username }, 'username');
    const user = await repo.insertUser(tx, {
      username: body.username,
      displayName: body.displayName,
      passwordHash,
      locale: body.locale ?? 'zh-CN',
      // A password someone else chose is changed at first sign-in.
      mustChangePassword: true,
    });
    await repo.replaceGrants(tx, user.id, body.roles);
    const grants = await repo.grantsOf(tx, [user.id]);
    await audit(tx, ctx, { action: 'create', entity: 'user', entityId: user.id, after: auditable(user, grants) });
    if (body.expert)
      await applyExpertLink(tx, ctx, { userId: user.id, displayName: user.displayName, grants, link: body.expert, canWrite: canGrant });
    const [view] = await withExpertEntries(tx, [presentUser(user, grants)]);
    return { user: view!, ...(generated ? { initialPassword: generated } : {}) };
  });
}

export async function updateUser(
  db: Db,
  ctx: RequestContext,
  actor: { userId: string | null; scopes: readonly string[] | 'all'; canGrant: GrantScope },
  id: string,
  body: UpdateUserBody,
): Promise<UserView> {
  if (body.roles) await checkGrants(db, body.roles, actor.canGrant);
  return db.transaction(async (tx) => {
    const { user: before, grants: beforeGrants } = await loadManageable(tx, id, actor.scopes);
    const self = actor.userId === id;
    if (self && body.disabled === true) throw new AppError(400, 'cannot_disable_self', {}, 'disabled');
    if (self && body.roles && beforeGrants.some((g) => g.role === 'admin') && !body.roles.some((g) => g.role === 'admin')) {
      throw new AppError(400, 'cannot_remove_own_admin', {}, 'roles');
    }
    const losesAdmin =
      beforeGrants.some((g) => g.role === 'admin') &&
      (body.disabled === true || (body.roles !== undefined && !body.roles.some((g) => g.role === 'admin')));
    if (losesAdmin && !before.disabled && (await repo.countActiveAdmins(tx, id)) === 0) throw new AppError(400, 'last_admin');
    const after = await repo.patchUser(tx, id, {
      ...(body.displayName !== undefined ? { displayName: body.displayName } : {}),
      ...(body.locale !== undefined ? { locale: body.locale } : {}),
      ...(body.disabled !== undefined ? { disabled: body.disabled } : {}),
    });
    if (body.roles) await repo.replaceGrants(tx, id, body.roles);
    // Disabling, or changing what someone may do, takes effect at once: their sessions end.
    if (body.disabled === true || body.roles) await deleteSessionsOf(tx, id);
    const afterGrants = await repo.grantsOf(tx, [id]);
    await audit(tx, ctx, {
      action: 'update',
      entity: 'user',
      entityId: id,
      before: auditable(before, beforeGrants),
      after: auditable(after, afterGrants),
    });
    if (body.expert)
      await applyExpertLink(tx, ctx, {
        userId: id,
        displayName: after.displayName,
        grants: afterGrants,
        link: body.expert,
        canWrite: actor.canGrant,
      });
    const [view] = await withExpertEntries(tx, [presentUser(after, afterGrants)]);
    return view!;
  });
}

export async function resetPassword(
  db: Db,
  ctx: RequestContext,
  scopes: readonly string[] | 'all',
  id: string,
  chosen: string | undefined,
): Promise<{ password?: string }> {
  const { user } = await loadManageable(db, id, scopes);
  const generated = chosen ? undefined : generatePassword();
  const password = chosen ?? generated!;
  assertAcceptablePassword(password, user.username);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await repo.patchUser(tx, id, { passwordHash, mustChangePassword: true });
    await deleteSessionsOf(tx, id);
    await repo.clearFailuresForUser(tx, user.username);
    await audit(tx, ctx, {
      action: 'reset_password',
      entity: 'user',
      entityId: id,
      before: { passwordHash: user.passwordHash },
      after: { passwordHash },
    });
  });
  return generated ? { password: generated } : {};
}
