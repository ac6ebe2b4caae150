import type { Dict } from '../dict.js';

/**
 * Error messages: a review policy or set of score sheets that cannot be aggregated (common/review/aggregate.ts
 * ReviewPolicyError, codes REVIEW_POLICY_ERRORS). `{field}` is the template's field when the server names one.
 */
export const reviewErrors: Dict = {
  review_policy_method: {
    'zh-CN': '字段“{field}”：未知的汇总方法“{method}”',
    'en-US': 'Field "{field}": unknown aggregation method "{method}"',
  },
  review_policy_empty: {
    'zh-CN': '字段“{field}”：评分细则至少需要一项指标',
    'en-US': 'Field "{field}": a review policy needs at least one criterion',
  },
  review_criterion_id: { 'zh-CN': '字段“{field}”：指标缺少编号', 'en-US': 'Field "{field}": a criterion has no key' },
  review_criterion_twice: {
    'zh-CN': '字段“{field}”：指标“{criterion}”重复出现，每项指标的编号须唯一',
    'en-US': 'Field "{field}": criterion "{criterion}" appears twice; every criterion needs its own key',
  },
  review_criterion_weight: {
    'zh-CN': '字段“{field}”：指标“{criterion}”的权重须为正数（现为 {weight}）',
    'en-US': 'Field "{field}": the weight of criterion "{criterion}" must be a positive percentage, not {weight}',
  },
  review_criterion_threshold: {
    'zh-CN': '字段“{field}”：指标“{criterion}”的门槛须在 0–100 之间（现为 {threshold}）',
    'en-US': 'Field "{field}": the threshold of criterion "{criterion}" must lie in 0–100, not {threshold}',
  },
  review_weights_sum: {
    'zh-CN': '字段“{field}”：指标权重合计须为 100 %（现为 {sum} %）',
    'en-US': 'Field "{field}": the criterion weights must sum to 100 %, not {sum} %',
  },
  review_total_threshold: {
    'zh-CN': '字段“{field}”：总分门槛须在 0–100 之间（现为 {threshold}）',
    'en-US': 'Field "{field}": the total threshold must lie in 0–100, not {threshold}',
  },
  review_spread_threshold: {
    'zh-CN': '字段“{field}”：分歧阈值须为不小于 0 的分数（现为 {threshold}）',
    'en-US': 'Field "{field}": the spread threshold must be a non-negative number of points, not {threshold}',
  },
  review_score_missing: {
    'zh-CN': '专家 {expert} 未给指标“{criterion}”评分，无法汇总',
    'en-US': 'Expert {expert} gave no score for criterion "{criterion}"; nothing can be aggregated',
  },
  review_score_range: {
    'zh-CN': '专家 {expert} 给指标“{criterion}”的评分 {score} 不在 0–100 之间，无法汇总',
    'en-US': 'Expert {expert} scored criterion "{criterion}" {score}, outside 0–100; nothing can be aggregated',
  },
  review_no_sheets: {
    'zh-CN': '项目 {application} 没有评分表，无法汇总',
    'en-US': 'Application {application} has no score sheets to aggregate',
  },
  review_scored_twice: {
    'zh-CN': '专家 {expert} 对项目 {application} 评分两次，无法汇总',
    'en-US': 'Expert {expert} scored application {application} twice; nothing can be aggregated',
  },
};
