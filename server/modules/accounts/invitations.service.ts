import type { InvitationBody } from '../../../common/contracts/accounts.js';
import type { Locale } from '../../../common/enums.js';
import { LIMITS } from '../../../common/limits.js';
import { audit, type RequestContext } from '../../platform/audit.js';
import type { Db } from '../../platform/db.js';
import { AppError, type Problem } from '../../platform/errors.js';
import { generatePassword, hashPassword } from '../../platform/passwords.js';
import { findUnit } from '../orgunits/index.js';
import { enterpriseContacts } from '../registry/index.js';
import * as repo from './accounts.repo.js';
import { auditable } from './accounts.service.js';
import { invitationWorkbook, type InvitedRow } from './invitations.sheet.js';
import { enterprisesToInvite, type InvitableEnterprise } from './links.repo.js';

/**
 * Bulk invitation of enterprise contacts: one enterprise user per enterprise (named, or every one registered in
 * the unit or below it) that no user acts for yet, named by its credit code, with a one-time password it must
 * change at first sign-in. All or nothing: any enterprise that cannot be invited is a row of the 400's report and
 * no user is created. Each user's creation is audited as a single creation is, noting the invitation.
 */
export async function inviteEnterprises(
  db: Db,
  ctx: RequestContext,
  body: InvitationBody,
  locale: Locale,
): Promise<{ file: Buffer; fileName: string; created: number }> {
  const unit = await findUnit(db, body.orgUnitCode);
  if (!unit) throw new AppError(400, 'unknown_org_unit', { code: body.orgUnitCode }, 'orgUnitCode');
  const found = await enterprisesToInvite(db, unit.path, body.enterpriseIds);
  const problems: Problem[] = [];
  const byId = new Map(found.map((e) => [e.id, e]));
  body.enterpriseIds?.forEach((id, i) => {
    const e = byId.get(id);
    if (!e || !e.path.startsWith(unit.path))
      problems.push({ field: `enterpriseIds.${i}`, code: 'invitation_unknown_enterprise', params: { unit: unit.name } });
  });
  const invited = [...byId.values()].filter((e) => e.users === 0 && e.path.startsWith(unit.path));
  if (invited.length > LIMITS.invitationsMax) throw new AppError(400, 'invitation_too_many', { max: LIMITS.invitationsMax });
  const taken = await repo.existingUsernames(
    db,
    invited.map((e) => e.creditCode),
  );
  invited.forEach((e, i) => {
    if (taken.has(e.creditCode.toLowerCase()))
      problems.push({
        field: body.enterpriseIds ? `enterpriseIds.${body.enterpriseIds.indexOf(e.id)}` : `rows.${i}`,
        code: 'invitation_username_taken',
        params: { name: e.name, username: e.creditCode },
      });
  });
  if (problems.length) throw new AppError(400, 'invitation_rows', { n: problems.length }, undefined, problems);
  if (invited.length === 0) throw new AppError(400, 'invitation_nothing');
  const rows = await createInvited(db, ctx, invited);
  const { file, fileName } = await invitationWorkbook(rows, unit.name, locale);
  return { file, fileName, created: rows.length };
}

/** Two hashes at a time: argon2 runs on libuv's threads, and the machine may have two cores. */
async function passwordsFor(n: number): Promise<{ plain: string; hash: string }[]> {
  const out: { plain: string; hash: string }[] = [];
  for (let i = 0; i < n; i += 2) {
    const batch = Array.from({ length: Math.min(2, n - i) }, () => generatePassword());
    const hashes = await Promise.all(batch.map((p) => hashPassword(p)));
    batch.forEach((plain, k) => out.push({ plain, hash: hashes[k]! }));
  }
  return out;
}

async function createInvited(db: Db, ctx: RequestContext, invited: InvitableEnterprise[]): Promise<InvitedRow[]> {
  const [passwords, contacts] = await Promise.all([
    passwordsFor(invited.length),
    enterpriseContacts(
      db,
      invited.map((e) => e.id),
    ),
  ]);
  return db.transaction(async (tx) => {
    const rows: InvitedRow[] = [];
    for (const [i, e] of invited.entries()) {
      const contact = contacts.get(e.id);
      const user = await repo.insertUser(tx, {
        username: e.creditCode,
        displayName: (contact?.contactName?.trim() || e.name).slice(0, LIMITS.displayNameMax),
        passwordHash: passwords[i]!.hash,
        locale: 'zh-CN',
        mustChangePassword: true,
      });
      await repo.replaceGrants(tx, user.id, [{ role: 'enterprise', orgUnitCode: e.orgUnitCode, enterpriseId: e.id }]);
      const grants = await repo.grantsOf(tx, [user.id]);
      await audit(tx, ctx, {
        action: 'create',
        entity: 'user',
        entityId: user.id,
        after: auditable(user, grants),
        note: { invitation: invited.length },
      });
      rows.push({
        enterprise: e.name,
        creditCode: e.creditCode,
        orgUnitName: grants[0]?.orgUnitName ?? e.orgUnitCode,
        contactName: contact?.contactName ?? '',
        contactPhone: contact?.contactPhone ?? '',
        username: user.username,
        password: passwords[i]!.plain,
      });
    }
    return rows;
  });
}
