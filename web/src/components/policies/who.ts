import type { Me } from '../../../../common/contracts/accounts';
import type { TFunction } from '../../app/i18n';

/** The API names users by id only: the signed-in user by name, others by a short id. */
export function whoText(userId: string | null | undefined, me: Me | null | undefined, t: TFunction): string {
  if (!userId) return t('pol.user.system');
  return userId === me?.id ? me.displayName : t('pol.user.other', { id: userId.slice(0, 8) });
}
