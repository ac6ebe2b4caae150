import { Spin } from 'antd';
import { useT } from './i18n';

export function Loading() {
  const t = useT();
  return (
    <div role="status" style={{ display: 'flex', justifyContent: 'center', padding: 48 }}>
      <Spin description={t('common.loading')} />
    </div>
  );
}
