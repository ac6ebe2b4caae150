import { Alert, Button, Space, Typography } from 'antd';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { ApiError } from '../api/http';
import { errorText } from '../components/errors';
import { useDocumentTitle } from './PageTitle';
import { useT } from './i18n';

/** Error boundary of the router: a readable message, and the request id to quote to support. */
export function RouteError({ standalone = false }: { standalone?: boolean }) {
  const error = useRouteError();
  const t = useT();
  useDocumentTitle('error.generic.title');
  const message = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : errorText(error, t);
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  const body = (
    <div style={{ maxWidth: 640, margin: '48px auto', padding: '0 16px' }}>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('error.generic.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('error.generic.text')}</Typography.Paragraph>
      <Alert type="error" showIcon title={message} description={requestId ? t('common.requestId', { id: requestId }) : undefined} />
      <Space style={{ marginTop: 16 }}>
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('common.reload')}
        </Button>
        <Button onClick={() => window.location.assign('/')}>{t('common.backHome')}</Button>
      </Space>
    </div>
  );
  // Inside the layout the page already sits in <main>; at the top level it needs its own.
  return standalone ? <main>{body}</main> : body;
}
