import { Typography } from 'antd';
import { ROLE_LABELS, type Locale, type Role } from '../../../common/enums';
import { ApiError } from '../api/http';
import { useI18n, type TFunction } from '../app/i18n';
import { useMe, type Access } from '../app/session';
import { ErrorResult } from './ErrorResult';

interface Props {
  /** The roles the page is open to, when the page itself was refused (opened by URL). */
  roles?: Access;
  /** The server's 403 for the page's data: its message names what was refused (the unit out of scope). */
  error?: unknown;
  /** Inside a page that already has its own h1 and tab title. */
  embedded?: boolean;
}

const labels = (roles: readonly Role[], locale: Locale, t: TFunction) =>
  [...new Set(roles)].map((r) => ROLE_LABELS[r][locale]).join(t('error.forbidden.listSep'));

/**
 * "No permission", and why: which roles the page is open to (or the server's reason, naming the unit),
 * the user's own roles and scopes, and whom to ask.
 */
export default function ForbiddenPage({ roles, error, embedded = false }: Props) {
  const { t, locale } = useI18n();
  const me = useMe().data;
  const mine = [...new Set((me?.roles ?? []).map((g) => `${ROLE_LABELS[g.role][locale]} @ ${g.orgUnitName}`))].join(
    t('error.forbidden.listSep'),
  );
  const reason =
    error instanceof ApiError && error.status === 403 && error.message
      ? error.message
      : roles
        ? roles.length > 0
          ? t('error.forbidden.page', { roles: labels(roles, locale, t) })
          : t('error.forbidden.none')
        : null;
  if (!reason) return <ErrorResult status="403" titleKey="error.forbidden.title" textKey="error.forbidden.text" embedded={embedded} />;
  return (
    <ErrorResult
      status="403"
      titleKey="error.forbidden.title"
      textKey="error.forbidden.text"
      embedded={embedded}
      text={
        <div data-testid="forbidden-explanation">
          <Typography.Paragraph style={{ marginBottom: 4 }} data-testid="forbidden-reason">
            {reason}
          </Typography.Paragraph>
          {mine ? (
            <Typography.Paragraph style={{ marginBottom: 4 }} data-testid="forbidden-yours">
              {t('error.forbidden.yours', { mine })}
            </Typography.Paragraph>
          ) : null}
          <Typography.Paragraph style={{ marginBottom: 0 }}>{t('error.forbidden.ask')}</Typography.Paragraph>
        </div>
      }
    />
  );
}
