import { Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import type { TechSmeEvaluation, TechSmeItem } from '../../../../common/registry';
import { useI18n } from '../../app/i18n';
import { ScrollRegion } from '../ScrollRegion';
import { formatKind, missingText, numbersText } from './conditionText';
import { ResultTag } from './ResultTag';

/** The tech-SME score item by item (S&T staff, R&D, IP), and the direct routes that qualify without a score. */
export function TechSmeScore({ evaluation }: { evaluation: TechSmeEvaluation }) {
  const { t, locale } = useI18n();
  const { score } = evaluation;
  const range = (min: number, max: number) =>
    min === max ? formatKind('points', min, t, locale) : t('unit.points', { n: t('precheck.range', { min, max }) });

  const columns: TableColumnsType<TechSmeItem> = [
    { key: 'item', title: t('precheck.item'), render: (_, i) => (locale === 'zh-CN' ? i.label_zh : i.label_en) },
    { key: 'points', title: t('precheck.points'), render: (_, i) => range(i.min, i.max) },
    { key: 'max', title: t('precheck.maxPoints'), render: (_, i) => formatKind('points', i.maxPoints, t, locale) },
    {
      key: 'basis',
      title: t('precheck.basis'),
      render: (_, i) => (
        <div style={{ maxWidth: 520, whiteSpace: 'normal' }}>
          {numbersText(i.numbers, t, locale)}
          {i.basis ? <div>{t(`precheck.basis.${i.basis}`)}</div> : null}
          {i.missing?.length ? (
            <div style={{ color: '#ad4e00' }}>{t('precheck.missing', { fields: missingText(i.missing, t) })}</div>
          ) : null}
        </div>
      ),
    },
  ];

  return (
    <>
      <p data-testid="techsme-score">
        <ResultTag result={score.result} /> {t('precheck.score', { score: range(score.min, score.max), threshold: score.threshold })}
      </p>
      <Typography.Title level={3} style={{ fontSize: 14 }}>
        {t('precheck.items')}
      </Typography.Title>
      <ScrollRegion label={t('precheck.items')}>
        <Table<TechSmeItem>
          rowKey="code"
          size="small"
          columns={columns}
          dataSource={evaluation.items}
          pagination={false}
          onRow={(i) => ({ 'data-testid': `techsme-item-${i.code}` }) as HTMLAttributes<HTMLElement>}
          style={{ marginBottom: 16 }}
        />
      </ScrollRegion>
      <Typography.Title level={3} style={{ fontSize: 14 }}>
        {t('precheck.direct')}
      </Typography.Title>
      <ul style={{ listStyle: 'none', margin: '0 0 16px', padding: 0 }}>
        {evaluation.direct.map((d) => (
          <li key={d.code} data-testid={`direct-${d.code}`} style={{ padding: '4px 0' }}>
            <ResultTag result={d.result} /> {locale === 'zh-CN' ? d.label_zh : d.label_en}
          </li>
        ))}
      </ul>
    </>
  );
}
