import { useQuery } from '@tanstack/react-query';
import { DatePicker, Form, Radio, Select, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { qualificationsQuery, type QualificationFilters, type QualificationView } from '../../../api/registry';
import { useT, type TFunction } from '../../../app/i18n';
import { DemoTag } from '../../../components/DemoTag';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ExportButton } from '../../../components/ExportButton';
import { bureauToday, daysBetween } from '../../../components/isoDate';
import { OrgUnitTreeSelect } from '../../../components/OrgUnitTreeSelect';
import { StatusTag } from '../../../components/StatusTag';
import { QualificationStatus } from '../../../components/registry/QualificationStatus';
import { useRegistryTypes } from '../../../components/registry/useRegistryTypes';

type Mode = 'valid' | 'expiring';
const MONTHS = [3, 6, 12] as const;

/** Qualifications valid on a date, or the expiry reminders (高企到期提醒) with the days left. */
export default function QualificationsTab() {
  const t = useT();
  const types = useRegistryTypes();
  const today = bureauToday();
  const [mode, setMode] = useState<Mode>('valid');
  const [type, setType] = useState<string | undefined>();
  const [expiringType, setExpiringType] = useState<string | undefined>('high_tech');
  const [validOn, setValidOn] = useState(today);
  const [months, setMonths] = useState<number>(6);
  const [orgUnit, setOrgUnit] = useState<string | undefined>();
  const expiring = mode === 'expiring';
  const filters: QualificationFilters = expiring
    ? { type: expiringType, expiringWithinMonths: months, orgUnit }
    : { type, validOn, orgUnit };
  const query = useQuery(qualificationsQuery(filters));
  const rows = query.data ?? [];
  const daysLeft = (q: QualificationView) => (q.validUntil ? daysBetween(today, q.validUntil) : null);

  const columns = useQualificationColumns(expiring, daysLeft);
  const exportTable = () =>
    qualificationsExportTable(
      rows,
      { expiring, date: expiring ? today : validOn, daysLeft, qualificationName: types.qualificationName },
      t,
    );

  return (
    <>
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }} onSubmitCapture={(e) => e.preventDefault()}>
        <Form.Item label={t('qual.mode')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            aria-label={t('qual.mode')}
            value={mode}
            onChange={(e) => setMode(e.target.value as Mode)}
            options={[
              { value: 'valid', label: <span data-testid="qual-mode-valid">{t('qual.mode.valid')}</span> },
              { value: 'expiring', label: <span data-testid="qual-mode-expiring">{t('qual.mode.expiring')}</span> },
            ]}
          />
        </Form.Item>
        <Form.Item label={t('qual.type')} htmlFor="qual-type">
          <Select
            id="qual-type"
            allowClear
            placeholder={t('qual.allTypes')}
            options={types.qualificationOptions}
            value={expiring ? expiringType : type}
            onChange={(v: string | undefined) => (expiring ? setExpiringType(v) : setType(v))}
            style={{ width: 200 }}
            data-testid="qual-filter-type"
          />
        </Form.Item>
        {expiring ? (
          <Form.Item label={t('qual.within')} htmlFor="qual-months">
            <Select<number>
              id="qual-months"
              options={MONTHS.map((n) => ({ value: n, label: t('qual.withinOption', { n }) }))}
              value={months}
              onChange={setMonths}
              style={{ width: 120 }}
              data-testid="qual-filter-months"
            />
          </Form.Item>
        ) : (
          <Form.Item label={t('qual.validOn')} htmlFor="qual-valid-on">
            <DatePicker
              id="qual-valid-on"
              allowClear={false}
              value={dayjs(validOn)}
              onChange={(d) => d && setValidOn(d.format('YYYY-MM-DD'))}
              data-testid="qual-filter-validOn"
            />
          </Form.Item>
        )}
        <Form.Item label={t('registry.orgUnit')} htmlFor="qual-org">
          <OrgUnitTreeSelect
            id="qual-org"
            allowClear
            placeholder={t('registry.allUnits')}
            value={orgUnit ?? null}
            onChange={(c) => setOrgUnit(c ?? undefined)}
            style={{ width: 200 }}
          />
        </Form.Item>
        <ExportButton table={exportTable} disabled={rows.length === 0} data-testid="qual-export" />
      </Form>
      {expiring ? <Typography.Paragraph style={{ maxWidth: 860 }}>{t('qual.expiringHint')}</Typography.Paragraph> : null}
      {query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<QualificationView>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={query.isFetching}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }) }}
          scroll={{ x: 'max-content' }}
          data-testid={expiring ? 'qual-expiring-table' : 'qual-table'}
        />
      )}
    </>
  );
}

