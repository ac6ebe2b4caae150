import { useQuery } from '@tanstack/react-query';
import { Alert, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../api/http';
import { myEnterpriseQuery } from '../../api/portal';
import { Loading } from '../../app/Loading';
import { PageTitle } from '../../app/PageTitle';
import { useT } from '../../app/i18n';
import type { MessageKey } from '../../app/messages';
import { DemoTag } from '../../components/DemoTag';
import { ErrorAlert } from '../../components/ErrorAlert';
import { MyClaims } from './MyClaims';
import { MyPatents } from './MyPatents';
import { MyPolicies } from './MyPolicies';
import { MyProfile } from './MyProfile';
import { MyProjectCalls } from './MyProjectCalls';
import { MyProjects } from './MyProjects';
import { MyQualifications } from './MyQualifications';
import { MyStats } from './MyStats';

const TABS = ['profile', 'stats', 'quals', 'patents', 'policies', 'claims', 'calls', 'projects'] as const;
type TabKey = (typeof TABS)[number];

/**
 * The enterprise portal: an enterprise user's own profile, annual figures, qualifications with prechecks, patents,
 * the policies it may enjoy and its claims, the project calls it may answer and its funded projects.
 */
export default function MyEnterprisePage() {
  const t = useT();
  const query = useQuery(myEnterpriseQuery());
  const [params, setParams] = useSearchParams();
  const tab: TabKey = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as TabKey) : 'profile';
  const e = query.data;

  const content = (key: TabKey) => {
    if (!e) return null;
    if (key === 'profile') return <MyProfile enterprise={e} />;
    if (key === 'stats') return <MyStats />;
    if (key === 'quals') return <MyQualifications enterprise={e} />;
    if (key === 'policies') return <MyPolicies />;
    if (key === 'claims') return <MyClaims />;
    if (key === 'calls') return <MyProjectCalls />;
    if (key === 'projects') return <MyProjects />;
    return <MyPatents />;
  };

  return (
    <>
      <PageTitle
        titleKey="my.title"
        text={e ? t('my.titleWith', { name: e.name }) : undefined}
        extra={e ? <DemoTag isDemo={e.isDemo} /> : null}
      />
      {query.isError ? (
        // An account without a linked enterprise gets the server's explanation, not a bare "no permission".
        query.error instanceof ApiError && query.error.code === 'no_enterprise_link' ? (
          <Alert type="warning" showIcon title={query.error.message} data-testid="my-no-enterprise" />
        ) : (
          <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        )
      ) : null}
      {query.isPending ? <Loading /> : null}
      {e ? (
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'profile' ? {} : { tab: key }, { replace: true })}
          aria-label={t('my.sections')}
          destroyOnHidden
          items={TABS.map((key) => ({
            key,
            label: <span data-testid={`my-tab-${key}`}>{t(`my.tab.${key}` as MessageKey)}</span>,
            children: key === tab ? content(key) : null,
          }))}
        />
      ) : null}
    </>
  );
}
