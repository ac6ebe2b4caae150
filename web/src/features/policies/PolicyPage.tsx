import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { parametersUsed, unsetParametersOn } from './rules';
import { newDraft, POLICIES_KEY, policyQuery, type PolicyDetail, type PolicyVersion } from '../../api/policies';
import { POLICY_EDITORS } from '../../app/access';
import { Loading } from '../../app/Loading';
import { PageTitle } from '../../app/PageTitle';
import { useI18n } from '../../app/i18n';
import { mayUse, useMe } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorText } from '../../components/errors';
import { bureauToday } from '../../components/isoDate';
import { Section } from '../../components/Section';
import { DraftEditor } from './DraftEditor';
import { EvaluatePanel } from './EvaluatePanel';
import { ParametersTable } from './ParametersTable';
import { PendingPanel } from './PendingPanel';
import { PolicyStatusTags } from './PolicyStatusTags';
import { RuleSummary } from './RuleSummary';
import { TestsPanel } from './TestsPanel';
import { VersionsTable } from './VersionsTable';
import { WhatIfPanel } from './WhatIfPanel';
import { nameOf } from '../../components/policies/labels';

/** 政策详情与编辑: the clause, the rule, versions, the draft's parameters, tests, what-if and evaluation. */
export default function PolicyPage() {
  const { code = '' } = useParams();
  const { t, locale } = useI18n();
  const editor = mayUse(useMe().data, POLICY_EDITORS);
  const query = useQuery(policyQuery(code));
  const p = query.data?.code === code ? query.data : undefined;

  const versions = p?.versions ?? [];
  const draft = versions.find((v) => v.status === 'draft');
  const pending = versions.find((v) => v.status === 'pending');
  const active = versions.find((v) => v.status === 'approved');
  const latest = versions[0];
  const working = draft ?? pending ?? latest;
  const unset = active ? unsetParametersOn(active, bureauToday()) : latest ? parametersUsed(latest.rule) : [];

  return (
    <>
      <Link to="/policies" style={{ display: 'inline-block', marginBottom: 8 }} data-testid="back-to-policies">
        <ArrowLeftOutlined aria-hidden /> {t('pol.back')}
      </Link>
      <PageTitle
        titleKey="pol.detailTitle"
        text={p ? nameOf(p, locale) : undefined}
        extra={
          p && latest ? (
            <PolicyStatusTags
              p={{
                operative: Boolean(active) && unset.length === 0,
                activeVersion: active?.version ?? null,
                latestStatus: latest.status,
                latestVersion: latest.version,
                unsetParameters: unset,
              }}
            />
          ) : null
        }
      />
      {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {!p && !query.isError ? <Loading /> : null}
      {p && latest && working ? (
        <div aria-busy={query.isFetching} data-testid="policy-detail" data-code={p.code}>
          <ClauseSection p={p} working={working} />

          <VersionsSection p={p} versions={versions} creatable={editor && !draft && !pending} />

          {draft ? (
            <Section title={t('pol.draft.title', { v: draft.version })} testId="policy-draft">
              <DraftEditor key={`${draft.id}-${draft.createdAt}`} policy={p} draft={draft} editable={editor} />
            </Section>
          ) : null}

          {pending ? (
            <Section title={t('pol.pending.title', { v: pending.version })} testId="policy-pending">
              <PendingPanel policy={p} version={pending} editable={editor} />
            </Section>
          ) : null}

          {active ? (
            <Section title={t('pol.active.title', { v: active.version })} testId="policy-active">
              {unset.length ? (
                <Alert
                  type="warning"
                  showIcon
                  title={t('pol.active.unset', { names: unset.join(t('common.listSep')) })}
                  style={{ marginBottom: 12 }}
                />
              ) : null}
              <ParametersTable parameters={active.parameters} testId="active-parameters" />
            </Section>
          ) : (
            <Alert type="info" showIcon title={t('pol.active.none')} style={{ marginBottom: 16 }} />
          )}

          <Section title={t('pol.tests.title')} testId="policy-tests">
            <TestsPanel key={working.version} policy={p} versions={versions} defaultVersion={working.version} />
          </Section>

          <Section title={t('pol.whatIf.title')} testId="policy-whatif">
            <WhatIfPanel key={working.version} policy={p} versions={versions} defaultVersion={working.version} />
          </Section>

          <Section title={t('pol.evaluate.title')} testId="policy-evaluate">
            <EvaluatePanel policy={p} versions={versions} />
          </Section>
        </div>
      ) : null}
    </>
  );
}

/** The clause's reference and text, and the rule of the working version. */
function ClauseSection({ p, working }: { p: PolicyDetail; working: PolicyVersion }) {
  const { t } = useI18n();
  return (
    <Section title={t('pol.clause')} testId="policy-clause">
      <Typography.Paragraph>
        <Typography.Text code>{p.code}</Typography.Text> · {p.clauseRef}
      </Typography.Paragraph>
      <blockquote
        lang="zh-CN"
        style={{
          margin: '0 0 16px',
          padding: '8px 16px',
          borderInlineStart: '4px solid #0958d9',
          background: '#f5f8ff',
          maxWidth: 900,
        }}
        data-testid="policy-clause-text"
      >
        “{p.clauseText}”
      </blockquote>
      <Typography.Title level={3} style={{ fontSize: 14 }}>
        {t('pol.ruleOf', { v: working.version })}
      </Typography.Title>
      <RuleSummary rule={working.rule} />
    </Section>
  );
}

/** The versions, and a button that opens a new draft when none is open or pending. */
function VersionsSection({ p, versions, creatable }: { p: PolicyDetail; versions: readonly PolicyVersion[]; creatable: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const create = useMutation({
    mutationFn: (policyId: string) => newDraft(policyId),
    onSuccess: async (v) => {
      await client.invalidateQueries({ queryKey: POLICIES_KEY });
      void message.success(t('pol.draft.created', { v: v.version }));
    },
  });

  return (
    <Section
      title={t('pol.versions')}
      testId="policy-versions"
      extra={
        creatable ? (
          <Button
            icon={<PlusOutlined aria-hidden />}
            loading={create.isPending}
            onClick={() => create.mutate(p.id)}
            data-testid="draft-create"
          >
            {t('pol.draft.create')}
          </Button>
        ) : null
      }
    >
      {create.error ? <Alert type="error" showIcon title={errorText(create.error, t)} style={{ marginBottom: 12 }} /> : null}
      <VersionsTable versions={versions} />
    </Section>
  );
}
