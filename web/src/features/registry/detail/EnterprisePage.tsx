import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Space } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { enterpriseQuery } from '../../../api/registry';
import { REGISTRY_EDITORS } from '../../../app/access';
import { Loading } from '../../../app/Loading';
import { PageTitle } from '../../../app/PageTitle';
import { useT } from '../../../app/i18n';
import { mayUse, useMe } from '../../../app/session';
import { DemoTag } from '../../../components/DemoTag';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Section } from '../../../components/Section';
import { EnterpriseDrawer } from '../enterprises/EnterpriseDrawer';
import { StatsSection } from '../stats/StatsSection';
import { EnterprisePatents } from './EnterprisePatents';
import { EnterprisePrechecks } from './EnterprisePrechecks';
import { EnterpriseProfile } from '../../../components/registry/EnterpriseProfile';
import { QualificationsSection } from '../../../components/registry/QualificationsSection';

/** One enterprise: profile and parks, qualifications, annual statistics, prechecks and patents. */
export default function EnterprisePage() {
  const { id = '' } = useParams();
  const t = useT();
  const mayEdit = mayUse(useMe().data, REGISTRY_EDITORS);
  const query = useQuery(enterpriseQuery(id));
  const [editing, setEditing] = useState(false);
  const e = query.data?.id === id ? query.data : undefined;
  // An editor edits only enterprises of the units their grant covers: the server says which.
  const editor = mayEdit && e?.editable !== false;

  return (
    <>
      <Link to="/registry/enterprises" style={{ display: 'inline-block', marginBottom: 8 }} data-testid="back-to-registry">
        <ArrowLeftOutlined aria-hidden /> {t('detail.back')}
      </Link>
      <PageTitle
        titleKey="detail.title"
        text={e?.name}
        extra={
          e ? (
            <Space>
              <DemoTag isDemo={e.isDemo} />
              {editor ? (
                <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)} data-testid="enterprise-edit">
                  {t('common.edit')}
                </Button>
              ) : null}
            </Space>
          ) : null
        }
      />
      {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {!e && !query.isError ? <Loading /> : null}
      {e ? (
        <div aria-busy={query.isFetching}>
          <Section title={t('detail.profile')} testId="enterprise-profile-section">
            <EnterpriseProfile enterprise={e} />
          </Section>
          <QualificationsSection enterprise={e} editable={editor} title={t('detail.qualifications')} />
          <StatsSection enterprise={e} editable={editor} />
          <EnterprisePrechecks enterpriseId={e.id} />
          <EnterprisePatents enterpriseId={e.id} />
          {editor ? <EnterpriseDrawer state={editing ? { mode: 'edit', id: e.id } : null} onClose={() => setEditing(false)} /> : null}
        </div>
      ) : null}
    </>
  );
}