/** The table's columns: days left (expiry reminders) or the status (valid on a date) last. */
function useQualificationColumns(
  expiring: boolean,
  daysLeft: (q: QualificationView) => number | null,
): TableColumnsType<QualificationView> {
  const t = useT();
  const types = useRegistryTypes();
  return [
    {
      key: 'enterprise',
      title: t('qual.enterprise'),
      render: (_, q) => (
        <>
          <Link to={`/registry/enterprises/${q.enterpriseId}`}>{q.enterpriseName}</Link>
          <DemoTag isDemo={q.isDemo} />
        </>
      ),
    },
    { key: 'creditCode', title: t('ent.creditCode'), dataIndex: 'creditCode', render: (v: string) => <code>{v}</code> },
    { key: 'type', title: t('qual.type'), render: (_, q) => types.qualificationName(q.typeCode) },
    { key: 'number', title: t('qual.number'), render: (_, q) => q.number ?? '—' },
    { key: 'issuedOn', title: t('qual.issuedOn'), dataIndex: 'issuedOn' },
    { key: 'validUntil', title: t('qual.validUntil'), render: (_, q) => q.validUntil ?? t('qual.noEnd') },
    expiring
      ? {
          key: 'daysLeft',
          title: t('qual.daysLeft'),
          align: 'right',
          render: (_, q) => {
            const n = daysLeft(q);
            if (n === null) return '—';
            return <StatusTag tone={n <= 90 ? 'error' : 'warn'}>{t('qual.daysLeftValue', { n })}</StatusTag>;
          },
        }
      : { key: 'status', title: t('qual.status'), render: (_, q) => <QualificationStatus q={q} /> },
  ];
}

/** The export: the shown rows, with the days left when listing the expiry reminders. */
function qualificationsExportTable(
  rows: QualificationView[],
  opts: {
    expiring: boolean;
    date: string;
    daysLeft: (q: QualificationView) => number | null;
    qualificationName: (code: string) => string;
  },
  t: TFunction,
) {
  const { expiring, date, daysLeft, qualificationName } = opts;
  return {
    title: expiring ? t('qual.exportExpiring', { date }) : t('qual.exportValid', { date }),
    columns: [
      { key: 'enterprise', title: t('qual.enterprise') },
      { key: 'creditCode', title: t('ent.creditCode') },
      { key: 'type', title: t('qual.type') },
      { key: 'number', title: t('qual.number') },
      { key: 'issuedOn', title: t('qual.issuedOn') },
      { key: 'validUntil', title: t('qual.validUntil') },
      ...(expiring ? [{ key: 'daysLeft', title: t('qual.daysLeft') }] : []),
      { key: 'demo', title: t('demo.tag') },
    ],
    rows: rows.map((q) => ({
      enterprise: q.enterpriseName,
      creditCode: q.creditCode,
      type: qualificationName(q.typeCode),
      number: q.number,
      issuedOn: q.issuedOn,
      validUntil: q.validUntil,
      daysLeft: daysLeft(q),
      demo: q.isDemo ? t('common.yes') : '',
    })),
  };
}
