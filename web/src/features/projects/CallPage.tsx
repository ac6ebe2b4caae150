import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Collapse, Descriptions, Space, Tabs, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { orgUnitsQuery } from '../../api/orgunits';
import { callApplicationsQuery, callQuery, PROJECTS_KEY, setCallStatus, type Call } from '../../api/projects';
import { PROJECT_EDITORS } from '../../app/access';
import { Loading } from '../../app/Loading';
import { PageTitle } from '../../app/PageTitle';
import { useI18n } from '../../app/i18n';
import type { MessageKey } from '../../app/messages';
import { mayUse, useMe } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatFen } from '../../components/money';
import { covers } from '../../components/scope';
import { fundSourceText } from '../../components/claims/labels';
import { ConfirmModal } from '../../components/claims/ConfirmModal';
import { textOf } from '../../components/policies/labels';
import { useRegistryTypes } from '../../components/registry/useRegistryTypes';
import { ApplicationsTab } from './ApplicationsTab';
import { ConflictsTab } from './ConflictsTab';
import { DecisionTab } from './DecisionTab';
import { DrawTab } from './DrawTab';
import { FundingTab } from './FundingTab';
import { callBudgetCode, clauseSep, listSep, typeNames } from '../../components/projects/labels';
import { noticeMinDaysOf, panelRulesOf } from '../../components/projects/panels';
import { ScoresTab } from './ScoresTab';
import { CallStatusTag } from '../../components/projects/StatusTags';

const TABS = ['applications', 'conflicts', 'draw', 'scores', 'decision', 'funding'] as const;
type TabKey = (typeof TABS)[number];

/**
 * One call: what it asks and how it is reviewed and funded, then its work in order — the applications and their
 * formal check, conflicts of interest, the reviewer draw, the scores, the decision and the funding of each project.
 */
export default function CallPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tab: TabKey = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as TabKey) : 'applications';
  const me = useMe().data;
  const query = useQuery(callQuery(id));
  const apps = useQuery({ ...callApplicationsQuery(id), enabled: query.isSuccess });
  const call = query.data;
  // Only the bureau of the call's own unit (or one above it) runs it: a county reads a city's call, and a town
  // its county's, without the buttons to publish, draw, decide or pay (the server refuses them anyway).
  const units = useQuery({ ...orgUnitsQuery(), enabled: mayUse(me, PROJECT_EDITORS) }).data?.items;
  const editor = useMemo(
    () => (call && units ? covers(me, PROJECT_EDITORS, call.regionCode, new Map(units.map((u) => [u.code, u]))) : false),
    [call, units, me],
  );

  const content = (key: TabKey, c: Call) => {
    const list = apps.data ?? [];
    if (key === 'applications') return <ApplicationsTab call={c} applications={list} loading={apps.isFetching} editor={editor} />;
    if (key === 'conflicts') return <ConflictsTab call={c} applications={list} editor={editor} />;
    if (key === 'draw') return <DrawTab call={c} applications={list} editor={editor} />;
    if (key === 'scores') return <ScoresTab call={c} applications={list} editor={editor} />;
    if (key === 'decision') return <DecisionTab call={c} applications={list} editor={editor} />;
    return <FundingTab call={c} applications={list} editor={editor} />;
  };

  return (
    <>
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        <Link to="/projects">
          <ArrowLeftOutlined aria-hidden /> {t('proj.backToCalls')}
        </Link>
      </Typography.Paragraph>
      <PageTitle titleKey="proj.call.pageTitle" text={call?.title} extra={call ? <CallActions call={call} editor={editor} /> : null} />
      {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isPending ? <Loading /> : null}
      {call ? (
        <>
          <CallSummary call={call} />
          {apps.isError ? <ErrorAlert error={apps.error} onRetry={() => void apps.refetch()} /> : null}
          <Tabs
            activeKey={tab}
            onChange={(key) => setParams(key === 'applications' ? {} : { tab: key }, { replace: true })}
            aria-label={t('proj.call.sections')}
            items={TABS.map((key) => ({
              key,
              label: <span data-testid={`call-tab-${key}`}>{t(`proj.tab.${key}` as MessageKey)}</span>,
              children: key === tab ? content(key, call) : null,
            }))}
          />
        </>
      ) : null}
    </>
  );
}

