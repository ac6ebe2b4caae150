import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { createPeerGroup, peerGroupsQuery, type NewPeerGroup, type PeerGroup } from '../../api/benchmarks';
import { ApiError } from '../../api/http';
import { useI18n } from '../../app/i18n';
import { applyServerError, errorText } from '../../components/errors';
import { DISTRICTS } from './districts';

const FIELDS = ['code', 'nameZh', 'nameEn', 'members'] as const;

/** 新建对标组: a custom peer group (bureau and administrators); the server checks every member. */
export function GroupModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (g: PeerGroup) => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<NewPeerGroup>();
  const save = useMutation({
    mutationFn: createPeerGroup,
    onSuccess: async (g) => {
      await client.invalidateQueries({ queryKey: peerGroupsQuery().queryKey });
      void message.success(t('common.saved'));
      form.resetFields();
      onCreated(g);
    },
    onError: (error) => {
      // "members.3": the fourth member is unknown; the picker field shows it.
      if (error instanceof ApiError && error.field?.startsWith('members.')) {
        form.setFields([{ name: 'members', errors: [error.message] }]);
        return;
      }
      applyServerError(form, error, FIELDS);
    },
  });
  const failure = save.error;
  const unmatched = failure !== null && !(failure instanceof ApiError && FIELDS.some((f) => failure.field?.split('.')[0] === f));

  return (
    <Modal
      open={open}
      title={t('bench.groupModal.title')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'group-save' }}
    >
      {unmatched ? <Alert type="error" showIcon title={errorText(failure, t)} style={{ marginBottom: 16 }} /> : null}
      <Form<NewPeerGroup> form={form} layout="vertical" onFinish={(values) => save.mutate(values)} initialValues={{ members: [] }}>
        <Form.Item
          name="code"
          label={t('bench.groupModal.code')}
          extra={t('bench.groupModal.codeHint')}
          rules={[
            { required: true, message: t('bench.groupModal.codeRequired') },
            { pattern: /^[a-z][a-z0-9_]{1,39}$/, message: t('bench.groupModal.codePattern') },
          ]}
        >
          <Input maxLength={40} data-testid="group-code" />
        </Form.Item>
        <Form.Item
          name="nameZh"
          label={t('bench.groupModal.nameZh')}
          rules={[{ required: true, whitespace: true, message: t('bench.groupModal.nameRequired') }]}
        >
          <Input maxLength={100} data-testid="group-name-zh" />
        </Form.Item>
        <Form.Item
          name="nameEn"
          label={t('bench.groupModal.nameEn')}
          rules={[{ required: true, whitespace: true, message: t('bench.groupModal.nameRequired') }]}
        >
          <Input maxLength={100} data-testid="group-name-en" />
        </Form.Item>
        <Form.Item
          name="members"
          label={t('bench.groupModal.members')}
          rules={[{ type: 'array', min: 2, message: t('bench.groupModal.membersMin') }]}
        >
          <Select<string[]>
            mode="multiple"
            optionFilterProp="label"
            options={DISTRICTS.map((d) => ({ value: d.code, label: `${locale === 'zh-CN' ? d.zh : d.en} ${d.code}` }))}
            data-testid="group-members"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
