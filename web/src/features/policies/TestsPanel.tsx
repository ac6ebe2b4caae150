import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import type { TestCaseResult } from '../../api/policies';
import { runTests, type PolicyRow, type PolicyVersion } from '../../api/policies';
import { useI18n } from '../../app/i18n';
import { errorText } from '../../components/errors';
import { formatFen } from '../../components/money';
import { StatusTag } from '../../components/StatusTag';
import { ConditionsTable } from '../../components/policies/ConditionsTable';
import { EligibilityTag } from '../../components/policies/EligibilityTag';
import { amountText } from '../../components/policies/policyMessage';

/** Runs a version's test cases (as saved) and shows each: expected against actual, and the trace on demand. */
export function TestsPanel({
  policy,
  versions,
  defaultVersion,
}: {
  policy: PolicyRow;
  versions: readonly PolicyVersion[];
  defaultVersion: number;
}) {
  const { t, locale } = useI18n();
  const [picked, setPicked] = useState<number | null>(null);
  const version = picked ?? defaultVersion;
  const run = useMutation({ mutationFn: (v: number) => runTests(policy.id, v) });
  const data = run.data?.version === version ? run.data : undefined;
  const v = versions.find((x) => x.version === version);

  const outcome = (e: { eligibility: TestCaseResult['actual']['eligibility']; amountFen?: number | null }) => (
    <Space size={4} wrap>
      <EligibilityTag eligibility={e.eligibility} />
      {e.amountFen === undefined ? null : <span style={{ whiteSpace: 'nowrap' }}>{formatFen(e.amountFen, locale)}</span>}
    </Space>
  );
  const columns: TableColumnsType<TestCaseResult> = [
    {
      key: 'passed',
      title: t('pol.tests.result'),
      width: 96,
      render: (_, r) => <StatusTag tone={r.passed ? 'ok' : 'error'}>{t(r.passed ? 'pol.tests.pass' : 'pol.tests.fail')}</StatusTag>,
    },
    { key: 'name', title: t('pol.tests.name'), dataIndex: 'name' },
    { key: 'date', title: t('pol.tests.date'), render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{r.trace.date}</span> },
    { key: 'expected', title: t('pol.tests.expected'), render: (_, r) => outcome(r.expected) },
    { key: 'actual', title: t('pol.tests.actual'), render: (_, r) => outcome(r.actual) },
  ];

  return (
    <div data-testid="tests-panel">
      <Space wrap style={{ marginBottom: 12 }}>
        <label htmlFor="tests-version">{t('pol.version')}</label>
        <Select<number>
          id="tests-version"
          value={version}
          onChange={setPicked}
          options={versions.map((x) => ({ value: x.version, label: `v${x.version} · ${t(`pol.version.${x.status}`)}` }))}
          style={{ width: 180 }}
          data-testid="tests-version"
        />
        <Button type="primary" ghost loading={run.isPending} onClick={() => run.mutate(version)} data-testid="tests-run">
          {t('pol.tests.run')}
        </Button>
        <Typography.Text>{t('pol.tests.count', { n: v?.tests.length ?? 0 })}</Typography.Text>
      </Space>
      <Typography.Paragraph type="secondary">{t('pol.tests.hint')}</Typography.Paragraph>
      {run.error ? <Alert type="error" showIcon title={errorText(run.error, t)} style={{ marginBottom: 12 }} /> : null}
      {data ? (
        <>
          <Alert
            type={data.failed === 0 ? 'success' : 'error'}
            showIcon
            title={t(data.failed === 0 ? 'pol.tests.allPassed' : 'pol.tests.someFailed', { passed: data.passed, failed: data.failed })}
            style={{ marginBottom: 12 }}
            data-testid="tests-summary"
            data-failed={data.failed}
          />
          <Table<TestCaseResult>
            rowKey="name"
            size="small"
            columns={columns}
            dataSource={data.results}
            pagination={false}
            expandable={{
              expandedRowRender: (r) => (
                <>
                  <Typography.Paragraph style={{ marginBottom: 8 }}>
                    {t('pol.tests.amountExplanation', { text: amountText(r.trace.amount, t, locale) })}
                  </Typography.Paragraph>
                  <ConditionsTable conditions={r.trace.conditions} checklist={r.trace.rule.checklist} />
                </>
              ),
            }}
            onRow={(r) => ({ 'data-testid': 'test-result', 'data-passed': String(r.passed) }) as HTMLAttributes<HTMLElement>}
            data-testid="tests-table"
          />
        </>
      ) : null}
    </div>
  );
}
