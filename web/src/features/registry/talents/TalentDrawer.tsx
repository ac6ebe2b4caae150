import { Alert, App, DatePicker, Form, Input } from 'antd';
import { createTalent, type TalentInput } from '../../../api/registry';
import { useT } from '../../../app/i18n';
import { isoDateItem } from '../../../components/isoDate';
import { OrgUnitTreeSelect } from '../../../components/OrgUnitTreeSelect';
import { FormDrawer } from '../FormDrawer';

const FIELDS = ['name', 'category', 'employerCreditCode', 'employerName', 'orgUnitCode', 'fromDate', 'toDate'];
const orNull = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

/** Record a talent: name, category and employer only; no identity documents are collected. */
export function TalentDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  return (
    <FormDrawer<TalentInput, { id: string }>
      open={open}
      title={t('talent.createTitle')}
      submitLabel={t('ent.submitCreate')}
      testId="talent-form"
      fields={FIELDS}
      save={(v) =>
        createTalent({
          ...v,
          name: v.name.trim(),
          category: v.category.trim(),
          employerCreditCode: orNull(v.employerCreditCode),
          employerName: orNull(v.employerName),
          toDate: v.toDate ?? null,
        })
      }
      onSaved={(_, v) => {
        void message.success(t('talent.created', { name: v.name.trim() }));
        onClose();
      }}
      onClose={onClose}
    >
      <Alert type="info" showIcon title={t('talent.privacy')} style={{ marginBottom: 16 }} />
      <Form.Item
        label={t('talent.name')}
        name="name"
        rules={[{ required: true, whitespace: true, message: t('talent.nameRequired') }, { max: 50 }]}
      >
        <Input autoComplete="off" data-testid="talent-form-name" />
      </Form.Item>
      <Form.Item
        label={t('talent.category')}
        name="category"
        extra={t('talent.categoryHint')}
        rules={[{ required: true, whitespace: true, message: t('talent.categoryRequired') }, { max: 40 }]}
      >
        <Input data-testid="talent-form-category" />
      </Form.Item>
      <Form.Item label={t('talent.employerCreditCode')} name="employerCreditCode" extra={t('talent.employerHint')}>
        <Input autoComplete="off" style={{ fontFamily: 'monospace' }} data-testid="talent-form-employerCreditCode" />
      </Form.Item>
      <Form.Item label={t('talent.employerName')} name="employerName" rules={[{ max: 200 }]}>
        <Input data-testid="talent-form-employerName" />
      </Form.Item>
      <Form.Item label={t('registry.orgUnit')} name="orgUnitCode" rules={[{ required: true, message: t('ent.orgUnitRequired') }]}>
        <OrgUnitTreeSelect data-testid="talent-form-orgUnit" />
      </Form.Item>
      <Form.Item
        label={t('talent.fromDate')}
        name="fromDate"
        rules={[{ required: true, message: t('talent.fromRequired') }]}
        {...isoDateItem}
      >
        <DatePicker style={{ width: '100%' }} data-testid="talent-form-fromDate" />
      </Form.Item>
      <Form.Item label={t('talent.toDate')} name="toDate" {...isoDateItem}>
        <DatePicker style={{ width: '100%' }} data-testid="talent-form-toDate" />
      </Form.Item>
    </FormDrawer>
  );
}
