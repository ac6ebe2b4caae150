import { DownloadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button } from 'antd';
import { exportXlsx, type ExportTable } from '../api/exports';
import { useT } from '../app/i18n';
import { saveBlob } from './download';
import { errorText } from './errors';

interface Props {
  /** Built on click, so the export is the table as it is shown at that moment. */
  table: () => ExportTable;
  disabled?: boolean;
  'data-testid'?: string;
}

/** "导出 Excel": the table the user sees, as an xlsx file. */
export function ExportButton({ table, disabled, 'data-testid': testId }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const run = useMutation({
    mutationFn: async () => {
      const body = table();
      const { blob, filename } = await exportXlsx(body);
      saveBlob(blob, filename ?? `${body.title}.xlsx`);
    },
    onError: (error) => void message.error(errorText(error, t)),
  });
  return (
    <Button
      icon={<DownloadOutlined aria-hidden />}
      loading={run.isPending}
      disabled={disabled}
      onClick={() => run.mutate()}
      data-testid={testId}
    >
      {t('common.exportExcel')}
    </Button>
  );
}
