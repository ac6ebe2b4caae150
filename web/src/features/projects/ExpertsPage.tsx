import { ArrowLeftOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Space, Switch, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { Link } from 'react-router';
import { orgUnitsQuery } from '../../api/orgunits';
import { expertsQuery, PROJECTS_KEY, updateExpert, type Expert } from '../../api/projects';
import { PROJECT_EDITORS } from '../../app/access';
import { PageTitle } from '../../app/PageTitle';
import { useI18n } from '../../app/i18n';
import { mayUse, useMe } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorText } from '../../components/errors';
import { ExportButton } from '../../components/ExportButton';
import { ScrollRegion } from '../../components/ScrollRegion';
import { Section } from '../../components/Section';
import { covers } from '../../components/scope';
import { StatusTag } from '../../components/StatusTag';
import { useRegistryTypes } from '../../components/registry/useRegistryTypes';
import { clauseSep, listSep } from '../../components/projects/labels';
import { ExpertDrawer } from './ExpertDrawer';

/**
 * 专家库: the review experts, their organisation (for conflicts and the one-per-organisation rule) and fields. The
 * bureau adds and edits experts and switches their availability: an unavailable expert is never drawn, swapped in
 * or redrawn.
 */
export default function ExpertsPage() {
  const { t, locale } = useI18n();
  const me = useMe().data;
  const editor = mayUse(me, PROJECT_EDITORS);
  const query = useQuery(expertsQuery());
  // The pool shows the experts of the units above too (shared down); only those of the user's own subtree are editable.
  const units = useQuery({ ...orgUnitsQuery(), enabled: editor }).data?.items;
  const byCode = useMemo(() => new Map((units ?? []).map((u) => [u.code, u])), [units]);
  const mayEdit = (e: Expert) => editor && byCode.size > 0 && covers(me, PROJECT_EDITORS, e.orgUnitCode, byCode);
  const types = useRegistryTypes();
  // Each opening gets a fresh drawer (and form): `session` changes, `editing` says whom (null: a new expert).
  const [drawer, setDrawer] = useState<{ session: number; open: boolean; editing: Expert | null }>({
    session: 0,
    open: false,
    editing: null,
  });
  const openDrawer = (editing: Expert | null) => setDrawer((d) => ({ session: d.session + 1, open: true, editing }));
  const rows = query.data ?? [];
  const unavailable = rows.filter((e) => !e.available).length;

  const columns = useExpertColumns(editor, mayEdit, openDrawer);
  const exportTable = () => expertsExport(t, locale, types, rows);

  return (
    <>
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        <Link to="/projects">
          <ArrowLeftOutlined aria-hidden /> {t('proj.backToCalls')}
        </Link>
      </Typography.Paragraph>
      <PageTitle
        titleKey="nav.experts"
        extra={
          editor ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => openDrawer(null)} data-testid="expert-add">
              {t('proj.expert.add')}
            </Button>
          ) : null
        }
      />
      <Section
        title={t('proj.expert.pool', { n: rows.length })}
        testId="experts"
        extra={<ExportButton table={exportTable} disabled={rows.length === 0} />}
      >
        <Typography.Paragraph style={{ maxWidth: 900 }}>{t('proj.expert.intro')}</Typography.Paragraph>
        <Typography.Paragraph style={{ maxWidth: 900 }} data-testid="experts-availability" data-unavailable={unavailable}>
          {t('proj.expert.availabilityIntro', { n: unavailable })}
        </Typography.Paragraph>
        {query.isError ? (
          <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <ScrollRegion label={t('nav.experts')}>
            <Table<Expert>
              rowKey="id"
              columns={columns}
              dataSource={rows}
              loading={query.isFetching}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              locale={{ emptyText: t('proj.expert.none') }}
              onRow={(e) => ({ 'data-testid': `expert-row-${e.name}`, 'data-available': e.available }) as HTMLAttributes<HTMLElement>}
              data-testid="experts-table"
            />
          </ScrollRegion>
        )}
      </Section>
      <ExpertDrawer
        key={drawer.session}
        open={drawer.open}
        editing={drawer.editing}
        onClose={() => setDrawer((d) => ({ ...d, open: false }))}
      />
    </>
  );
}

