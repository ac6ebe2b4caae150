import type { Locale } from '../../../../common/enums';
import type { PlanDetail } from '../../api/plans';
import type { TFunction } from '../../app/i18n';

/**
 * The heading of a group of key-task targets. The dashboard names groups by number only
 * ("G1" = goal 1, "1.2" = task 1.2, null = targets of neither) and in Chinese, so the words
 * come from the plan's goals and tasks, in the user's language.
 */
export function groupTitle(taskNo: string | null, plan: PlanDetail | undefined, fallback: string, t: TFunction, locale: Locale): string {
  const pick = (x: { titleZh: string; titleEn: string }) => (locale === 'zh-CN' ? x.titleZh : x.titleEn);
  if (taskNo === null) return t('tasks.other');
  const goal = /^G(\d+)$/.exec(taskNo);
  if (goal) {
    const g = plan?.goals.find((x) => x.no === Number(goal[1]));
    return t('tasks.goal', { no: goal[1]!, title: g ? pick(g) : fallback });
  }
  const task = plan?.tasks.find((x) => x.no === taskNo);
  return t('tasks.task', { no: taskNo, title: task ? pick(task) : fallback });
}
