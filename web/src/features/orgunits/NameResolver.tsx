import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { resolveQuery } from '../../api/orgunits';
import { useI18n } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OrgUnitTreeSelect } from '../../components/OrgUnitTreeSelect';
import { levelLabel, MATCH_LABELS } from './labels';

/** Shows which unit a spreadsheet's wording means, the way imports will resolve it. */
export function NameResolver({ onPick }: { onPick: (code: string) => void }) {
  const { t, locale } = useI18n();
  const [text, setText] = useState('');
  const [within, setWithin] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState<{ text: string; within: string | null } | null>(null);
  const query = useQuery(resolveQuery(submitted?.text ?? '', submitted?.within ?? undefined));
  const result = query.data?.query;

  return (
    <>
      <Typography.Paragraph>{t('org.resolverHint')}</Typography.Paragraph>
      <Form layout="vertical" onFinish={() => setSubmitted(text.trim() ? { text, within } : null)}>
        <Space wrap align="end" size={12}>
          <Form.Item label={t('org.resolverInput')} htmlFor="resolver-text" style={{ marginBottom: 0 }}>
            <Input
              id="resolver-text"
              value={text}
              onChange={(e) => setText(e.target.value)}
              style={{ width: 220 }}
              data-testid="resolver-input"
            />
          </Form.Item>
          <Form.Item label={t('org.within')} htmlFor="resolver-within" style={{ marginBottom: 0 }}>
            <OrgUnitTreeSelect
              id="resolver-within"
              allowClear
              placeholder={t('org.withinAll')}
              value={within}
              onChange={setWithin}
              style={{ width: 220 }}
              data-testid="resolver-within"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={query.isFetching} data-testid="resolver-submit">
            {t('org.resolve')}
          </Button>
        </Space>
      </Form>
      <div aria-live="polite" style={{ marginTop: 16 }} data-testid="resolver-result">
        {query.isError ? <ErrorAlert error={query.error} /> : null}
        {result ? (
          <>
            <Typography.Paragraph>{t('org.normalized', { text: result.normalized })}</Typography.Paragraph>
            {result.ambiguous ? (
              <Alert
                type="warning"
                showIcon
                title={t('org.ambiguous', { text: result.text, n: result.matches.length })}
                style={{ marginBottom: 12 }}
              />
            ) : null}
            {result.matches.length === 0 ? (
              <Alert type="info" showIcon title={t('org.noMatch', { text: result.text })} />
            ) : (
              <List
                bordered
                size="small"
                dataSource={result.matches}
                renderItem={(m) => (
                  <List.Item
                    actions={[
                      <Button key="show" type="link" size="small" onClick={() => onPick(m.code)}>
                        {t('org.showInTree')}
                      </Button>,
                    ]}
                  >
                    <Space wrap size={[8, 4]}>
                      <Typography.Text strong>{m.name}</Typography.Text>
                      <Typography.Text>{m.code}</Typography.Text>
                      <Tag>{levelLabel(m.level, locale)}</Tag>
                      <Tag variant="solid" color="#0958d9" data-testid={`resolver-matched-${m.matchedBy}`}>
                        <span className="kc-sr-only">{t('org.matchedBy')}: </span>
                        {t(MATCH_LABELS[m.matchedBy])}
                      </Tag>
                      <Typography.Text type="secondary">{m.pathNames.join(' / ')}</Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            )}
          </>
        ) : null}
      </div>
    </>
  );
}
