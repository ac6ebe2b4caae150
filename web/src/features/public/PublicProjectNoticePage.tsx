import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { publicProjectNoticeQuery, raiseProjectObjection } from '../../api/panels';
import { useDocumentTitle } from '../../app/PageTitle';
import { useI18n } from '../../app/i18n';
import { NoticeItemsTable } from '../../components/projects/NoticeItemsTable';
import { ObjectionForm, PublicNoticeFrame } from './PublicNotice';

/** 项目立项公示: the approval list of a call — project, applicant, grant, score and rank — and, while it runs, a form to object. */
export default function PublicProjectNoticePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const query = useQuery(publicProjectNoticeQuery(id));
  const n = query.data?.id === id ? query.data : undefined;
  useDocumentTitle('public.projectNotice', n?.title);

  return (
    <PublicNoticeFrame
      query={query}
      notice={n}
      testId="public-project-notice"
      lead={n ? [{ key: 'call', label: t('public.call'), children: `${n.callTitle}（${n.callCode}）` }] : []}
      columns={2}
      text={t('public.projectNoticeText')}
      itemsLabel={t('public.projectItemsLabel')}
      objectionForm={
        n ? (
          <ObjectionForm
            endsOn={n.endsOn}
            about="applicationId"
            options={n.items.map((x) => ({ value: x.applicationId, label: `${x.title} · ${x.applicant}` }))}
            selectTestId="objection-project"
            raise={(body) => raiseProjectObjection(n.id, body)}
          />
        ) : null
      }
    >
      {n ? <NoticeItemsTable items={n.items} /> : null}
    </PublicNoticeFrame>
  );
}
