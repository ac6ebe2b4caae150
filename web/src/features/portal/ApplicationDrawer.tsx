import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Divider, Drawer, Form, Space, Typography } from 'antd';
import { useState } from 'react';
import {
  myApplicationQuery,
  startApplication,
  submitApplication,
  updateApplication,
  withdrawApplication,
  type ApplicationDetail,
  type ApplicationInput,
  type Call,
} from '../../api/projects';
import { MY_KEY } from '../../api/portal';
import { Loading } from '../../app/Loading';
import { useI18n } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyServerError, errorText } from '../../components/errors';
import { fenToYuan, formatFen, yuanToFen } from '../../components/money';
import { ConfirmModal } from '../../components/claims/ConfirmModal';
import { AttachmentsTable, FieldsView, FormalNote, TeamView } from '../../components/projects/ApplicationView';
import { EDITABLE, WITHDRAWABLE } from '../../components/projects/labels';
import { ApplicationStatusTag } from '../../components/projects/StatusTags';
import { joinTeam, splitTeam } from '../../../../common/project-team';
import { ApplicationForm, type Values } from './ApplicationForm';
import { TeamSummary, Uploads, withoutContact } from './ApplicationParts';

function toInput(v: Values, call: Pick<Call, 'kind'> | null, asTeam: boolean): ApplicationInput {
  const members = (v.teamMembers ?? []).map((m) => ({ name: m.name.trim(), ...(m.role?.trim() ? { role: m.role.trim() } : {}) }));
  const challenge = call?.kind === 'challenge';
  return {
    title: v.title.trim(),
    ...(asTeam && v.applicantName?.trim() ? { applicantName: v.applicantName.trim() } : {}),
    requestedFen: yuanToFen(v.requestedYuan ?? 0),
    fields: Object.fromEntries(
      Object.entries(v.fields ?? {}).map(([k, x]) => [k, typeof x === 'string' ? x.trim() : x === undefined ? null : x]),
    ),
    teamMembers: challenge ? joinTeam({ leader: v.leader ?? '', members }) : members,
    partnerCreditCodes: (v.partnerCreditCodes ?? []).map((c) => c.trim()).filter(Boolean),
  };
}

function toValues(a: ApplicationDetail | undefined, call: Pick<Call, 'kind'> | null): Values {
  const team = call?.kind === 'challenge' ? splitTeam(a?.teamMembers ?? []) : { leader: '', members: a?.teamMembers ?? [] };
  return {
    title: a?.title ?? '',
    requestedYuan: a ? fenToYuan(a.requestedFen) : null,
    fields: a?.fields ?? {},
    teamMembers: team.members,
    partnerCreditCodes: a?.partnerCreditCodes ?? [],
    applicantName: a && a.enterpriseId === null ? a.applicantName : '',
    leader: team.leader,
  };
}

/**
 * 申报书: a new application to a call or one of mine. A draft (or one the bureau returned) is edited here: the
 * call's form, the amount requested, the team and partners, then the attachments (each stored with its SHA-256,
 * shown so the applicant can check what the bureau received), then submit. Submitted ones are read-only. For a
 * 揭榜挂帅 challenge the team comes first — its leader and a contact (only the bureau reads it), and, for a team
 * without a registered enterprise (asTeam), its name; no age, degree or title is asked.
 */
