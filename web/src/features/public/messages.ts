import type { Dictionary } from '../../app/messages';

/** The public notice pages (公示), open without sign-in. Loaded with the pages that use it (app/dictionaries.ts). */
export default {
  // Public notice pages.
  'public.notices': { zh: '公示公告', en: 'Public notices' },
  'public.notice': { zh: '公示', en: 'Public notice' },
  'public.noticesIntro': {
    zh: '秀山县科技局对拟兑现的科技创新奖补进行公示。公示期内，任何单位和个人均可对公示内容提出异议。',
    en: 'The county S&T bureau publishes the incentive payments it intends to make. While a notice runs, anyone may object to it.',
  },
  'public.allNotices': { zh: '全部公示', en: 'All notices' },
  'public.period': { zh: '公示期：{from} 至 {to}', en: 'Open {from} to {to}' },
  'public.noticeText': { zh: '以下企业拟获得相应奖补：', en: 'The following enterprises are to receive these payments:' },
  'public.itemsLabel': { zh: '公示名单', en: 'Listed payments' },
  'public.no': { zh: '序号', en: 'No.' },
  'public.noItems': { zh: '本公示没有在列的项目', en: 'Nothing listed on this notice' },
  'public.objectionCount': { zh: '已收到异议', en: 'Objections received' },
  'public.closed': { zh: '本公示不在公示期内，不再受理异议。', en: 'This notice is not open; objections are no longer accepted.' },
  'public.staffSignIn': { zh: '工作人员登录', en: 'Staff sign-in' },
  'public.backToApp': { zh: '返回工作台', en: 'Back to the app' },
  'public.footer': { zh: '秀山土家族苗族自治县科学技术局', en: 'Science and Technology Bureau of Xiushan County' },
  'public.objection.title': { zh: '提出异议', en: 'Raise an objection' },
  'public.objection.intro': {
    zh: '如对公示内容有异议，请在 {end} 前提交，并尽量说明事实和理由。科技局将逐条核实处理。',
    en: 'If you object, please do so by {end}, with the facts and reasons. The bureau checks every objection.',
  },
  'public.objection.about': { zh: '针对的项目（可选）', en: 'About (optional)' },
  'public.objection.general': { zh: '针对整个公示', en: 'The whole notice' },
  'public.objection.text': { zh: '异议内容', en: 'Your objection' },
  'public.objection.textRequired': { zh: '请填写异议内容（至少 5 个字）', en: 'Write your objection (at least 5 characters)' },
  'public.objection.contact': { zh: '联系方式（可选）', en: 'Contact (optional)' },
  'public.objection.contactHint': { zh: '便于科技局向您核实情况，不会公开', en: 'So the bureau can reach you; never published' },
  'public.objection.submit': { zh: '提交异议', en: 'Submit' },
  'public.objection.thanks': { zh: '已收到您的异议', en: 'Your objection has been received' },
  'public.objection.thanksText': { zh: '科技局将核实处理。', en: 'The bureau will look into it.' },

  'public.projects': { zh: '项目立项公示', en: 'Project approval notices' },
  'public.projectsIntro': {
    zh: '科技计划项目经专家评审、局务会研究拟予立项，现予公示。公示期内如有异议，可在公示页面提出。',
    en: 'Projects the bureau intends to fund after expert review. While a notice runs, anyone may object on its page.',
  },
  'public.projectNotice': { zh: '项目立项公示', en: 'Approval notice' },
  'public.projectNoticeText': {
    zh: '以下项目拟予立项，资助金额以元计：',
    en: 'The following projects are to be funded (amounts in yuan):',
  },
  'public.projectItemsLabel': { zh: '拟立项名单', en: 'Projects to be funded' },
  'public.call': { zh: '项目指南', en: 'Call' },
} satisfies Dictionary;
