import { sql } from 'drizzle-orm';
import { ANY_ROLE, CHALLENGE_TEAMS, ENTERPRISE_USERS, EXPERTS, PROJECT_EDITORS, PROJECT_READERS } from '../../../common/access.js';
import type { Role } from '../../../common/enums.js';
import { defineResource, pathsFrom, type Access, type AccessRule } from '../../platform/access.js';
import { hasRole, type AuthInfo } from '../../platform/auth.js';
import type { Db } from '../../platform/db.js';

export { CHALLENGE_TEAMS, PROJECT_EDITORS, PROJECT_READERS };

/**
 * Project calls and expert review, by org unit. A call belongs to the unit that runs it (`calls.region_code`):
 * the units below see it (a county sees a city-wide call), only the owner's subtree acts on it. Its working
 * records — applications, draws, conflicts, scores, payments, reports, the notice and its objections — belong
 * to the call's unit; an application also belongs to its applicant enterprise's unit (which may read it). The
 * expert pool is kept per unit (`experts.org_unit_code`): a county bureau draws from its own and its
 * ancestors' experts and edits only its own. Enterprises, teams and experts act on their own records
 * (`personal`): the handlers check ownership.
 */

/** The call's unit. */
const callPath = (id: string) => sql`select ou.path from calls c join org_units ou on ou.code = c.region_code where c.id = ${id}`;

/** The unit of the call an application was made to. */
const applicationCallPath = (id: string) =>
  sql`select ou.path from project_applications a join calls c on c.id = a.call_id join org_units ou on ou.code = c.region_code
      where a.id = ${id}`;

/** An application: its call's unit, and its applicant enterprise's unit when there is one. */
const applicationPaths = (id: string) =>
  sql`${applicationCallPath(id)}
      union all
      select eu.path from project_applications a join enterprises e on e.id = a.enterprise_id
        join org_units eu on eu.code = e.org_unit_code where a.id = ${id}`;

/** A call: read by its unit's subtree and the units below; run (publish, draw, decide…) by its own subtree. */
defineResource('call', { key: 'uuid', sharedDown: true, resolve: (db, id) => pathsFrom(db, callPath(id)) });

/**
 * A call's working records read through the call (its draws, assignments, conflicts, results, notice with the
 * objections' contacts): only the call's own subtree, not the units below that see the call itself.
 */
defineResource('callRecords', { key: 'uuid', resolve: (db, id) => pathsFrom(db, callPath(id)) });

/** An application, as read: by the call's subtree, or the applicant enterprise's. */
defineResource('application', { key: 'uuid', resolve: (db, id) => pathsFrom(db, applicationPaths(id)) });

/**
 * An application as the bureau running its call acts on it (formal check, consensus, contract, mid-term,
 * extension): the call's unit only, wherever the applicant is registered.
 */
defineResource('managedApplication', { key: 'uuid', resolve: (db, id) => pathsFrom(db, applicationCallPath(id)) });

/** An attachment: its application's units. */
defineResource('attachment', {
  key: 'uuid',
  resolve: async (db, id) => {
    const rows = await pathsFrom(db, sql`select application_id::text as path from project_attachments where id = ${id}`);
    return rows ? pathsFrom(db, applicationPaths(rows[0]!)) : null;
  },
});

/** An expert of the pool: the unit that registered it; the units below draw from it, only its own subtree edits it. */
defineResource('expert', {
  key: 'uuid',
  sharedDown: true,
  resolve: (db, id) => pathsFrom(db, sql`select ou.path from experts x join org_units ou on ou.code = x.org_unit_code where x.id = ${id}`),
});

/** A stored draw: its call's unit. */
defineResource('draw', {
  key: 'uuid',
  resolve: (db, id) =>
    pathsFrom(
      db,
      sql`select ou.path from assignment_draws d join calls c on c.id = d.call_id join org_units ou on ou.code = c.region_code
          where d.id = ${id}`,
    ),
});

