import { Space } from 'antd';
import type { PolicySummary } from '../../api/policies';
import { useT } from '../../app/i18n';
import { StatusTag } from '../../components/StatusTag';

/** 生效中 / 参数待定 / 待审批 / 草稿 / 已退回: where the policy stands, several at once when they apply. */
export function PolicyStatusTags({
  p,
}: {
  p: Pick<PolicySummary, 'operative' | 'activeVersion' | 'latestStatus' | 'latestVersion' | 'unsetParameters'>;
}) {
  const t = useT();
  const newer = p.activeVersion === null || p.latestVersion > p.activeVersion;
  return (
    <Space size={[4, 4]} wrap>
      {p.operative ? <StatusTag tone="ok">{t('pol.status.operative')}</StatusTag> : null}
      {!p.operative && p.activeVersion === null ? <StatusTag tone="off">{t('pol.status.notInForce')}</StatusTag> : null}
      {p.unsetParameters.length > 0 ? <StatusTag tone="warn">{t('pol.status.unset')}</StatusTag> : null}
      {newer && p.latestStatus === 'pending' ? <StatusTag tone="info">{t('pol.status.pending', { v: p.latestVersion })}</StatusTag> : null}
      {newer && p.latestStatus === 'draft' ? <StatusTag tone="off">{t('pol.status.draft', { v: p.latestVersion })}</StatusTag> : null}
      {newer && p.latestStatus === 'rejected' ? (
        <StatusTag tone="error">{t('pol.status.rejected', { v: p.latestVersion })}</StatusTag>
      ) : null}
    </Space>
  );
}
