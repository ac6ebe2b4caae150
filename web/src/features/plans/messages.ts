import type { Dictionary } from '../../app/messages';

/** The plan text and its consistency checks. Loaded with the pages that use it (app/dictionaries.ts). */
export default {
  'plan.title': { zh: '规划内容', en: 'Plan' },
  'plan.goals': { zh: '发展目标（{n} 项）', en: 'Development goals ({n})' },
  'plan.tasks': { zh: '重点任务（{n} 项）', en: 'Key tasks ({n})' },
  'plan.indicators': { zh: '指标一览（{n} 项）', en: 'All indicators ({n})' },
  'plan.indicatorsExport': { zh: '规划指标一览 {year}', en: 'Plan indicators {year}' },

  'consistency.title': { zh: '规划一致性', en: 'Plan consistency' },
  'consistency.intro': {
    zh: '规划文本在不同章节对同一指标给出了不同的基期值或目标值。系统保留每一处表述及其原文；在科技局作出决定之前，以表1的表述为准。科技局可以把另一处表述设为权威，并须说明理由，决定会被记录。',
    en: 'In places the plan gives different baselines or targets for the same indicator in different sections. Every statement is kept with its original clause; until the bureau decides, the one in Table 1 counts. The bureau may make another statement authoritative, giving a reason; the decision is recorded.',
  },
  'consistency.count': {
    zh: '共 {n} 处不一致，其中 {open} 处尚待决定。',
    en: '{n, plural, one {# disagreement} other {# disagreements}}, {open} of them still undecided.',
  },
  'consistency.openCount': { zh: '，{n} 处不一致待决定', en: ', {n, plural, one {# disagreement} other {# disagreements}} to decide' },
  'consistency.none': { zh: '规划中没有相互矛盾的表述', en: 'The plan does not contradict itself' },
  'consistency.makeAuthoritative': { zh: '设为权威', en: 'Make authoritative' },
  'consistency.resolveTitle': { zh: '设为权威表述', en: 'Make this statement authoritative' },
  'consistency.resolveText': {
    zh: '今后以“{section}”中的 {value} 为准，进展判断随之更新。',
    en: 'From now on {value} from “{section}” counts, and progress is judged against it.',
  },
  'consistency.reason': { zh: '理由', en: 'Reason' },
  'consistency.reasonHint': {
    zh: '例如依据的文件、会议或上级意见；理由和您的账号会一起记录。',
    en: 'For example the document, meeting or instruction it rests on; it is recorded with your account.',
  },
  'consistency.reasonRequired': { zh: '请填写理由', en: 'Enter a reason' },
  'consistency.reasonLength': { zh: '理由应为 {min}–{max} 个字符', en: 'The reason must be {min}–{max} characters' },
  'consistency.resolved': { zh: '已记录决定', en: 'Decision recorded' },
  'consistency.decided': {
    zh: '已决定：{user} 于 {at}（{zone}）设定，理由：{reason}',
    en: 'Decided by {user} at {at} ({zone}): {reason}',
  },
  'consistency.defaultRule': {
    zh: '尚未决定：默认以表1为准，即“{section}”中的 {value}。',
    en: 'Not decided yet: by default Table 1 counts, i.e. {value} from “{section}”.',
  },
} satisfies Dictionary;