/** The unit of the call of a row that names an application (reviews, reports, payments). */
const viaApplication = (table: 'project_reviews' | 'project_reports' | 'project_payments') => (db: Db, id: string) =>
  pathsFrom(
    db,
    sql`select ou.path from ${sql.identifier(table)} x join project_applications a on a.id = x.application_id
          join calls c on c.id = a.call_id join org_units ou on ou.code = c.region_code where x.id = ${id}`,
  );

/** An assignment of an expert: its call's unit. */
defineResource('review', { key: 'uuid', resolve: viaApplication('project_reviews') });
/** A progress, mid-term or acceptance report: its call's unit. */
defineResource('report', { key: 'uuid', resolve: viaApplication('project_reports') });
/** An instalment of a project's payment schedule: its call's unit (the call's budget pays it). */
defineResource('payment', { key: 'uuid', resolve: viaApplication('project_payments') });

/** A call's approval notice (公示): the call's unit. */
defineResource('projectNotice', {
  key: 'uuid',
  resolve: (db, id) =>
    pathsFrom(
      db,
      sql`select ou.path from project_notices n join calls c on c.id = n.call_id join org_units ou on ou.code = c.region_code
          where n.id = ${id}`,
    ),
});

/** An objection to a notice: the call's unit. */
defineResource('projectObjection', {
  key: 'uuid',
  resolve: (db, id) =>
    pathsFrom(
      db,
      sql`select ou.path from project_objections o join project_notices n on n.id = o.notice_id join calls c on c.id = n.call_id
          join org_units ou on ou.code = c.region_code where o.id = ${id}`,
    ),
});

/** A conflict of interest: the unit of the call of its application (one about no application: the expert's unit). */
defineResource('conflict', {
  key: 'uuid',
  resolve: (db, id) =>
    pathsFrom(
      db,
      sql`select coalesce(cu.path, xu.path) as path from conflicts k
            left join project_applications a on a.id = k.application_id left join calls c on c.id = a.call_id
            left join org_units cu on cu.code = c.region_code
            join experts x on x.id = k.expert_id join org_units xu on xu.code = x.org_unit_code
          where k.id = ${id}`,
    ),
});

/** Applicants: an enterprise's users (any call) and 揭榜团队 (challenges): their own applications only. */
export const APPLICANTS: readonly Role[] = [...ENTERPRISE_USERS, ...CHALLENGE_TEAMS];

