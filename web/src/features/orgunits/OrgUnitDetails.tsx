import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Space, Tag, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { orgUnitQuery, type OrgUnitDetail } from '../../api/orgunits';
import { useI18n } from '../../app/i18n';
import { Loading } from '../../app/Loading';
import { ErrorAlert } from '../../components/ErrorAlert';
import { StatusTag } from '../../components/StatusTag';
import { levelLabel } from './labels';

interface Props {
  code: string;
  canEdit: boolean;
  onSelect: (code: string) => void;
  onEdit: (detail: OrgUnitDetail) => void;
  onAddChild: (detail: OrgUnitDetail) => void;
}

export function OrgUnitDetails({ code, canEdit, onSelect, onEdit, onAddChild }: Props) {
  const { t, locale } = useI18n();
  const query = useQuery(orgUnitQuery(code));
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const detail = query.data;
  const { unit, parent, children, pathNames } = detail;

  const unitLink = (c: { code: string; name: string }) => (
    <Button key={c.code} type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={() => onSelect(c.code)}>
      {c.name}
    </Button>
  );

  const items: DescriptionsProps['items'] = [
    { key: 'code', label: t('org.code'), children: <Typography.Text copyable>{unit.code}</Typography.Text> },
    { key: 'name', label: t('org.name'), children: unit.name },
    { key: 'level', label: t('org.level'), children: levelLabel(unit.level, locale) },
    { key: 'parent', label: t('org.parent'), children: parent ? unitLink(parent) : t('org.noParent') },
    {
      key: 'aliases',
      label: t('org.aliases'),
      children: unit.aliases.length ? unit.aliases.map((a) => <Tag key={a}>{a}</Tag>) : t('common.none'),
    },
    {
      key: 'validity',
      label: t('org.validity'),
      children: `${unit.validFrom ?? t('org.openStart')} – ${unit.validTo ?? t('org.openEnd')}`,
    },
    {
      key: 'status',
      label: t('org.status'),
      children: <StatusTag tone={unit.active ? 'ok' : 'off'}>{unit.active ? t('org.active') : t('org.inactive')}</StatusTag>,
    },
    { key: 'path', label: t('org.path'), children: pathNames.join(' / ') },
    {
      key: 'children',
      label: `${t('org.children')} (${children.length})`,
      children: children.length ? (
        <Space wrap size={[12, 4]}>
          {children.map(unitLink)}
        </Space>
      ) : (
        t('common.none')
      ),
    },
  ];

  return (
    <div data-testid="orgunit-details">
      {canEdit ? (
        <Space style={{ marginBottom: 12 }} wrap>
          <Button icon={<EditOutlined />} onClick={() => onEdit(detail)} data-testid="orgunit-edit">
            {t('org.edit')}
          </Button>
          <Button icon={<PlusOutlined />} onClick={() => onAddChild(detail)} data-testid="orgunit-add-child">
            {t('org.addChild')}
          </Button>
        </Space>
      ) : null}
      <Descriptions bordered size="small" column={1} items={items} styles={{ label: { width: 120, whiteSpace: 'nowrap' } }} />
    </div>
  );
}