/** The pool's columns; the edit button (and availability switch) only where the user may edit the expert. */
function useExpertColumns(editor: boolean, mayEdit: (e: Expert) => boolean, onEdit: (e: Expert) => void): TableColumnsType<Expert> {
  const { t, locale } = useI18n();
  const types = useRegistryTypes();
  const historyText = (e: Expert) => {
    const h = e.history;
    const parts = [
      ['employment', h.employment?.length ?? 0],
      ['advice', h.advice?.length ?? 0],
      ['relatives', h.relatives?.length ?? 0],
      ['shareholdings', h.shareholdings?.length ?? 0],
      ['disputes', h.disputes?.length ?? 0],
    ] as const;
    const text = parts.filter(([, n]) => n > 0).map(([k, n]) => `${t(`proj.expert.history.${k}`)} ${n}`);
    return text.length ? text.join(clauseSep(locale)) : t('common.none');
  };

  return [
    {
      key: 'name',
      title: t('proj.expert.name'),
      render: (_, e) => (
        <>
          <strong>{e.name}</strong>
          {e.titles ? <div style={{ fontSize: 13 }}>{e.titles}</div> : null}
        </>
      ),
    },
    {
      key: 'org',
      title: t('proj.expert.org'),
      render: (_, e) => (
        <>
          {e.orgName ?? '—'}
          {e.orgCreditCode ? (
            <div>
              <code style={{ fontSize: 12 }}>{e.orgCreditCode}</code>
            </div>
          ) : null}
        </>
      ),
    },
    {
      key: 'unit',
      title: <span title={t('proj.expert.pool.unitHint')}>{t('proj.expert.pool.unit')}</span>,
      render: (_, e) => <span data-testid={`expert-unit-${e.name}`}>{e.orgUnitName ?? e.orgUnitCode}</span>,
    },
    {
      key: 'fields',
      title: t('proj.expert.fields'),
      render: (_, e) => (e.fields.length ? e.fields.map(types.tagName).join(listSep(locale)) : '—'),
    },
    { key: 'history', title: t('proj.expert.history'), render: (_, e) => <span style={{ fontSize: 13 }}>{historyText(e)}</span> },
    {
      key: 'account',
      title: t('proj.expert.account'),
      render: (_, e) =>
        e.userId ? (
          <StatusTag tone="ok">{t('proj.expert.linked')}</StatusTag>
        ) : (
          <StatusTag tone="off">{t('proj.expert.notLinked')}</StatusTag>
        ),
    },
    {
      key: 'available',
      title: t('proj.expert.available'),
      render: (_, e) =>
        mayEdit(e) ? (
          <AvailabilitySwitch expert={e} />
        ) : (
          <StatusTag tone={e.available ? 'ok' : 'off'}>{t(e.available ? 'common.yes' : 'common.no')}</StatusTag>
        ),
    },
    ...(editor
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, e: Expert) =>
              mayEdit(e) ? (
                <Button
                  size="small"
                  icon={<EditOutlined aria-hidden />}
                  aria-label={t('proj.expert.editN', { name: e.name })}
                  onClick={() => onEdit(e)}
                  data-testid={`expert-edit-${e.name}`}
                >
                  {t('proj.expert.edit')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];
}

/** The spreadsheet the export button downloads. */
function expertsExport(
  t: ReturnType<typeof useI18n>['t'],
  locale: ReturnType<typeof useI18n>['locale'],
  types: ReturnType<typeof useRegistryTypes>,
  rows: Expert[],
) {
  return {
    title: t('nav.experts'),
    columns: [
      { key: 'name', title: t('proj.expert.name') },
      { key: 'titles', title: t('proj.expert.titles') },
      { key: 'org', title: t('proj.expert.orgName') },
      { key: 'code', title: t('proj.expert.orgCreditCode') },
      { key: 'fields', title: t('proj.expert.fields') },
      { key: 'contact', title: t('proj.expert.contact') },
      { key: 'available', title: t('proj.expert.available') },
    ],
    rows: rows.map((e) => ({
      name: e.name,
      titles: e.titles,
      org: e.orgName,
      code: e.orgCreditCode,
      fields: e.fields.map(types.tagName).join(listSep(locale)),
      contact: e.contact,
      available: t(e.available ? 'common.yes' : 'common.no'),
    })),
  };
}

/**
 * 可抽取: on, the expert may be drawn; off, it is left out of every later draw, swap and redraw. Its assignments
 * still to be scored stay until the bureau replaces them, so switching off says how many there are.
 */
function AvailabilitySwitch({ expert: e }: { expert: Expert }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (available: boolean) => updateExpert(e.id, { available }),
    onSuccess: async (row) => {
      await client.invalidateQueries({ queryKey: PROJECTS_KEY });
      if (!row.available && row.openAssignments > 0)
        modal.warning({
          title: t('proj.expert.madeUnavailable', { name: row.name }),
          content: t('proj.expert.openAssignments', { n: row.openAssignments }),
          okText: t('common.ok'),
        });
      else void message.success(t(row.available ? 'proj.expert.madeAvailable' : 'proj.expert.madeUnavailable', { name: row.name }));
    },
    onError: (error) => void message.error(errorText(error, t)),
  });
  return (
    <Space size={6}>
      <Switch
        size="small"
        checked={save.isPending ? !e.available : e.available}
        loading={save.isPending}
        onChange={(on) => save.mutate(on)}
        aria-label={t('proj.expert.availableN', { name: e.name })}
        data-testid={`expert-available-${e.name}`}
      />
      <span>{t(e.available ? 'proj.expert.availableYes' : 'proj.expert.availableNo')}</span>
    </Space>
  );
}
