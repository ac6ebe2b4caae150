import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Typography } from 'antd';
import { useState } from 'react';
import type { ImportReport } from '../../../../common/contracts/datavalues';
import { importWorkbook, templateUrl, VALUE_QUERY_ROOTS } from '../../api/datavalues';
import { ApiError } from '../../api/http';
import { useI18n } from '../../app/i18n';
import { errorText } from '../../components/errors';
import { Section } from '../../components/Section';
import { ImportPreview } from './ImportPreview';

interface Props {
  orgUnit: string;
  year: number;
  planId: string;
  /** Data element names by code, for the preview. */
  names: ReadonlyMap<string, string>;
}

const isReport = (x: unknown): x is ImportReport => typeof x === 'object' && x !== null && 'rows' in x && 'counts' in x;

/** The Excel round trip: download the template, upload it, check the preview, then import all or nothing. */
export function ImportPanel({ orgUnit, year, planId, names }: Props) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [done, setDone] = useState<ImportReport | null>(null);

  const preview = useMutation({
    mutationFn: (f: File) => importWorkbook(f, orgUnit, true, planId),
    onMutate: () => {
      setReport(null);
      setDone(null);
    },
    onSuccess: setReport,
  });

  const commit = useMutation({
    mutationFn: (f: File) => importWorkbook(f, orgUnit, false, planId),
    onSuccess: async (r) => {
      setDone(r);
      setReport(null);
      setFile(null);
      await Promise.all(VALUE_QUERY_ROOTS.map((queryKey) => client.invalidateQueries({ queryKey: [...queryKey] })));
    },
    onError: (error) => {
      // Something changed since the preview: the server's report says what, row by row.
      if (error instanceof ApiError && isReport(error.payload)) setReport(error.payload);
    },
  });

  const failure = preview.error ?? (commit.error instanceof ApiError && isReport(commit.error.payload) ? null : commit.error);
  return (
    <Section title={t('import.title')} testId="import-panel">
      <Typography.Paragraph style={{ maxWidth: 860 }}>{t('import.steps')}</Typography.Paragraph>
      <div style={{ display: 'flex', gap: 16, alignItems: 'center', flexWrap: 'wrap', marginBottom: 12 }}>
        <Button href={templateUrl(orgUnit, year, planId)} icon={<DownloadOutlined aria-hidden />} data-testid="template-download">
          {t('import.template', { year })}
        </Button>
        <label className="kc-file-button">
          <UploadOutlined aria-hidden />
          {t('import.file')}
          <input
            type="file"
            className="kc-sr-only"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            disabled={preview.isPending || commit.isPending}
            onChange={(e) => {
              const f = e.target.files?.[0];
              // Cleared, so choosing the same file again (after fixing it) is a change too.
              e.target.value = '';
              if (!f) return;
              setFile(f);
              preview.mutate(f);
            }}
            data-testid="import-file"
          />
        </label>
        {file ? <span data-testid="import-file-name">{file.name}</span> : null}
        {preview.isPending ? <span role="status">{t('import.checking')}</span> : null}
      </div>
      {failure ? (
        <Alert type="error" showIcon title={errorText(failure, t)} style={{ marginBottom: 12 }} data-testid="import-error" />
      ) : null}
      {done ? (
        <Alert
          type="success"
          showIcon
          title={t('import.done', { saved: done.counts.ok + done.counts.warning, unchanged: done.counts.unchanged })}
          closable={{ onClose: () => setDone(null) }}
          style={{ marginBottom: 12 }}
          data-testid="import-done"
        />
      ) : null}
      {report && file ? (
        <ImportPreview
          report={report}
          fileName={file.name}
          names={names}
          committing={commit.isPending}
          onConfirm={() => commit.mutate(file)}
          onCancel={() => {
            setReport(null);
            setFile(null);
          }}
        />
      ) : null}
    </Section>
  );
}
