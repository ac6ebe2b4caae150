import { z } from 'zod';
import { ROLES } from '../enums.js';
import { LIMITS, ORG_CODE_PATTERN, USERNAME_PATTERN } from '../limits.js';
import { localeSchema, name } from './common.js';

export const roleSchema = z.enum(ROLES);
export const orgCodeSchema = z.string().regex(ORG_CODE_PATTERN);

export const roleGrant = z.object({
  role: roleSchema,
  orgUnitCode: orgCodeSchema,
  /** Department grants may be limited to the data elements the department reports; absent = all. */
  dataElements: z.array(z.string().min(1).max(64)).max(500).optional(),
  /** Enterprise grants: the enterprise the user acts for (required for the enterprise role). */
  enterpriseId: z.uuid().optional(),
});
export type RoleGrantInput = z.infer<typeof roleGrant>;

export const roleGrantView = roleGrant.extend({
  orgUnitName: z.string(),
  dataElements: z.array(z.string()).nullable(),
  enterpriseId: z.string().nullable(),
  /** Enterprise grants in the user list: the enterprise the user acts for (absent for other roles and in /me). */
  enterpriseName: z.string().optional(),
  enterpriseCreditCode: z.string().optional(),
});

export const usernameSchema = z.string().trim().min(LIMITS.usernameMin).max(LIMITS.usernameMax).regex(USERNAME_PATTERN);
export const passwordSchema = z.string().min(LIMITS.passwordMin).max(LIMITS.passwordMax);

export const loginBody = z.object({
  username: z.string().trim().min(1).max(LIMITS.usernameMax),
  password: z.string().min(1).max(LIMITS.passwordMax),
});
export type LoginBody = z.infer<typeof loginBody>;

export const meResponse = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  locale: localeSchema,
  roles: z.array(roleGrantView),
  mustChangePassword: z.boolean(),
  /** The bureau's time zone (KECHUANG_TIME_ZONE): the web counts today and shows times in it (common/clock.ts). */
  timeZone: z.string(),
});
export type Me = z.infer<typeof meResponse>;

export const updateMeBody = z
  .object({
    locale: localeSchema.optional(),
    displayName: name(LIMITS.displayNameMax).optional(),
  })
  .strict();

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(LIMITS.passwordMax),
  newPassword: passwordSchema,
});

export const userView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  locale: localeSchema,
  disabled: z.boolean(),
  roles: z.array(roleGrantView),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
  /**
   * Whether the caller may change this user (edit, disable, reset the password): all of the user's grants lie in
   * the caller's subtree. A user seen through one grant only is listed without these actions.
   */
  manageable: z.boolean().optional(),
  /** An expert user's entry of the expert pool (the projects module's), when it is linked to one. */
  expert: z.object({ id: z.string(), name: z.string(), orgUnitCode: z.string(), orgUnitName: z.string() }).nullable().optional(),
});
export type UserView = z.infer<typeof userView>;

export const listUsersQuery = z.object({
  q: z.string().trim().max(LIMITS.searchMax).optional(),
  role: roleSchema.optional(),
  disabled: z.enum(['true', 'false']).optional(),
});

export const listUsersResponse = z.object({ items: z.array(userView), total: z.number() });

/**
 * An expert user's entry of the expert pool: link an entry without an account (of the expert grant's unit or
 * below, in the admin's scope), or create one in the expert grant's unit with the user's display name.
 */
export const expertLink = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('link'), expertId: z.uuid() }).strict(),
  z
    .object({
      mode: z.literal('create'),
      orgName: name(200, { min: 0 }).optional(),
      fields: z.array(name(40)).max(20).optional(),
    })
    .strict(),
]);
export type ExpertLink = z.infer<typeof expertLink>;

export const createUserBody = z
  .object({
    username: usernameSchema,
    displayName: name(LIMITS.displayNameMax),
    password: passwordSchema.optional(),
    locale: localeSchema.optional(),
    roles: z.array(roleGrant).min(1).max(50),
    /** Only with an expert grant: the pool entry the user is (linked, or created with the user). */
    expert: expertLink.optional(),
  })
  .strict();
export type CreateUserBody = z.infer<typeof createUserBody>;

export const createUserResponse = z.object({
  user: userView,
  /** Present only when the server generated the password; shown once. */
  initialPassword: z.string().optional(),
});

export const updateUserBody = z
  .object({
    displayName: name(LIMITS.displayNameMax).optional(),
    locale: localeSchema.optional(),
    disabled: z.boolean().optional(),
    roles: z.array(roleGrant).min(1).max(50).optional(),
    /** Only for a user with an expert grant and no pool entry yet. */
    expert: expertLink.optional(),
  })
  .strict();
export type UpdateUserBody = z.infer<typeof updateUserBody>;

export const resetPasswordBody = z.object({ password: passwordSchema.optional() }).strict().default({});
export const resetPasswordResponse = z.object({ password: z.string().optional() });

export const idParam = z.object({ id: z.uuid() });

// ——— What the user drawer offers for a grant (each list limited to the grant's unit and the admin's scope) ———

export const grantOptionsQuery = z.object({
  orgUnitCode: orgCodeSchema,
  q: z.string().trim().max(LIMITS.searchMax).optional(),
});

/** Enterprises registered in the unit or below it: what an enterprise grant may act for. */
export const enterpriseOptionsResponse = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      creditCode: z.string(),
      orgUnitCode: z.string(),
      orgUnitName: z.string(),
      /** How many users act for it already. */
      users: z.number(),
    }),
  ),
  /** All matches (items holds the first ones). */
  total: z.number(),
});
export type EnterpriseOption = z.infer<typeof enterpriseOptionsResponse>['items'][number];

/** Expert pool entries of the unit or below it that no user is linked to yet. */
export const expertOptionsResponse = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), orgName: z.string().nullable(), orgUnitName: z.string() })),
});
export type ExpertOption = z.infer<typeof expertOptionsResponse>['items'][number];

/** The data elements a department grant may be limited to. */
export const dataElementOptionsResponse = z.object({
  items: z.array(z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string(), unit: z.string() })),
});

/**
 * Bulk invitation of enterprise contacts: every enterprise named (or, without names, every enterprise registered in
 * the unit or below it) that no user acts for yet gets one enterprise user, named by its credit code, with a
 * one-time password; the answer is the xlsx of usernames and passwords. All or nothing.
 */
export const invitationBody = z
  .object({
    orgUnitCode: orgCodeSchema,
    enterpriseIds: z.array(z.uuid()).min(1).max(LIMITS.invitationsMax).optional(),
  })
  .strict();
export type InvitationBody = z.infer<typeof invitationBody>;
