import { Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import type { ChecklistItem } from '../../../../common/policies';
import type { ConditionResult } from '../../api/policies';
import { useI18n } from '../../app/i18n';
import { OutcomeTag } from './EligibilityTag';
import { conditionText, requirementText } from './conditionText';
import { factText, textOf } from './labels';

interface Props {
  conditions: readonly ConditionResult[];
  /** Names the document that settles an unknown condition. */
  checklist?: readonly ChecklistItem[];
  /** For enterprises: the fact names are left out. */
  plain?: boolean;
  testId?: string;
}

/** Each condition with its outcome, what the register says and what the policy requires. */
export function ConditionsTable({ conditions, checklist = [], plain = false, testId }: Props) {
  const { t, locale } = useI18n();
  const docName = (key: string) => {
    const item = checklist.find((c) => c.key === key);
    return item ? textOf(item, locale) : key;
  };
  const columns: TableColumnsType<ConditionResult> = [
    {
      key: 'condition',
      title: t('pol.cond.condition'),
      render: (_, c) => (
        <>
          {/* A condition the engine adds (validity, trigger, no triggering record) has a code; the rule's own carry their words. */}
          <div>{conditionText(c, t, locale)}</div>
          {plain ? null : (
            <Typography.Text code style={{ fontSize: 12 }}>
              {c.fact}
            </Typography.Text>
          )}
        </>
      ),
    },
    { key: 'outcome', title: t('pol.cond.outcome'), render: (_, c) => <OutcomeTag outcome={c.outcome} />, width: 96 },
    {
      key: 'actual',
      title: t('pol.cond.actual'),
      render: (_, c) => <span style={{ whiteSpace: 'nowrap' }}>{factText(c.actual, t)}</span>,
    },
    { key: 'expected', title: t('pol.cond.expected'), render: (_, c) => requirementText(c, t) },
    {
      key: 'document',
      title: t('pol.cond.document'),
      render: (_, c) => (c.document ? c.outcome === 'unknown' ? <strong>{docName(c.document)}</strong> : docName(c.document) : '—'),
    },
  ];
  return (
    <Table<ConditionResult>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={[...conditions]}
      pagination={false}
      onRow={(c) => ({ 'data-testid': `condition-${c.id}`, 'data-outcome': c.outcome }) as HTMLAttributes<HTMLElement>}
      data-testid={testId}
    />
  );
}
