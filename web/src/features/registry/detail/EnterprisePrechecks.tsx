import { useQuery } from '@tanstack/react-query';
import { DatePicker, Space } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { prechecksQuery } from '../../../api/registry';
import { Loading } from '../../../app/Loading';
import { useT } from '../../../app/i18n';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { bureauToday } from '../../../components/isoDate';
import { PrechecksPanel } from '../../../components/registry/PrechecksPanel';

/** The prechecks as of a chosen date (today by default): e.g. how a company stood when it applied. */
export function EnterprisePrechecks({ enterpriseId }: { enterpriseId: string }) {
  const t = useT();
  const [date, setDate] = useState(bureauToday);
  const query = useQuery(prechecksQuery(enterpriseId, date));
  const picker = (
    <Space>
      <label htmlFor="precheck-date">{t('precheck.date')}</label>
      <DatePicker
        id="precheck-date"
        allowClear={false}
        value={dayjs(date)}
        onChange={(d) => d && setDate(d.format('YYYY-MM-DD'))}
        data-testid="precheck-date"
      />
    </Space>
  );
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Loading />;
  return <PrechecksPanel data={query.data} extra={picker} />;
}