function CallActions({ call, editor }: { call: Call; editor: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [action, setAction] = useState<'publish' | 'close' | null>(null);
  const run = useMutation({
    mutationFn: (a: 'publish' | 'close') => setCallStatus(call.id, a),
    onSuccess: async (_, a) => {
      setAction(null);
      await client.invalidateQueries({ queryKey: PROJECTS_KEY });
      void message.success(t(a === 'publish' ? 'proj.call.published' : 'proj.call.closed'));
    },
  });
  return (
    <Space wrap>
      <CallStatusTag status={call.status} testId="call-status" />
      {editor && call.status === 'draft' ? (
        <Button
          type="primary"
          onClick={() => {
            run.reset();
            setAction('publish');
          }}
          data-testid="call-publish"
        >
          {t('proj.call.publish')}
        </Button>
      ) : null}
      {editor && call.status === 'published' ? (
        <Button
          onClick={() => {
            run.reset();
            setAction('close');
          }}
          data-testid="call-close"
        >
          {t('proj.call.close')}
        </Button>
      ) : null}
      <ConfirmModal
        open={action !== null}
        title={t(action === 'close' ? 'proj.call.close' : 'proj.call.publish')}
        okText={t(action === 'close' ? 'proj.call.close' : 'proj.call.publish')}
        testId="call-status-action"
        pending={run.isPending}
        error={run.error}
        onOk={() => action && run.mutate(action)}
        onCancel={() => !run.isPending && setAction(null)}
      >
        {t(action === 'close' ? 'proj.call.closeText' : 'proj.call.publishText', {
          title: call.title,
          from: call.opensOn,
          to: call.closesOn,
        })}
      </ConfirmModal>
    </Space>
  );
}

/** What the call asks, how it is reviewed and how it is funded. */
function CallSummary({ call: c }: { call: Call }) {
  const { t, locale } = useI18n();
  const types = useRegistryTypes();
  const fp = c.fundingParams;
  const panels = panelRulesOf(c);
  const panelText = (stage: 'midterm' | 'acceptance') =>
    t('proj.call.panelRule', {
      stage: t(`panel.stage.${stage}`),
      rule: t(panels[stage].required ? 'panel.required' : 'panel.optional', { n: panels[stage].experts }),
    });
  const items: DescriptionsProps['items'] = [
    {
      key: 'code',
      label: t('proj.call.code'),
      children: <Typography.Text code>{c.code}</Typography.Text>,
    },
    { key: 'kind', label: t('proj.call.kind'), children: t(`proj.kind.${c.kind}`) },
    { key: 'period', label: t('proj.call.period'), children: t('proj.call.periodValue', { from: c.opensOn, to: c.closesOn }) },
    {
      key: 'budget',
      label: t('proj.call.budget'),
      children: (
        <span data-testid="call-budget-value" data-fen={c.budgetFen}>
          {formatFen(c.budgetFen, locale)}
          {c.bountyFen ? ` · ${t('proj.call.bounty')} ${formatFen(c.bountyFen, locale)}` : ''}
        </span>
      ),
    },
    {
      key: 'eligibility',
      label: t('proj.call.eligibility'),
      children:
        c.kind === 'challenge'
          ? t('proj.call.eligibility.anyTeam')
          : [
              c.eligibility.registeredInRegion ? t('proj.call.eligibility.inRegion') : null,
              c.eligibility.qualificationsAnyOf.length
                ? t('proj.call.eligibility.quals', {
                    list: c.eligibility.qualificationsAnyOf.map(types.qualificationName).join(listSep(locale)),
                  })
                : null,
            ]
              .filter(Boolean)
              .join(clauseSep(locale)) || t('common.none'),
    },
    {
      key: 'categories',
      label: t('proj.call.categories'),
      children: c.categories.length ? c.categories.map(types.tagName).join(listSep(locale)) : t('common.none'),
    },
    {
      key: 'review',
      label: t('proj.call.reviewRules'),
      span: 'filled',
      children: <ReviewRules call={c} />,
    },
    {
      key: 'funding',
      label: t('proj.call.fundingMode'),
      span: 'filled',
      children: (
        <>
          {t(`proj.fundingMode.${c.fundingMode}`)}
          <div style={{ fontSize: 13 }}>
            {t('proj.call.fundingValue', {
              pct: fp.firstTranchePct,
              midterm: fp.maxMidtermChecks,
              months: fp.maxExtensionMonths,
              source: fundSourceText(fp.fundSource, t),
              year: fp.fiscalYear,
              budget: callBudgetCode(c.code),
            })}
          </div>
        </>
      ),
    },
    {
      key: 'panels',
      label: t('proj.call.panels'),
      span: 'filled',
      children: (
        <span data-testid="call-panels-value" data-midterm={panels.midterm.required} data-acceptance={panels.acceptance.required}>
          {[fp.maxMidtermChecks === 0 ? t('proj.call.panelNoMidterm') : panelText('midterm'), panelText('acceptance')].join(
            clauseSep(locale),
          )}
          <div style={{ fontSize: 13 }} data-testid="call-notice-days-value" data-days={noticeMinDaysOf(c)}>
            {t('proj.call.noticeMinDaysValue', { days: noticeMinDaysOf(c) })}
          </div>
        </span>
      ),
    },
  ];
  return (
    <>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        items={items}
        style={{ marginBottom: 12 }}
        data-testid="call-summary"
      />
      <Collapse
        size="small"
        style={{ marginBottom: 16 }}
        items={[
          {
            key: 'guide',
            label: t('proj.call.guideAndForm'),
            children: <CallGuide call={c} />,
          },
        ]}
      />
    </>
  );
}

/** The review template: criteria with weights and thresholds, aggregation, reviews per application. */
function ReviewRules({ call: c }: { call: Call }) {
  const { t, locale } = useI18n();
  const tpl = c.reviewTemplate;
  return (
    <>
      {tpl.criteria
        .map((k) => `${textOf(k, locale)} ${k.weight}%${k.threshold !== undefined ? ` (≥ ${k.threshold})` : ''}`)
        .join(clauseSep(locale))}
      <div style={{ fontSize: 13 }}>
        {t('proj.call.reviewRulesValue', {
          method: t(`proj.aggregation.${tpl.aggregation}`),
          n: tpl.reviewsPerApplication,
          cap: tpl.expertLoadCap,
          spread: tpl.spreadThreshold,
        })}
        {tpl.totalThreshold !== undefined ? ` · ${t('proj.call.totalThreshold')} ${tpl.totalThreshold}` : ''}
      </div>
    </>
  );
}

/** The guide text and the form's fields and attachments. */
function CallGuide({ call: c }: { call: Call }) {
  const { t, locale } = useI18n();
  return (
    <>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', maxWidth: 900 }}>{c.guideText}</Typography.Paragraph>
      <Typography.Text strong>{t('proj.call.fields')}</Typography.Text>
      <ul>
        {c.form.fields.map((f) => (
          <li key={f.key}>
            {textOf(f, locale)} ({t(`proj.fieldType.${f.type}`)}){f.required ? ` · ${t('proj.call.required')}` : ''}
          </li>
        ))}
      </ul>
      <Typography.Text strong>{t('proj.call.attachments')}</Typography.Text>
      <ul>
        {c.form.attachments.map((a) => (
          <li key={a.key}>
            {textOf(a, locale)} ({typeNames(a.types)}, ≤ {Math.round(a.maxBytes / 1024 / 1024)} MB)
            {a.required ? ` · ${t('proj.call.required')}` : ''}
          </li>
        ))}
      </ul>
    </>
  );
}
