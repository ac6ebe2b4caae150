import { Descriptions, Table, Tag, Typography } from 'antd';
import type { EnterpriseView } from '../../api/registry';
import { useT } from '../../app/i18n';
import { useRegistryTypes } from './useRegistryTypes';

type Park = EnterpriseView['parks'][number];

/** The registered facts of an enterprise and its park memberships; shared by the registry and the portal. */
export function EnterpriseProfile({ enterprise: e }: { enterprise: EnterpriseView }) {
  const t = useT();
  const types = useRegistryTypes();
  const dash = (v: string | null) => v ?? '—';
  return (
    <>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'creditCode', label: t('ent.creditCode'), children: <code>{e.creditCode}</code> },
          { key: 'orgUnit', label: t('registry.orgUnit'), children: `${e.orgUnitName} ${e.orgUnitCode}` },
          { key: 'legal', label: t('ent.legalRepresentative'), children: dash(e.legalRepresentative) },
          { key: 'founded', label: t('ent.foundedOn'), children: dash(e.foundedOn) },
          { key: 'industry', label: t('ent.industryCode'), children: dash(e.industryCode) },
          { key: 'size', label: t('ent.sizeClass'), children: e.sizeClass ? t(`size.${e.sizeClass}`) : '—' },
          {
            key: 'tags',
            label: t('ent.tags'),
            span: 'filled',
            children: e.tags.length ? e.tags.map((c) => <Tag key={c}>{types.tagName(c)}</Tag>) : '—',
          },
          { key: 'contact', label: t('ent.contactName'), children: dash(e.contactName) },
          { key: 'phone', label: t('ent.contactPhone'), children: dash(e.contactPhone) },
          { key: 'address', label: t('ent.address'), span: 'filled', children: dash(e.address) },
        ]}
        data-testid="enterprise-profile"
      />
      <Typography.Title level={3} style={{ fontSize: 14, marginTop: 16 }}>
        {t('ent.parks')}
      </Typography.Title>
      {e.parks.length === 0 ? (
        <Typography.Paragraph>{t('ent.noParks')}</Typography.Paragraph>
      ) : (
        <Table<Park>
          rowKey={(p) => `${p.parkCode}-${p.fromDate}`}
          size="small"
          pagination={false}
          dataSource={e.parks}
          columns={[
            { key: 'park', title: t('ent.park'), render: (_, p) => `${p.parkName} ${p.parkCode}` },
            { key: 'from', title: t('ent.parkFrom'), dataIndex: 'fromDate' },
            { key: 'to', title: t('ent.parkTo'), render: (_, p) => p.toDate ?? t('common.toPresent') },
          ]}
          data-testid="enterprise-parks"
        />
      )}
    </>
  );
}