export function ApplicationDrawer({
  call,
  applicationId,
  open,
  onCreated,
  onClose,
  asTeam = false,
}: {
  call: Call | null;
  applicationId: string | null;
  open: boolean;
  onCreated: (id: string) => void;
  onClose: () => void;
  asTeam?: boolean;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const query = useQuery({ ...myApplicationQuery(applicationId ?? ''), enabled: open && applicationId !== null });
  const a = applicationId && query.data?.id === applicationId ? query.data : undefined;
  const editable = !applicationId || (a !== undefined && EDITABLE.includes(a.status));
  const [formError, setFormError] = useState<unknown>(null);
  const [confirm, setConfirm] = useState<'submit' | 'withdraw' | null>(null);

  const refresh = () => client.invalidateQueries({ queryKey: MY_KEY });
  const fail = (error: unknown) => {
    if (!applyServerError(form, error, ['title', 'applicantName', 'requestedFen', 'fields', 'partnerCreditCodes'])) setFormError(error);
  };

  const save = useMutation({
    mutationFn: async (v: Values) =>
      applicationId ? updateApplication(applicationId, toInput(v, call, asTeam)) : startApplication(call!.id, toInput(v, call, asTeam)),
    onMutate: () => setFormError(null),
    onSuccess: async (res) => {
      await refresh();
      void message.success(t('my.proj.saved'));
      if (!applicationId) onCreated(res.id);
    },
    onError: fail,
  });
  const act = useMutation({
    mutationFn: async (what: 'submit' | 'withdraw') => {
      if (what === 'withdraw') return withdrawApplication(applicationId!);
      // What is on screen is what is submitted.
      if (editable) await updateApplication(applicationId!, toInput(form.getFieldsValue(true) as Values, call, asTeam));
      return submitApplication(applicationId!);
    },
    onMutate: () => setFormError(null),
    onSuccess: async (_, what) => {
      setConfirm(null);
      await refresh();
      void message.success(t(what === 'submit' ? 'my.proj.submittedDone' : 'my.proj.withdrawnDone'));
    },
    onError: (error) => {
      setConfirm(null);
      fail(error);
    },
  });

  const loading = applicationId !== null && !a && !query.isError;
  return (
    <Drawer
      open={open}
      title={applicationId ? (a ? a.title : t('my.proj.application')) : t('my.proj.newApplication', { call: call?.title ?? '' })}
      size={900}
      onClose={onClose}
      destroyOnHidden
      afterOpenChange={(isOpen) => {
        if (!isOpen) {
          setFormError(null);
          form.resetFields();
        }
      }}
      extra={a ? <DrawerActions application={a} editable={editable} onConfirm={setConfirm} /> : null}
      data-testid="application-drawer"
    >
      {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {loading || !call ? <Loading /> : null}
      {call && !loading ? (
        <div data-testid="application-editor" data-status={a?.status ?? 'new'}>
          {a ? <FormalNote status={a.status} note={a.formalNote} /> : null}
          {formError ? (
            <Alert type="error" showIcon title={errorText(formError, t)} style={{ marginBottom: 12 }} data-testid="application-error" />
          ) : null}
          <Typography.Paragraph type="secondary" style={{ maxWidth: 820 }}>
            {t('my.proj.callLine', { title: call.title, to: call.closesOn, budget: formatFen(call.budgetFen, locale) })}
          </Typography.Paragraph>
          {editable ? (
            <ApplicationForm
              form={form}
              call={call}
              asTeam={asTeam}
              isNew={!applicationId}
              disabled={save.isPending || act.isPending}
              saving={save.isPending}
              initialValues={toValues(a, call)}
              onFinish={(v) => save.mutate(v)}
            />
          ) : a ? (
            <SubmittedView call={call} application={a} />
          ) : null}
          {a ? <AttachmentsSection call={call} application={a} editable={editable} /> : null}
        </div>
      ) : null}
      <ConfirmModal
        open={confirm !== null}
        title={t(confirm === 'withdraw' ? 'my.proj.withdraw' : 'my.proj.submit')}
        okText={t(confirm === 'withdraw' ? 'my.proj.withdraw' : 'my.proj.submit')}
        testId="application-action"
        pending={act.isPending}
        error={act.error}
        onOk={() => confirm && act.mutate(confirm)}
        onCancel={() => !act.isPending && setConfirm(null)}
      >
        {t(confirm === 'withdraw' ? 'my.proj.withdrawText' : 'my.proj.submitText', { closes: call?.closesOn ?? '' })}
      </ConfirmModal>
    </Drawer>
  );
}

/** The drawer's header: the status, and submit / withdraw where the status allows. */
function DrawerActions({
  application: a,
  editable,
  onConfirm,
}: {
  application: ApplicationDetail;
  editable: boolean;
  onConfirm: (what: 'submit' | 'withdraw') => void;
}) {
  const { t } = useI18n();
  return (
    <Space wrap>
      <ApplicationStatusTag status={a.status} testId="application-drawer-status" />
      {editable ? (
        <Button type="primary" onClick={() => onConfirm('submit')} data-testid="application-submit">
          {t('my.proj.submit')}
        </Button>
      ) : null}
      {WITHDRAWABLE.includes(a.status) ? (
        <Button danger onClick={() => onConfirm('withdraw')} data-testid="application-withdraw">
          {t('my.proj.withdraw')}
        </Button>
      ) : null}
    </Space>
  );
}

/** A submitted application, read-only: the answers, the team, the amounts. */
function SubmittedView({ call, application: a }: { call: Call; application: ApplicationDetail }) {
  const { t, locale } = useI18n();
  return (
    <>
      <FieldsView call={call} fields={withoutContact(a.fields)} />
      {call.kind === 'challenge' ? <TeamSummary application={a} /> : null}
      <Typography.Paragraph style={{ marginTop: 12 }}>
        {t('proj.app.requested')}：{formatFen(a.requestedFen, locale)}
        {a.approvedFen !== null ? ` · ${t('proj.decision.approvedAmount')}：${formatFen(a.approvedFen, locale)}` : ''}
      </Typography.Paragraph>
      <TeamView team={a.teamMembers} partners={a.partnerCreditCodes} />
    </>
  );
}

/** The application's files: uploads while it is editable, and the list with checksums. */
function AttachmentsSection({ call, application: a, editable }: { call: Call; application: ApplicationDetail; editable: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <Divider />
      <Typography.Title level={3} style={{ fontSize: 15 }}>
        {t('proj.call.attachments')}
      </Typography.Title>
      {editable ? <Uploads call={call} application={a} /> : null}
      <AttachmentsTable applicationId={a.id} attachments={a.attachments} call={call} testId="my-attachments" />
    </>
  );
}
