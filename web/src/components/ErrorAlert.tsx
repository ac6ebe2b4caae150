import { Alert, Button } from 'antd';
import { lazy, Suspense } from 'react';
import { ApiError } from '../api/http';
import { useT } from '../app/i18n';
import { errorText, isForbidden } from './errors';

const ForbiddenPage = lazy(() => import('./ForbiddenPage'));

/** A failed load: "no permission" with the server's reason (the unit out of scope) for a 403, otherwise the message and the request id to quote. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  if (isForbidden(error)) {
    return (
      <Suspense>
        <ForbiddenPage embedded error={error} />
      </Suspense>
    );
  }
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  return (
    <Alert
      type="error"
      showIcon
      title={errorText(error, t)}
      description={requestId ? t('common.requestId', { id: requestId }) : undefined}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
