import { App, DatePicker, Form, Input, Select } from 'antd';
import { createPatent, type PatentInput } from '../../../api/registry';
import { useT } from '../../../app/i18n';
import { isoDateItem } from '../../../components/isoDate';
import { FormDrawer } from '../FormDrawer';
import { PATENT_STATUSES } from '../../../components/registry/labels';

const FIELDS = ['number', 'title', 'filedOn', 'grantedOn', 'status', 'lapsedOn', 'owners'];

/** Record a patent; the server checks the number's format and check character and derives the type and term. */
export function PatentDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  return (
    <FormDrawer<PatentInput, { id: string }>
      open={open}
      title={t('patent.createTitle')}
      submitLabel={t('ent.submitCreate')}
      testId="patent-form"
      fields={FIELDS}
      initialValues={{ status: 'granted', owners: [] }}
      save={(v) =>
        createPatent({
          ...v,
          number: v.number.trim(),
          title: v.title.trim(),
          grantedOn: v.grantedOn ?? null,
          lapsedOn: v.lapsedOn ?? null,
          owners: v.owners.map((o) => o.trim()).filter(Boolean),
        })
      }
      onSaved={(_, v) => {
        void message.success(t('patent.created', { number: v.number.trim() }));
        onClose();
      }}
      onClose={onClose}
    >
      <Form.Item
        label={t('patent.number')}
        name="number"
        extra={t('patent.numberHint')}
        rules={[{ required: true, whitespace: true, message: t('patent.numberRequired') }, { max: 30 }]}
      >
        <Input autoComplete="off" style={{ fontFamily: 'monospace' }} data-testid="patent-form-number" />
      </Form.Item>
      <Form.Item
        label={t('patent.title')}
        name="title"
        rules={[{ required: true, whitespace: true, message: t('patent.titleRequired') }, { max: 300 }]}
      >
        <Input data-testid="patent-form-title" />
      </Form.Item>
      <Form.Item label={t('patent.status')} name="status" rules={[{ required: true }]}>
        <Select options={PATENT_STATUSES.map((s) => ({ value: s, label: t(`patent.status.${s}`) }))} data-testid="patent-form-status" />
      </Form.Item>
      <Form.Item
        label={t('patent.filedOn')}
        name="filedOn"
        rules={[{ required: true, message: t('patent.filedRequired') }]}
        {...isoDateItem}
      >
        <DatePicker style={{ width: '100%' }} data-testid="patent-form-filedOn" />
      </Form.Item>
      <Form.Item label={t('patent.grantedOn')} name="grantedOn" {...isoDateItem}>
        <DatePicker style={{ width: '100%' }} data-testid="patent-form-grantedOn" />
      </Form.Item>
      <Form.Item label={t('patent.lapsedOn')} name="lapsedOn" {...isoDateItem}>
        <DatePicker style={{ width: '100%' }} data-testid="patent-form-lapsedOn" />
      </Form.Item>
      <Form.Item
        label={t('patent.owners')}
        name="owners"
        extra={t('patent.ownersHint')}
        rules={[{ required: true, type: 'array', min: 1, message: t('patent.ownersRequired') }]}
      >
        <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', ' ', ';', '；']} data-testid="patent-form-owners" />
      </Form.Item>
    </FormDrawer>
  );
}