export const RULES = {
  /** The list of calls: staff within their scope (and the published calls of the units above); applicants the published ones. */
  listCalls: { roles: PROJECT_READERS, personal: APPLICANTS } satisfies AccessRule,
  /** One call: staff within scope (shared down); applicants, and experts (its criteria), a published one. */
  readCall: { roles: PROJECT_READERS, personal: [...APPLICANTS, ...EXPERTS], resource: 'call' } satisfies AccessRule,
  /** A new call, in a unit the bureau grant covers (checked in the handler: the unit is in the body or the grant's). */
  createCall: { roles: PROJECT_EDITORS } satisfies AccessRule,
  /** Publish, close, draw, aggregate, decide, publish the notice: the call's own subtree. */
  runCall: { roles: PROJECT_EDITORS, resource: 'call' } satisfies AccessRule,
  /** The applications of a call: staff who see the call, each application listed when it is in their scope. */
  callApplications: { roles: PROJECT_READERS, resource: 'call' } satisfies AccessRule,
  /** Draws, assignments, conflicts, results and the notice of a call: staff of the call's subtree. */
  callRecords: { roles: PROJECT_READERS, resource: 'callRecords' } satisfies AccessRule,
  /**
   * Bidding: any signed-in user reaches the handler, which takes a bid only from an enterprise's user or a
   * 揭榜团队 (and says why not to anyone else).
   */
  apply: { roles: [], personal: ANY_ROLE } satisfies AccessRule,
  /** An applicant's own applications and their edits, files, submission and reports. */
  applicant: { roles: [], personal: APPLICANTS } satisfies AccessRule,
  /** One application (its files, letter, funding): staff of the call's or the enterprise's subtree, or its owner. */
  readApplication: { roles: PROJECT_READERS, personal: APPLICANTS, resource: 'application' } satisfies AccessRule,
  /** Download an attachment: as its application. */
  readAttachment: {
    roles: PROJECT_READERS,
    personal: APPLICANTS,
    resource: 'attachment',
    key: { param: 'attachmentId' },
  } satisfies AccessRule,
  /** The bureau running the call acts on an application (formal check, consensus, contract, mid-term, extension). */
  manageApplication: { roles: PROJECT_EDITORS, resource: 'managedApplication' } satisfies AccessRule,
  /** The expert pool as the staff see it: their own subtree's experts and their ancestors'. */
  listExperts: { roles: PROJECT_READERS } satisfies AccessRule,
  /** A new expert, registered by a unit the bureau grant covers (checked in the handler). */
  createExpert: { roles: PROJECT_EDITORS } satisfies AccessRule,
  /** Edit or rate an expert: the unit that registered it (its subtree). */
  editExpert: { roles: PROJECT_EDITORS, resource: 'expert' } satisfies AccessRule,
  /** Record a conflict: the bureau running the application's call, or an expert about itself. */
  recordConflict: {
    roles: PROJECT_EDITORS,
    personal: EXPERTS,
    resource: 'managedApplication',
    key: { body: 'applicationId' },
  } satisfies AccessRule,
  decideConflict: { roles: PROJECT_EDITORS, resource: 'conflict' } satisfies AccessRule,
  /** An expert's own assignments. */
  expert: { roles: [], personal: EXPERTS } satisfies AccessRule,
  verifyDraw: { roles: PROJECT_READERS, resource: 'draw' } satisfies AccessRule,
  swap: { roles: PROJECT_EDITORS, resource: 'review' } satisfies AccessRule,
  pay: { roles: PROJECT_EDITORS, resource: 'payment' } satisfies AccessRule,
  decideReport: { roles: PROJECT_EDITORS, resource: 'report' } satisfies AccessRule,
  /** The project owner hands in a report (the service checks it is theirs). */
  submitReport: { roles: [], personal: APPLICANTS } satisfies AccessRule,
  recordObjection: { roles: PROJECT_EDITORS, resource: 'projectNotice' } satisfies AccessRule,
  resolveObjection: { roles: PROJECT_EDITORS, resource: 'projectObjection' } satisfies AccessRule,
};

/** Whether the user reads, oversees or runs calls (of some scope): such a user never bids as a team. */
export const isStaff = (auth: AuthInfo) => hasRole(auth, PROJECT_READERS);

/** May this account bid for a challenge as a team (not as an enterprise)? */
export const mayBidAsTeam = (auth: AuthInfo) => hasRole(auth, CHALLENGE_TEAMS) && !isStaff(auth) && !hasRole(auth, EXPERTS);

/** The org-unit paths of an application (call's and enterprise's), for a handler whose rule let an owner through. */
export const applicationUnits = (db: Db, id: string) => pathsFrom(db, applicationPaths(id));

/** The path of a call's unit. */
export const callUnit = async (db: Db, id: string) => (await pathsFrom(db, callPath(id)))?.[0] ?? null;

/**
 * May the caller read this application: its owner, or staff whose scope covers its call or its enterprise
 * (checked by the rule already unless the caller also holds a personal role, which skips the rule's check).
 */
export async function mayReadApplication(db: Db, access: Access, a: { id: string; ownerUserId: string }): Promise<boolean> {
  if (a.ownerUserId === access.auth.user.id) return true;
  if (access.target) return true;
  const paths = await applicationUnits(db, a.id);
  return paths !== null && access.can('read', paths);
}
