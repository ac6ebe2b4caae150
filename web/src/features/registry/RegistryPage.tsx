import { PlusOutlined } from '@ant-design/icons';
import { Button, Tabs } from 'antd';
import { lazy, Suspense, useState, type ComponentType, type LazyExoticComponent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { REGISTRY_EDITORS } from '../../app/access';
import { Loading } from '../../app/Loading';
import { PageTitle } from '../../app/PageTitle';
import { useT } from '../../app/i18n';
import type { MessageKey } from '../../app/messages';
import { mayUse, useMe } from '../../app/session';

/** A tab with a create drawer: the page's button opens it (editors only), the tab closes it. */
export interface TabProps {
  creating: boolean;
  onCreateClose: () => void;
}

interface Section {
  key: string;
  labelKey: MessageKey;
  Tab: LazyExoticComponent<ComponentType<TabProps>>;
  /** The tab has a create drawer (for editors): its button's label and data-testid. */
  creates?: { labelKey: MessageKey; testId: string };
  editorsOnly?: boolean;
}

// Each tab is its own chunk: opening the registry loads only the tab in view.
const SECTIONS: Section[] = [
  {
    key: 'enterprises',
    labelKey: 'registry.tab.enterprises',
    Tab: lazy(() => import('./enterprises/EnterprisesTab')),
    creates: { labelKey: 'ent.create', testId: 'enterprise-create' },
  },
  { key: 'qualifications', labelKey: 'registry.tab.qualifications', Tab: lazy(() => import('./qualifications/QualificationsTab')) },
  {
    key: 'platforms',
    labelKey: 'registry.tab.platforms',
    Tab: lazy(() => import('./platforms/PlatformsTab')),
    creates: { labelKey: 'plat.create', testId: 'platform-create' },
  },
  {
    key: 'talents',
    labelKey: 'registry.tab.talents',
    Tab: lazy(() => import('./talents/TalentsTab')),
    creates: { labelKey: 'talent.create', testId: 'talent-create' },
  },
  {
    key: 'patents',
    labelKey: 'registry.tab.patents',
    Tab: lazy(() => import('./patents/PatentsTab')),
    creates: { labelKey: 'patent.create', testId: 'patent-create' },
  },
  { key: 'pipeline', labelKey: 'registry.tab.pipeline', Tab: lazy(() => import('./pipeline/PipelineTab')) },
  { key: 'import', labelKey: 'registry.tab.import', Tab: lazy(() => import('./import/ImportTab')), editorsOnly: true },
];

export default function RegistryPage() {
  const t = useT();
  const me = useMe().data;
  const navigate = useNavigate();
  const editor = mayUse(me, REGISTRY_EDITORS);
  const sections = SECTIONS.filter((s) => editor || !s.editorsOnly);
  const { section } = useParams();
  const current = sections.find((s) => s.key === section) ?? sections[0]!;
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageTitle
        titleKey="registry.title"
        extra={
          editor && current.creates ? (
            <Button
              type="primary"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => setCreating(true)}
              data-testid={current.creates.testId}
            >
              {t(current.creates.labelKey)}
            </Button>
          ) : null
        }
      />
      <Tabs
        activeKey={current.key}
        onChange={(key) => {
          setCreating(false);
          void navigate(`/registry/${key}`);
        }}
        aria-label={t('registry.sections')}
        destroyOnHidden
        items={sections.map((s) => ({
          key: s.key,
          label: <span data-testid={`registry-tab-${s.key}`}>{t(s.labelKey)}</span>,
          children:
            s === current ? (
              <Suspense fallback={<Loading />}>
                <current.Tab creating={creating} onCreateClose={() => setCreating(false)} />
              </Suspense>
            ) : null,
        }))}
      />
    </>
  );
}
