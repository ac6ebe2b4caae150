import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import type { FormInstance } from 'antd';
import type { Call, FieldValue } from '../../api/projects';
import { useI18n } from '../../app/i18n';
import { isoDateItem } from '../../components/isoDate';
import { textOf } from '../../components/policies/labels';
import { TeamFields } from './ApplicationParts';

export interface Values {
  title: string;
  requestedYuan: number | null;
  /** The call's answers; for a challenge also the team's contact (TEAM_CONTACT_FIELD). */
  fields: Record<string, FieldValue>;
  /** For a challenge: the members other than the leader. */
  teamMembers: { name: string; role?: string }[];
  partnerCreditCodes: string[];
  /** A team bidding without a registered enterprise: its name. */
  applicantName?: string;
  /** For a challenge: the team's leader (stored first among the members, as 负责人). */
  leader?: string;
}

const thousands = (v: number | string | undefined) => `${v ?? ''}`.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const unformat = (v: string | undefined) => Number((v ?? '').replace(/[,\s¥]/g, ''));

/** The editable application: title, amount, the call's form, the team (for a challenge its leader first), partners. */
export function ApplicationForm({
  form,
  call,
  asTeam,
  isNew,
  disabled,
  saving,
  initialValues,
  onFinish,
}: {
  form: FormInstance<Values>;
  call: Call;
  asTeam: boolean;
  isNew: boolean;
  disabled: boolean;
  saving: boolean;
  initialValues: Values;
  onFinish: (v: Values) => void;
}) {
  const { t, locale } = useI18n();
  return (
    <Form<Values> form={form} layout="vertical" disabled={disabled} initialValues={initialValues} onFinish={onFinish}>
      <Form.Item
        name="title"
        label={t('proj.app.title')}
        rules={[{ required: true, whitespace: true, min: 2, message: t('my.proj.titleRequired') }]}
      >
        <Input maxLength={200} data-testid="application-title" />
      </Form.Item>
      <Form.Item
        name="requestedYuan"
        label={t('proj.app.requested')}
        rules={[{ required: true, type: 'number', min: 0, message: t('my.proj.requestedRequired') }]}
      >
        <InputNumber<number>
          min={0}
          max={1e11}
          precision={2}
          formatter={thousands}
          parser={unformat}
          suffix={t('pol.unit.yuan')}
          style={{ width: 240 }}
          data-testid="application-requested"
        />
      </Form.Item>
      {call.form.fields.map((f) => (
        <Form.Item
          key={f.key}
          name={['fields', f.key]}
          label={textOf(f, locale)}
          required={f.required}
          {...(f.type === 'date' ? isoDateItem : {})}
        >
          {f.type === 'textarea' ? (
            <Input.TextArea rows={4} maxLength={20_000} showCount data-testid={`application-field-${f.key}`} />
          ) : f.type === 'number' ? (
            <InputNumber<number> style={{ width: 240 }} data-testid={`application-field-${f.key}`} />
          ) : f.type === 'date' ? (
            <DatePicker data-testid={`application-field-${f.key}`} />
          ) : (
            <Input maxLength={2000} data-testid={`application-field-${f.key}`} />
          )}
        </Form.Item>
      ))}
      {call.kind === 'challenge' ? <TeamFields asTeam={asTeam} /> : null}
      <Typography.Text strong>{t(call.kind === 'challenge' ? 'my.team.members' : 'proj.app.team')}</Typography.Text>
      <MemberList />
      <Form.Item name="partnerCreditCodes" label={t('proj.app.partners')} extra={t('my.proj.partnersHint')}>
        <Select
          mode="tags"
          tokenSeparators={[',', '，', ' ']}
          maxCount={20}
          open={false}
          suffixIcon={null}
          data-testid="application-partners"
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving} data-testid="application-save">
        {isNew ? t('my.proj.saveDraft') : t('common.save')}
      </Button>
      {!isNew ? null : (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('my.proj.saveFirst')}
        </Typography.Paragraph>
      )}
    </Form>
  );
}

/** The team's members (name and role), one row each. */
function MemberList() {
  const { t } = useI18n();
  return (
    <Form.List name="teamMembers">
      {(items, { add, remove }) => (
        <div style={{ marginBottom: 16 }}>
          {items.map((item, i) => (
            <Space key={item.key} align="start" wrap style={{ display: 'flex', marginTop: 8 }}>
              <Form.Item
                name={[item.name, 'name']}
                rules={[{ required: true, whitespace: true, message: t('my.proj.memberRequired') }]}
                style={{ width: 180, marginBottom: 0 }}
              >
                <Input aria-label={t('my.proj.memberNameN', { n: i + 1 })} placeholder={t('my.proj.memberName')} maxLength={50} />
              </Form.Item>
              <Form.Item name={[item.name, 'role']} style={{ width: 220, marginBottom: 0 }}>
                <Input aria-label={t('my.proj.memberRoleN', { n: i + 1 })} placeholder={t('my.proj.memberRole')} maxLength={50} />
              </Form.Item>
              <Button
                icon={<DeleteOutlined aria-hidden />}
                aria-label={t('my.proj.removeMemberN', { n: i + 1 })}
                onClick={() => remove(item.name)}
              />
            </Space>
          ))}
          <Button type="link" icon={<PlusOutlined aria-hidden />} onClick={() => add({ name: '', role: '' })} style={{ paddingInline: 0 }}>
            {t('my.proj.addMember')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}
