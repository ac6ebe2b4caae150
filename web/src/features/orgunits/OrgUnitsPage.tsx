import { Card, Col, Empty, Row, Space, Switch, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { PageTitle } from '../../app/PageTitle';
import { Loading } from '../../app/Loading';
import { useT } from '../../app/i18n';
import { useMe } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NameResolver } from './NameResolver';
import { OrgUnitDetails } from './OrgUnitDetails';
import { OrgUnitDrawer, type OrgUnitDrawerState } from './OrgUnitDrawer';
import { OrgUnitTree } from './OrgUnitTree';
import { canAdminister, useOrgUnits } from './useOrgUnits';

const heading = (text: string) => (
  <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
    {text}
  </Typography.Title>
);

function Section({ title, extra, children }: { title: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <Card title={heading(title)} extra={extra} style={{ marginBottom: 16 }}>
      {children}
    </Card>
  );
}

export default function OrgUnitsPage() {
  const t = useT();
  const me = useMe().data;
  const [params, setParams] = useSearchParams();
  const [includeInactive, setIncludeInactive] = useState(false);
  const [drawer, setDrawer] = useState<OrgUnitDrawerState>(null);
  const { units, byCode, isPending, isError, error, refetch } = useOrgUnits(includeInactive);
  // The selected unit lives in the URL so it can be bookmarked and shared.
  const selected = params.get('unit');
  const select = (code: string) => setParams({ unit: code }, { replace: false });

  const inactiveToggle = (
    <Space size={8}>
      <Switch
        id="org-show-inactive"
        size="small"
        checked={includeInactive}
        onChange={setIncludeInactive}
        data-testid="orgunit-show-inactive"
      />
      <label htmlFor="org-show-inactive">{t('org.showInactive')}</label>
    </Space>
  );

  return (
    <>
      <PageTitle titleKey="org.title" />
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Section title={t('org.tree')} extra={inactiveToggle}>
            {isPending ? <Loading /> : null}
            {isError ? <ErrorAlert error={error} onRetry={() => void refetch()} /> : null}
            {!isPending && !isError ? <OrgUnitTree units={units} byCode={byCode} selected={selected} onSelect={select} /> : null}
          </Section>
        </Col>
        <Col xs={24} lg={14}>
          <Section title={t('org.details')}>
            {selected ? (
              <OrgUnitDetails
                code={selected}
                canEdit={canAdminister(me, selected, byCode)}
                onSelect={select}
                onEdit={(detail) => setDrawer({ mode: 'edit', detail })}
                onAddChild={(parent) => setDrawer({ mode: 'create', parent })}
              />
            ) : (
              <Empty description={t('org.selectHint')} />
            )}
          </Section>
          <Section title={t('org.resolver')}>
            <NameResolver onPick={select} />
          </Section>
        </Col>
      </Row>
      <OrgUnitDrawer
        state={drawer}
        units={units}
        onClose={() => setDrawer(null)}
        onSaved={(unit) => {
          setDrawer(null);
          select(unit.code);
        }}
      />
    </>
  );
}
