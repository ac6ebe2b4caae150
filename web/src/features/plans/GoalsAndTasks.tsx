import { Typography } from 'antd';
import type { PlanDetail } from '../../api/plans';
import { useI18n } from '../../app/i18n';
import { Section } from '../../components/Section';

type Task = PlanDetail['tasks'][number];

/** The plan's development goals (with their text) and its key tasks with sub-items. */
export function GoalsAndTasks({ plan }: { plan: PlanDetail }) {
  const { t, locale } = useI18n();
  const title = (x: { titleZh: string; titleEn: string }) => (locale === 'zh-CN' ? x.titleZh : x.titleEn);
  const top = plan.tasks.filter((x) => x.parentNo === null);
  const childrenOf = (no: string): Task[] => plan.tasks.filter((x) => x.parentNo === no);

  return (
    <>
      <Section title={t('plan.goals', { n: plan.goals.length })} testId="plan-goals">
        {plan.goals.map((g) => (
          <section key={g.no} style={{ marginBottom: 16 }} data-testid={`goal-${g.no}`}>
            <Typography.Title level={3} style={{ fontSize: 15 }}>
              {t('tasks.goal', { no: g.no, title: title(g) })}
            </Typography.Title>
            {locale === 'zh-CN' ? null : (
              <Typography.Paragraph lang="zh-CN" type="secondary" style={{ marginBottom: 4 }}>
                {g.titleZh}
              </Typography.Paragraph>
            )}
            {g.textZh ? (
              <Typography.Paragraph lang="zh-CN" style={{ maxWidth: 960 }}>
                {g.textZh}
              </Typography.Paragraph>
            ) : null}
          </section>
        ))}
      </Section>
      <Section title={t('plan.tasks', { n: top.length })} testId="plan-tasks">
        <ol style={{ paddingInlineStart: 20, margin: 0 }}>
          {top.map((task) => (
            <li key={task.no} style={{ marginBottom: 8 }} data-testid={`task-${task.no}`}>
              <Typography.Text strong>{t('tasks.task', { no: task.no, title: title(task) })}</Typography.Text>
              {childrenOf(task.no).length > 0 ? (
                <ul style={{ paddingInlineStart: 20, marginTop: 4 }}>
                  {childrenOf(task.no).map((item) => (
                    <li key={item.no} data-testid={`task-${item.no}`}>
                      {item.no} {title(item)}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      </Section>
    </>
  );
}
