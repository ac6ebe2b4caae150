import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Typography } from 'antd';
import { verifyQuery } from '../../api/ledger';
import { useI18n } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatFen } from '../../components/money';
import { Section } from '../../components/Section';

/** 对账: debits equal credits, each balance equals its entries, nothing overdrawn, no reservation resolved twice. */
export function VerifySection() {
  const { t, locale } = useI18n();
  const query = useQuery({ ...verifyQuery(), enabled: false });
  const r = query.data;
  return (
    <Section
      title={t('ledger.verify.title')}
      testId="ledger-verify"
      extra={
        <Button
          icon={<SafetyCertificateOutlined aria-hidden />}
          loading={query.isFetching}
          onClick={() => void query.refetch()}
          data-testid="ledger-verify-run"
        >
          {t('ledger.verify.run')}
        </Button>
      }
    >
      <Typography.Paragraph style={{ maxWidth: 900 }}>{t('ledger.verify.hint')}</Typography.Paragraph>
      {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {r ? (
        <div data-testid="ledger-verify-result" data-ok={String(r.ok)}>
          <Alert
            type={r.ok ? 'success' : 'error'}
            showIcon
            title={t(r.ok ? 'ledger.verify.ok' : 'ledger.verify.problems', { accounts: r.accounts, transfers: r.transfers })}
            style={{ marginBottom: 12 }}
          />
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'dp', label: t('ledger.verify.debitsPosted'), children: formatFen(r.totals.debitsPosted, locale) },
              { key: 'cp', label: t('ledger.verify.creditsPosted'), children: formatFen(r.totals.creditsPosted, locale) },
              { key: 'dpe', label: t('ledger.verify.debitsPending'), children: formatFen(r.totals.debitsPending, locale) },
              { key: 'cpe', label: t('ledger.verify.creditsPending'), children: formatFen(r.totals.creditsPending, locale) },
              {
                key: 'mismatches',
                label: t('ledger.verify.mismatches'),
                children: r.mismatches.length ? r.mismatches.map((m) => m.code).join(t('common.listSep')) : t('common.none'),
              },
              {
                key: 'overdrawn',
                label: t('ledger.verify.overdrawn'),
                children: r.overdrawn.length ? r.overdrawn.join(t('common.listSep')) : t('common.none'),
              },
              {
                key: 'double',
                label: t('ledger.verify.doubleResolved'),
                children: r.doubleResolved.length ? r.doubleResolved.join(t('common.listSep')) : t('common.none'),
              },
            ]}
          />
        </div>
      ) : (
        <Typography.Paragraph type="secondary">{t('ledger.verify.notRun')}</Typography.Paragraph>
      )}
    </Section>
  );
}
