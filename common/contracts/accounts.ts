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
});
export type UserView = z.infer<typeof userView>;

export const listUsersQuery = z.object({
  q: z.string().trim().max(LIMITS.searchMax).optional(),
  role: roleSchema.optional(),
  disabled: z.enum(['true', 'false']).optional(),
});

export const listUsersResponse = z.object({ items: z.array(userView), total: z.number() });

export const createUserBody = z
  .object({
    username: usernameSchema,
    displayName: name(LIMITS.displayNameMax),
    password: passwordSchema.optional(),
    locale: localeSchema.optional(),
    roles: z.array(roleGrant).min(1).max(50),
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
  })
  .strict();
export type UpdateUserBody = z.infer<typeof updateUserBody>;

export const resetPasswordBody = z.object({ password: passwordSchema.optional() }).strict().default({});
export const resetPasswordResponse = z.object({ password: z.string().optional() });

export const idParam = z.object({ id: z.uuid() });
