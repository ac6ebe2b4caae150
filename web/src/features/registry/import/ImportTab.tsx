import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Progress, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { IMPORT_KINDS, importTemplateUrl, type ImportKind } from '../../../api/imports';
import { useT } from '../../../app/i18n';
import { errorText } from '../../../components/errors';
import { Section } from '../../../components/Section';
import { ImportReportView } from './ImportReportView';
import { useImportJob } from './useImportJob';

/**
 * Bulk import (bureau): choose the kind, download its template, upload the filled file, follow the check, read the
 * preview, and confirm only when no row has an error. All or nothing: an import with errors saves nothing.
 */
export default function ImportTab() {
  const t = useT();
  const [kind, setKind] = useState<ImportKind>('enterprises');
  const [file, setFile] = useState<File | null>(null);
  const imp = useImportJob(kind);
  const { job, status } = imp;
  const report = status?.state === 'done' ? status.report : undefined;
  const checked = report && job?.dryRun ? report : null;
  const committed = report && job && !job.dryRun && report.committed ? report : null;
  const refused = report && job && !job.dryRun && !report.committed ? report : null;
  const shown = checked ?? refused;
  const canConfirm = checked !== null && checked.counts.error === 0 && checked.counts.ok > 0;
  const failure = imp.error ?? (status?.state === 'failed' ? new Error(status.error?.message ?? '') : null);
  const percent = status ? Math.floor(status.fraction * 100) : 0;

  return (
    <Section title={t('regImport.title')} testId="import-panel">
      <Typography.Paragraph style={{ maxWidth: 900 }}>{t('regImport.steps')}</Typography.Paragraph>
      <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }} onSubmitCapture={(e) => e.preventDefault()}>
        <Form.Item label={t('regImport.kind')} htmlFor="import-kind">
          <Select<ImportKind>
            id="import-kind"
            value={kind}
            disabled={imp.running}
            options={IMPORT_KINDS.map((k) => ({ value: k, label: t(`regImport.kind.${k}`) }))}
            onChange={(k) => {
              setKind(k);
              setFile(null);
              imp.reset();
            }}
            style={{ width: 200 }}
            data-testid="import-kind"
          />
        </Form.Item>
        <Space wrap>
          <Button href={importTemplateUrl(kind)} icon={<DownloadOutlined aria-hidden />} data-testid="import-template">
            {t('regImport.template')}
          </Button>
          <label className="kc-file-button">
            <UploadOutlined aria-hidden />
            {t('regImport.file')}
            <input
              type="file"
              className="kc-sr-only"
              accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              disabled={imp.running}
              onChange={(e) => {
                const f = e.target.files?.[0];
                // Cleared, so choosing the same file again (after fixing it) is a change too.
                e.target.value = '';
                if (!f) return;
                setFile(f);
                imp.run(f, true);
              }}
              data-testid="import-file"
            />
          </label>
          {file ? <span data-testid="import-file-name">{file.name}</span> : null}
        </Space>
      </Form>
      {imp.running ? (
        <div role="status" style={{ maxWidth: 520, marginBottom: 12 }}>
          <span>
            {t(job?.dryRun === false ? 'regImport.importing' : 'regImport.checking', {
              processed: status?.processed ?? 0,
            })}
          </span>
          <Progress percent={percent} aria-label={t('regImport.progress')} data-testid="import-progress" />
        </div>
      ) : null}
      {failure ? (
        <Alert type="error" showIcon title={errorText(failure, t)} style={{ marginBottom: 12 }} data-testid="import-error" />
      ) : null}
      {committed ? (
        <Alert
          type="success"
          showIcon
          title={t('regImport.done', { n: committed.counts.ok })}
          style={{ marginBottom: 12 }}
          data-testid="import-done"
        />
      ) : null}
      {refused ? (
        <Alert type="error" showIcon title={t('regImport.notCommitted', { n: refused.counts.error })} style={{ marginBottom: 12 }} />
      ) : null}
      {shown && file ? (
        <div data-testid="import-preview">
          <ImportReportView report={shown} fileName={file.name} />
          <Space style={{ marginTop: 12 }} wrap>
            <Button type="primary" disabled={!canConfirm} onClick={() => imp.run(file, false)} data-testid="import-confirm">
              {t('regImport.confirm', { n: shown.counts.ok })}
            </Button>
            <Button
              onClick={() => {
                setFile(null);
                imp.reset();
              }}
              data-testid="import-cancel"
            >
              {t('regImport.cancel')}
            </Button>
            {shown.counts.error > 0 ? <span role="alert">{t('regImport.fixFirst', { n: shown.counts.error })}</span> : null}
          </Space>
        </div>
      ) : null}
    </Section>
  );
}
