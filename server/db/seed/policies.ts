import type { ChecklistItem, Condition, PolicyRule, PolicyParameter, PolicyTestCase } from '../../../common/policies/types.js';

/**
 * The seed catalogue of incentive policies: every reward or subsidy promised in chapter 4 of the Xiushan
 * 14th five-year S&T plan, 第四章（二）1–5 and （四）3, one policy each, with the sentence it comes from.
 * The plan names no amounts: every parameter is 待定 until the county S&T bureau sets it (a new version,
 * approved by someone else), so the test cases run with parameter overrides.
 */
export interface SeedPolicy {
  code: string;
  nameZh: string;
  nameEn: string;
  /** Where in the plan, e.g. 第四章（二）3. */
  clauseRef: string;
  /** The plan's sentence, verbatim (page breaks of the source file joined). */
  clauseText: string;
  rule: PolicyRule;
  parameters: PolicyParameter[];
  tests: PolicyTestCase[];
}

// ---------------------------------------------------------------------------------------------------------
// The plan's sentences (第四章 保障举措).

const CLAUSE_2_1 = '对规模以上企业每年新增研发投入的给予一定奖励。';
const CLAUSE_2_2_NEW_PRODUCT =
  '出台完善创新产品及服务扶持政策，对重大新产品研发成本补助政策及对经重庆市认定的市级新产品、连续两年按新产品新增税收地方留成部分按比例给予财政补助。';
const CLAUSE_2_2_NEW_PRODUCT_EXTENDED = `${CLAUSE_2_2_NEW_PRODUCT}对具有发明专利的市级重大新产品，补助时间适当延长`;
const CLAUSE_2_2_FIRST_SET = '对采购使用重庆市认定的首台（套）重大技术装备的秀山县企业，落实首台（套）重大技术装备扶持政策。';
/** Spans a page break in the source file (after 试行创新产品). */
const CLAUSE_2_2_INSURANCE =
  '试行创新产品与服务远期约定订购及风险补偿制度，对于约定采购的创新产品及服务研制失败的，给予生产服务提供商相关保险费用补贴。';
const CLAUSE_2_3_HIGH_TECH = '经认定的高新技术企业按《重庆市科技创新促进条例》享受相关优惠政策';
const CLAUSE_2_3_POLICIES =
  '出台《秀山县促进创新创业的若干政策》，对新认定的重庆市技术创新示范企业、重庆市高成长科技企业，对新认定为重庆市专精特新企业、小巨人企业、隐形冠军企业，对首次通过国家备案或新认定的市级的科技企业孵化器、众创空间、星创天地，对科技主管部门关于众创空间、孵化基地绩效评价结果为良好以上的，对众创空间、孵化器、星创天地入驻企业首次入库市级科技型企业，对众创空间、孵化器、星创天地入驻企业首次通过高新技术企业认定，对科技型企业获得国家级创新创业大赛奖项的项目，分别给予相应的奖励和补助。';
const CLAUSE_2_4_FIRST_PLATFORM =
  '完善高端研发机构引进激励政策，对企业首次获得国家和市级认定的产业技术研究院、工程技术研究中心、协同创新中心、重点实验室、检验检测中心等技术创新平台，给予经费奖励。';
const CLAUSE_2_4_ORGANIZATION =
  '鼓励龙头企业联合国内外高校、科研院所，组建产业技术创新联盟、技术开发合作平台、公共技术（服务）平台、科技创新与成果转化基地、技术转移机构、创新实践基地等创新组织，对县内经国家、市级认定的创新组织，给予立项资金支持。';
const CLAUSE_2_4_NEW_PLATFORM =
  '对新认定的国家级企业技术中心、重点实验室、工程研究中心、技术创新中心等科技创新平台，对新认定的市级企业技术中心、技术研发中心、重点实验室、工程研究中心、技术创新中心等科技创新平台，对新认定的县级独立法人性质研发机构、企业研发中心分别给予奖励。';
const CLAUSE_2_4_CASE_BY_CASE =
  '对运行稳定的独立法人性质研发机构和高校、科研院所在我县建立的分院分所，根据建设规模和运行情况“一事一议”给予资助。';
const CLAUSE_2_5_PRODUCT =
  '鼓励企业研究新技术，开发高新技术产品或新产品，对通过市级以上科技行政主管部门新认定的高新技术产品或重点新产品，给予相应的经费支持';
/** Spans a page break in the source file (after 推动本). */
const CLAUSE_2_5_BRAND =
  '推动本县品牌产品，支持企业开展各类有机品牌、绿色品牌、民族品牌、地理品牌、城市品牌创建，对首次认定的重庆名牌，给予相应的经费奖励支持。';
const CLAUSE_4_3 =
  '对在秀山产生并转化科技成果或项目获得国家科技进步奖的，对获得重庆市科学技术奖的，获得重庆市企业技术创新奖的，对获得的专利，对企业转化发明专利和市级以上科技成果，对主营产品（服务）发挥核心技术作用，对企业自主研发、购买（引进）先进技术成果，分别给予相应的奖励补助。';

// ---------------------------------------------------------------------------------------------------------
// Building blocks.

/** The plan period. */
const PERIOD = { validFrom: '2021-01-01', validTo: '2025-12-31' } as const;

const PENDING_CITATION = '待定：规划未规定金额，由县科技局确定后填写';

function money(name: string, zh: string, en: string): PolicyParameter {
  return { name, zh, en, unit: 'fen', values: [{ from: '2021-01-01', value: null, citation: PENDING_CITATION }] };
}

function percent(name: string, zh: string, en: string): PolicyParameter {
  return { name, zh, en, unit: 'percent', values: [{ from: '2021-01-01', value: null, citation: PENDING_CITATION }] };
}

const yearlyCap = () => money('yearly_cap', '每户企业年度奖补上限', 'Yearly cap per enterprise');
const amount = (zh: string, en: string) => money('amount', zh, en);
const rate = (zh: string, en: string) => percent('rate', zh, en);
const cap = (zh: string, en: string) => money('cap', zh, en);
const byLevel = (what: { zh: string; en: string }, levels: ('national' | 'municipal' | 'county')[]) =>
  levels.map((l) =>
    money(
      `amount_${l}`,
      `${{ national: '国家级', municipal: '市级', county: '县级' }[l]}${what.zh}奖补金额`,
      `${{ national: 'National', municipal: 'Municipal', county: 'County' }[l]} ${what.en}: amount`,
    ),
  );

function inRegion(): Condition {
  return { id: 'in_region', zh: '企业注册地在秀山县', en: 'Registered in Xiushan County', fact: 'enterprise.inRegion', op: 'is_true' };
}

function firstOfType(): Condition {
  return {
    id: 'first_of_type',
    zh: '首次获得该资质（新认定）',
    en: 'First qualification of this type for the enterprise (newly certified)',
    fact: 'event.firstOfType',
    op: 'is_true',
  };
}

function firstOfKind(): Condition {
  return {
    id: 'first_of_kind',
    zh: '首次获得该类型、该级别的平台认定',
    en: 'First platform of this type at this level for the enterprise',
    fact: 'event.firstOfKind',
    op: 'is_true',
  };
}

function incubatorTenant(): Condition {
  return {
    id: 'incubator_tenant',
    zh: '为众创空间、孵化器或星创天地的入驻企业',
    en: 'Tenant of a maker space, incubator or rural maker space (星创天地)',
    fact: 'enterprise.incubatorTenant',
    op: 'is_true',
    document: 'tenancy_contract',
  };
}

/** The bureau has checked the application's documents (the main one named). */
function verified(document: string, zh: string, en: string): Condition {
  return { id: 'verified', zh, en, fact: 'application.verified', op: 'is_true', document };
}

function baseAmountPositive(document: string, zh: string, en: string): Condition {
  return { id: 'base_amount_positive', zh, en, fact: 'application.baseAmount', op: 'gt', value: 0, document };
}

function levelIn(levels: string[], document: string, zh: string, en: string): Condition {
  return { id: 'application_level', zh, en, fact: 'application.level', op: 'in', value: levels, document };
}

function gradeIn(grades: string[], document: string, zh: string, en: string): Condition {
  return { id: 'application_grade', zh, en, fact: 'application.grade', op: 'in', value: grades, document };
}

const item = (key: string, zh: string, en: string): ChecklistItem => ({ key, zh, en });

const DOCS = {
  qualificationCertificate: () =>
    item('qualification_certificate', '资质认定证书或认定文件复印件', 'Copy of the qualification certificate or recognition notice'),
  platformRecognition: () =>
    item('platform_recognition_document', '平台认定（备案）文件复印件', 'Copy of the platform recognition (or filing) notice'),
  tenancyContract: () =>
    item(
      'tenancy_contract',
      '与众创空间、孵化器或星创天地签订的入驻协议（租赁合同）',
      'Tenancy agreement with the maker space, incubator or rural maker space',
    ),
  patentCertificate: () => item('patent_certificate', '专利证书复印件', 'Copy of the patent certificate'),
  statisticsReport: () =>
    item(
      'statistics_report',
      '统计部门确认的规模以上企业名录或统计年报',
      'Statistical annual report or the statistics office’s list showing above-designated-size status',
    ),
  rdAuditReport: () =>
    item(
      'rd_expense_audit_report',
      '本年度及上年度研发费用专项审计报告',
      'Special audit report on R&D expenses for this year and the previous year',
    ),
  financialAuditReport: () => item('financial_audit_report', '年度财务审计报告', 'Annual financial audit report'),
  awardCertificate: () => item('award_certificate', '获奖证书或表彰文件复印件', 'Copy of the award certificate or commendation notice'),
  recognitionDocument: () =>
    item(
      'recognition_document',
      '主管部门认定文件（含认定名单）复印件',
      'Copy of the competent authority’s recognition notice (with the list)',
    ),
  businessLicence: () => item('business_licence', '营业执照复印件', 'Copy of the business licence'),
};

const IN = { 'enterprise.inRegion': true } as const;
const OUT = { 'enterprise.inRegion': false } as const;

/** A reward on a new qualification of one type, paid without application. */
function qualificationReward(opts: {
  code: string;
  type: string;
  nameZh: string;
  nameEn: string;
  clauseRef: string;
  clauseText: string;
  stackingGroup?: string;
  tenant?: boolean;
  amountFen: number;
}): SeedPolicy {
  const trigger = { 'event.qualificationType': opts.type };
  const tenantFact = opts.tenant ? { 'enterprise.incubatorTenant': true } : {};
  const tests: PolicyTestCase[] = [
    {
      name: '新认定、注册在县内：按定额奖励 / newly certified, registered in the county: fixed reward',
      date: '2023-06-15',
      facts: { ...IN, ...trigger, 'event.firstOfType': true, ...tenantFact },
      parameters: { amount: opts.amountFen },
      expected: { eligibility: 'eligible', amountFen: opts.amountFen },
    },
    {
      name: '非首次认定（复审/重新认定）：不奖励 / re-certification, not the first: no reward',
      date: '2023-06-15',
      facts: { ...IN, ...trigger, 'event.firstOfType': false, ...tenantFact },
      parameters: { amount: opts.amountFen },
      expected: { eligibility: 'ineligible', amountFen: 0 },
    },
    {
      name: '注册地不在县内：不奖励 / registered outside the county: no reward',
      date: '2022-03-01',
      facts: { ...OUT, ...trigger, 'event.firstOfType': true, ...tenantFact },
      expected: { eligibility: 'ineligible', amountFen: 0 },
    },
    {
      name: '缺少注册地信息：待定 / registration place unknown: undetermined',
      date: '2022-03-01',
      facts: { ...trigger, 'event.firstOfType': true, ...tenantFact },
      expected: { eligibility: 'undetermined' },
    },
  ];
  if (opts.tenant)
    tests.push(
      {
        name: '登记簿不掌握入驻情况：待定，需入驻协议 / tenancy unknown to the register: undetermined, tenancy contract needed',
        date: '2024-09-30',
        facts: { ...IN, ...trigger, 'event.firstOfType': true },
        expected: { eligibility: 'undetermined' },
      },
      {
        name: '非入驻企业：不适用本条 / not a tenant: this policy does not apply',
        date: '2024-09-30',
        facts: { ...IN, ...trigger, 'event.firstOfType': true, 'enterprise.incubatorTenant': false },
        expected: { eligibility: 'ineligible', amountFen: 0 },
      },
    );
  else
    tests.push({
      name: '其他资质类型不触发 / another qualification type does not trigger',
      date: '2024-09-30',
      facts: { ...IN, 'event.qualificationType': opts.type === 'tech_sme' ? 'high_tech' : 'tech_sme', 'event.firstOfType': true },
      expected: { eligibility: 'ineligible', amountFen: 0 },
    });
  return {
    code: opts.code,
    nameZh: opts.nameZh,
    nameEn: opts.nameEn,
    clauseRef: opts.clauseRef,
    clauseText: opts.clauseText,
    rule: {
      trigger: { event: 'qualification.granted', match: { 'event.qualificationType': [opts.type] } },
      conditions: [inRegion(), firstOfType(), ...(opts.tenant ? [incubatorTenant()] : [])],
      amount: { kind: 'fixed', param: 'amount' },
      ...(opts.stackingGroup ? { stackingGroup: opts.stackingGroup } : {}),
      ...PERIOD,
      checklist: [DOCS.qualificationCertificate(), ...(opts.tenant ? [DOCS.tenancyContract()] : [])],
    },
    parameters: [amount(`${opts.nameZh}金额`, `${opts.nameEn}: amount`)],
    tests,
  };
}

/** A fixed reward applied for, settled by one document the bureau checks. */
function verifiedFixedReward(opts: {
  code: string;
  nameZh: string;
  nameEn: string;
  clauseRef: string;
  clauseText: string;
  document: ChecklistItem;
  verifiedZh: string;
  verifiedEn: string;
  extraChecklist?: ChecklistItem[];
  amountFen: number;
}): SeedPolicy {
  return {
    code: opts.code,
    nameZh: opts.nameZh,
    nameEn: opts.nameEn,
    clauseRef: opts.clauseRef,
    clauseText: opts.clauseText,
    rule: {
      trigger: { event: 'application' },
      conditions: [inRegion(), verified(opts.document.key, opts.verifiedZh, opts.verifiedEn)],
      amount: { kind: 'fixed', param: 'amount' },
      ...PERIOD,
      checklist: [opts.document, ...(opts.extraChecklist ?? [])],
    },
    parameters: [amount(`${opts.nameZh}金额`, `${opts.nameEn}: amount`)],
    tests: [
      {
        name: '材料经核实：按定额奖励 / documents verified: fixed reward',
        date: '2024-04-10',
        facts: { ...IN, 'application.verified': true },
        parameters: { amount: opts.amountFen },
        expected: { eligibility: 'eligible', amountFen: opts.amountFen },
      },
      {
        name: '材料核实未通过：不奖励 / documents rejected: no reward',
        date: '2024-04-10',
        facts: { ...IN, 'application.verified': false },
        parameters: { amount: opts.amountFen },
        expected: { eligibility: 'ineligible', amountFen: 0 },
      },
      {
        name: '注册地不在县内：不奖励 / registered outside the county: no reward',
        date: '2022-11-20',
        facts: { ...OUT, 'application.verified': true },
        expected: { eligibility: 'ineligible', amountFen: 0 },
      },
      {
        name: '材料尚未核实：待定 / documents not yet checked: undetermined',
        date: '2022-11-20',
        facts: { ...IN },
        expected: { eligibility: 'undetermined' },
      },
      {
        name: '规划期后（2026 年）：不在有效期 / after the plan period (2026): outside the validity dates',
        date: '2026-01-01',
        facts: { ...IN, 'application.verified': true },
        parameters: { amount: opts.amountFen },
        expected: { eligibility: 'ineligible', amountFen: 0 },
      },
    ],
  };
}

/**
 * A share (rate %) of an amount in 万元 the enterprise declares in its application (tax retained, purchase price,
 * premium, contract value…), capped per claim; the bureau checks the figure against the named documents.
 */
function shareOfBaseAmount(opts: {
  code: string;
  nameZh: string;
  nameEn: string;
  clauseRef: string;
  clauseText: string;
  mainDocument: ChecklistItem;
  verifiedZh: string;
  verifiedEn: string;
  baseDocument: ChecklistItem;
  baseZh: string;
  baseEn: string;
  rateZh: string;
  rateEn: string;
  capZh: string;
  capEn: string;
  extraChecklist?: ChecklistItem[];
  extraConditions?: Condition[];
  stackingGroup?: string;
}): SeedPolicy {
  return {
    code: opts.code,
    nameZh: opts.nameZh,
    nameEn: opts.nameEn,
    clauseRef: opts.clauseRef,
    clauseText: opts.clauseText,
    rule: {
      trigger: { event: 'application' },
      conditions: [
        inRegion(),
        verified(opts.mainDocument.key, opts.verifiedZh, opts.verifiedEn),
        ...(opts.extraConditions ?? []),
        baseAmountPositive(opts.baseDocument.key, opts.baseZh, opts.baseEn),
      ],
      amount: { kind: 'share', fact: 'application.baseAmount', rateParam: 'rate', capParam: 'cap' },
      ...(opts.stackingGroup ? { stackingGroup: opts.stackingGroup } : {}),
      yearlyCapParam: 'yearly_cap',
      ...PERIOD,
      checklist: [opts.mainDocument, opts.baseDocument, ...(opts.extraChecklist ?? [])],
    },
    parameters: [rate(opts.rateZh, opts.rateEn), cap(opts.capZh, opts.capEn), yearlyCap()],
    tests: [
      {
        name: '基数 200 万元 × 5% = 10 万元，未达封顶 / base 2 000 000 yuan × 5% = 100 000 yuan, under the cap',
        date: '2023-08-01',
        facts: { ...IN, 'application.verified': true, 'application.baseAmount': 200 },
        parameters: { rate: 5, cap: 30_000_000, yearly_cap: 50_000_000 },
        expected: { eligibility: 'eligible', amountFen: 10_000_000 },
      },
      {
        name: '基数 600 万元 × 5% = 30 万元，恰好封顶 / base × rate exactly equals the cap',
        date: '2023-08-01',
        facts: { ...IN, 'application.verified': true, 'application.baseAmount': 600 },
        parameters: { rate: 5, cap: 30_000_000, yearly_cap: 50_000_000 },
        expected: { eligibility: 'eligible', amountFen: 30_000_000 },
      },
      {
        name: '基数 1000 万元超过封顶：按封顶支付 / above the cap: the cap is paid',
        date: '2023-08-01',
        facts: { ...IN, 'application.verified': true, 'application.baseAmount': 1000 },
        parameters: { rate: 5, cap: 30_000_000, yearly_cap: 50_000_000 },
        expected: { eligibility: 'eligible', amountFen: 30_000_000 },
      },
      {
        name: '基数为 0：不补助 / base of 0: no subsidy',
        date: '2023-08-01',
        facts: { ...IN, 'application.verified': true, 'application.baseAmount': 0 },
        parameters: { rate: 5, cap: 30_000_000 },
        expected: { eligibility: 'ineligible', amountFen: 0 },
      },
      {
        name: '注册地不在县内：不补助 / registered outside the county: no subsidy',
        date: '2021-05-20',
        facts: { ...OUT, 'application.verified': true, 'application.baseAmount': 200 },
        parameters: { rate: 5, cap: 30_000_000 },
        expected: { eligibility: 'ineligible', amountFen: 0 },
      },
      {
        name: '缺少基数：待定 / base amount missing: undetermined',
        date: '2021-05-20',
        facts: { ...IN, 'application.verified': true },
        parameters: { rate: 5, cap: 30_000_000 },
        expected: { eligibility: 'undetermined' },
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------------------
// The catalogue.

const RD_INCREMENT: SeedPolicy = {
  code: 'rd_increment',
  nameZh: '规上企业新增研发投入奖励',
  nameEn: 'Reward for increased R&D spending by above-designated-size enterprises',
  clauseRef: '第四章（二）1',
  clauseText: CLAUSE_2_1,
  rule: {
    trigger: { event: 'stats.approved' },
    conditions: [
      inRegion(),
      {
        id: 'above_designated_size',
        zh: '为规模以上企业',
        en: 'Above designated size (规模以上)',
        fact: 'enterprise.aboveDesignatedSize',
        op: 'is_true',
        document: 'statistics_report',
      },
      {
        id: 'rd_increment_positive',
        zh: '研发投入比上年新增（增量大于 0）',
        en: 'R&D spending increased on the previous year (increment above 0)',
        fact: 'stats.rdIncrement',
        op: 'gt',
        value: 0,
        document: 'rd_expense_audit_report',
      },
    ],
    amount: { kind: 'share', fact: 'stats.rdIncrement', rateParam: 'rate', capParam: 'cap' },
    yearlyCapParam: 'yearly_cap',
    ...PERIOD,
    checklist: [DOCS.statisticsReport(), DOCS.rdAuditReport(), DOCS.financialAuditReport()],
  },
  parameters: [
    rate('新增研发投入奖励比例', 'Reward rate on the R&D increment'),
    cap('单户奖励封顶金额', 'Maximum reward per enterprise and year'),
    yearlyCap(),
  ],
  tests: [
    {
      name: '新增 100 万元 × 10% = 10 万元 / increment 1 000 000 yuan × 10% = 100 000 yuan',
      date: '2023-05-31',
      facts: {
        ...IN,
        'enterprise.aboveDesignatedSize': true,
        'stats.year': 2022,
        'stats.rdExpense': 600,
        'stats.previousRdExpense': 500,
        'stats.rdIncrement': 100,
      },
      parameters: { rate: 10, cap: 50_000_000, yearly_cap: 50_000_000 },
      expected: { eligibility: 'eligible', amountFen: 10_000_000 },
    },
    {
      name: '新增 12.345 万元 × 10%：精确到分 / fractional increment, exact to the fen',
      date: '2023-05-31',
      facts: { ...IN, 'enterprise.aboveDesignatedSize': true, 'stats.year': 2022, 'stats.rdIncrement': 12.345 },
      parameters: { rate: 10, cap: 50_000_000 },
      expected: { eligibility: 'eligible', amountFen: 1_234_500 },
    },
    {
      name: '新增 500 万元 × 10% = 50 万元，恰好封顶 / increment × rate exactly equals the cap',
      date: '2024-05-31',
      facts: { ...IN, 'enterprise.aboveDesignatedSize': true, 'stats.year': 2023, 'stats.rdIncrement': 500 },
      parameters: { rate: 10, cap: 50_000_000 },
      expected: { eligibility: 'eligible', amountFen: 50_000_000 },
    },
    {
      name: '新增 800 万元超过封顶：按封顶支付 / above the cap: the cap is paid',
      date: '2024-05-31',
      facts: { ...IN, 'enterprise.aboveDesignatedSize': true, 'stats.year': 2023, 'stats.rdIncrement': 800 },
      parameters: { rate: 10, cap: 50_000_000 },
      expected: { eligibility: 'eligible', amountFen: 50_000_000 },
    },
    {
      name: '研发投入无新增（增量 0）：不奖励 / no increase (increment 0): no reward',
      date: '2024-05-31',
      facts: { ...IN, 'enterprise.aboveDesignatedSize': true, 'stats.year': 2023, 'stats.rdIncrement': 0 },
      parameters: { rate: 10, cap: 50_000_000 },
      expected: { eligibility: 'ineligible', amountFen: 0 },
    },
    {
      name: '研发投入下降：不奖励 / R&D spending fell: no reward',
      date: '2024-05-31',
      facts: { ...IN, 'enterprise.aboveDesignatedSize': true, 'stats.year': 2023, 'stats.rdIncrement': -20 },
      expected: { eligibility: 'ineligible', amountFen: 0 },
    },
    {
      name: '规模以下企业：不适用 / below designated size: does not apply',
      date: '2022-05-31',
      facts: { ...IN, 'enterprise.aboveDesignatedSize': false, 'stats.year': 2021, 'stats.rdIncrement': 100 },
      expected: { eligibility: 'ineligible', amountFen: 0 },
    },
    {
      name: '注册地不在县内：不奖励 / registered outside the county: no reward',
      date: '2022-05-31',
      facts: { ...OUT, 'enterprise.aboveDesignatedSize': true, 'stats.year': 2021, 'stats.rdIncrement': 100 },
      expected: { eligibility: 'ineligible', amountFen: 0 },
    },
    {
      name: '无统计数据（是否规上未知）：待定 / no statistics (size unknown): undetermined',
      date: '2022-05-31',
      facts: { ...IN, 'stats.year': 2021, 'stats.rdIncrement': 100 },
      parameters: { rate: 10, cap: 50_000_000 },
      expected: { eligibility: 'undetermined' },
    },
  ],
};

const MAJOR_NEW_PRODUCT_RD_COST = shareOfBaseAmount({
  code: 'major_new_product_rd_cost',
  nameZh: '重大新产品研发成本补助',
  nameEn: 'Subsidy for the R&D cost of major new products',
  clauseRef: '第四章（二）2',
  clauseText: CLAUSE_2_2_NEW_PRODUCT,
  mainDocument: item('major_new_product_certificate', '重大新产品认定文件复印件', 'Copy of the major new product recognition notice'),
  verifiedZh: '重大新产品认定材料经核实',
  verifiedEn: 'Major new product recognition verified by the bureau',
  baseDocument: item('rd_cost_audit_report', '该产品研发成本专项审计报告', 'Special audit report on the product’s R&D cost'),
  baseZh: '经审计的研发成本（万元）大于 0',
  baseEn: 'Audited R&D cost (10 000 yuan) above 0',
  rateZh: '研发成本补助比例',
  rateEn: 'Subsidy rate on the R&D cost',
  capZh: '单个产品补助封顶金额',
  capEn: 'Maximum subsidy per product',
});

const NEW_PRODUCT_MUNICIPAL = shareOfBaseAmount({
  code: 'new_product_municipal',
  nameZh: '市级新产品新增税收地方留成补助',
  nameEn: 'Subsidy for Chongqing-certified new products (share of the local retention of new tax)',
  clauseRef: '第四章（二）2',
  clauseText: CLAUSE_2_2_NEW_PRODUCT_EXTENDED,
  mainDocument: item('new_product_certificate', '重庆市新产品认定文件复印件', 'Copy of the Chongqing new product certification'),
  verifiedZh: '市级新产品认定经核实，且在认定后连续两年（有发明专利的可适当延长）补助期内',
  verifiedEn:
    'Chongqing new product certification verified, within the two consecutive subsidy years (extended for products with an invention patent)',
  baseDocument: item(
    'tax_retention_statement',
    '税务部门出具的新产品新增税收及地方留成证明',
    'Tax office statement of the new tax paid on the product and its local retention',
  ),
  baseZh: '新产品新增税收地方留成部分（万元）大于 0',
  baseEn: 'Local retention of the new tax on the product (10 000 yuan) above 0',
  rateZh: '地方留成补助比例',
  rateEn: 'Subsidy rate on the local retention',
  capZh: '单个产品年度补助封顶金额',
  capEn: 'Maximum subsidy per product and year',
});

const FIRST_SET_EQUIPMENT = shareOfBaseAmount({
  code: 'first_set_equipment',
  nameZh: '首台（套）重大技术装备采购使用扶持',
  nameEn: 'Support for buying first-of-its-kind (首台套) major technical equipment',
  clauseRef: '第四章（二）2',
  clauseText: CLAUSE_2_2_FIRST_SET,
  mainDocument: item(
    'first_set_certificate',
    '重庆市首台（套）重大技术装备认定文件复印件',
    'Copy of the Chongqing first-of-its-kind major equipment recognition',
  ),
  verifiedZh: '所购装备为重庆市认定的首台（套）重大技术装备，经核实',
  verifiedEn: 'The equipment bought is recognised by Chongqing as first-of-its-kind, verified',
  baseDocument: item('purchase_contract_invoice', '采购合同及发票', 'Purchase contract and invoices'),
  baseZh: '采购金额（万元）大于 0',
  baseEn: 'Purchase price (10 000 yuan) above 0',
  rateZh: '采购金额补助比例',
  rateEn: 'Subsidy rate on the purchase price',
  capZh: '单台（套）补助封顶金额',
  capEn: 'Maximum subsidy per set of equipment',
});

const INNOVATION_PRODUCT_INSURANCE = shareOfBaseAmount({
  code: 'innovation_product_insurance',
  nameZh: '创新产品约定订购研制失败保险费补贴',
  nameEn: 'Insurance premium subsidy for failed development of pre-ordered innovative products and services',
  clauseRef: '第四章（二）2',
  clauseText: CLAUSE_2_2_INSURANCE,
  mainDocument: item(
    'forward_procurement_contract',
    '创新产品及服务远期约定订购合同及研制失败认定材料',
    'Forward procurement contract for the innovative product or service, and evidence that development failed',
  ),
  verifiedZh: '约定采购的创新产品（服务）研制失败，经核实',
  verifiedEn: 'Development of the pre-ordered innovative product or service failed, verified',
  baseDocument: item('insurance_policy_invoice', '保险单及保险费发票', 'Insurance policy and premium invoices'),
  baseZh: '实际支付的保险费（万元）大于 0',
  baseEn: 'Premium paid (10 000 yuan) above 0',
  rateZh: '保险费补贴比例',
  rateEn: 'Subsidy rate on the premium',
  capZh: '单个项目保险费补贴封顶金额',
  capEn: 'Maximum premium subsidy per project',
});

const HIGH_TECH_NEW = qualificationReward({
  code: 'high_tech_new',
  type: 'high_tech',
  nameZh: '新认定高新技术企业奖励',
  nameEn: 'Reward for a new high-tech enterprise certification',
  clauseRef: '第四章（二）3',
  clauseText: CLAUSE_2_3_HIGH_TECH,
  stackingGroup: 'high_tech_certification',
  amountFen: 10_000_000,
});

const INNOVATION_DEMO_NEW = qualificationReward({
  code: 'innovation_demo_new',
  type: 'innovation_demo',
  nameZh: '新认定重庆市技术创新示范企业奖励',
  nameEn: 'Reward for a new Chongqing technological innovation demonstration enterprise',
  clauseRef: '第四章（二）3',
  clauseText: CLAUSE_2_3_POLICIES,
  amountFen: 20_000_000,
});

const HIGH_GROWTH_NEW = qualificationReward({
  code: 'high_growth_new',
  type: 'high_growth',
  nameZh: '新认定重庆市高成长科技企业奖励',
  nameEn: 'Reward for a new Chongqing high-growth tech enterprise',
  clauseRef: '第四章（二）3',
  clauseText: CLAUSE_2_3_POLICIES,
  amountFen: 5_000_000,
});

const SPECIALIZED_NEW = qualificationReward({
  code: 'specialized_new',
  type: 'specialized',
  nameZh: '新认定重庆市专精特新企业奖励',
  nameEn: 'Reward for a new Chongqing specialised and innovative (专精特新) enterprise',
  clauseRef: '第四章（二）3',
  clauseText: CLAUSE_2_3_POLICIES,
  amountFen: 5_000_000,
});

const LITTLE_GIANT_NEW = qualificationReward({
  code: 'little_giant_new',
  type: 'little_giant',
  nameZh: '新认定“小巨人”企业奖励',
  nameEn: 'Reward for a new “little giant” enterprise',
  clauseRef: '第四章（二）3',
  clauseText: CLAUSE_2_3_POLICIES,
  amountFen: 30_000_000,
});

const HIDDEN_CHAMPION_NEW = verifiedFixedReward({
  code: 'hidden_champion_new',
  nameZh: '新认定隐形冠军企业奖励',
  nameEn: 'Reward for a new “hidden champion” enterprise',
  clauseRef: '第四章（二）3',
  clauseText: CLAUSE_2_3_POLICIES,
  document: DOCS.recognitionDocument(),
  verifiedZh: '新认定为重庆市隐形冠军企业，认定文件经核实',
  verifiedEn: 'Newly recognised as a Chongqing hidden champion enterprise, recognition verified',
  amountFen: 30_000_000,
});

const INCUBATOR_RECOGNITION: SeedPolicy = {
  code: 'incubator_recognition',
  nameZh: '科技企业孵化器、众创空间、星创天地首次国家备案或新认定市级奖励',
  nameEn: 'Reward for an incubator, maker space or rural maker space first filed nationally or newly recognised by Chongqing',
  clauseRef: '第四章（二）3',
  clauseText: CLAUSE_2_3_POLICIES,
  rule: {
    trigger: {
      event: 'platform.recognized',
      match: { 'event.platformType': ['incubator', 'maker_space', 'star_space'], 'event.level': ['national', 'municipal'] },
    },
    conditions: [inRegion(), firstOfKind()],
    amount: { kind: 'table', fact: 'event.level', params: { national: 'amount_national', municipal: 'amount_municipal' } },
    stackingGroup: 'incubator_recognition',
    ...PERIOD,
    checklist: [DOCS.platformRecognition()],
  },
  parameters: byLevel({ zh: '孵化载体备案/认定', en: 'incubator filing or recognition' }, ['national', 'municipal']),
  tests: [
    {
      name: '首次通过国家备案的孵化器：国家级金额 / incubator first filed nationally: national amount',
      date: '2022-12-01',
      facts: { ...IN, 'event.platformType': 'incubator', 'event.level': 'national', 'event.firstOfKind': true },
      parameters: { amount_national: 50_000_000, amount_municipal: 20_000_000 },
      expected: { eligibility: 'eligible', amountFen: 50_000_000 },
    },
    {
      name: '新认定市级星创天地：市级金额 / rural maker space newly recognised by Chongqing: municipal amount',
      date: '2022-12-01',
      facts: { ...IN, 'event.platformType': 'star_space', 'event.level': 'municipal', 'event.firstOfKind': true },
      parameters: { amount_national: 50_000_000, amount_municipal: 20_000_000 },
      expected: { eligibility: 'eligible', amountFen: 20_000_000 },
    },
    {
      name: '县级众创空间：不在本条范围 / county-level maker space: not covered',
      date: '2022-12-01',
      facts: { ...IN, 'event.platformType': 'maker_space', 'event.level': 'county', 'event.firstOfKind': true },
      expected: { eligibility: 'ineligible', amountFen: 0 },
    },
    {
      name: '同级同类再次认定：不奖励 / not the first of its kind at that level: no reward',
      date: '2023-12-01',
      facts: { ...IN, 'event.platformType': 'maker_space', 'event.level': 'municipal', 'event.firstOfKind': false },
      expected: { eligibility: 'ineligible', amountFen: 0 },
    },
    {
      name: '重点实验室不触发 / a key laboratory does not trigger',
      date: '2023-12-01',
      facts: { ...IN, 'event.platformType': 'key_lab', 'event.level': 'municipal', 'event.firstOfKind': true },
      expected: { eligibility: 'ineligible', amountFen: 0 },
    },
    {
      name: '是否首次未知：待定 / first or not unknown: undetermined',
      date: '2023-12-01',
      facts: { ...IN, 'event.platformType': 'incubator', 'event.level': 'municipal' },
      expected: { eligibility: 'undetermined' },
    },
  ],
};

const INCUBATOR_PERFORMANCE: SeedPolicy = {
  code: 'incubator_performance',
  nameZh: '众创空间、孵化基地绩效评价良好以上奖励',
  nameEn: 'Reward for maker spaces and incubation bases rated good or better in the performance evaluation',
  clauseRef: '第四章（二）3',
  clauseText: CLAUSE_2_3_POLICIES,
  rule: {
    trigger: { event: 'application' },
    conditions: [
      inRegion(),
      verified(
        'performance_evaluation_result',
        '科技主管部门绩效评价结果经核实',
        'Performance evaluation result of the S&T authority verified',
      ),
      gradeIn(
        ['excellent', 'good'],
        'performance_evaluation_result',
        '绩效评价结果为良好以上（优秀 excellent、良好 good）',
        'Evaluation result good or better (excellent, good)',
      ),
    ],
    amount: { kind: 'table', fact: 'application.grade', params: { excellent: 'amount_excellent', good: 'amount_good' } },
    ...PERIOD,
    checklist: [
      item(
        'performance_evaluation_result',
        '科技主管部门发布的众创空间、孵化基地绩效评价结果文件',
        'The S&T authority’s published performance evaluation results for maker spaces and incubation bases',
      ),
      DOCS.platformRecognition(),
    ],
  },
  parameters: [
    money('amount_excellent', '绩效评价优秀奖励金额', 'Reward for an excellent evaluation'),
    money('amount_good', '绩效评价良好奖励金额', 'Reward for a good evaluation'),
  ],
  tests: [
    {
      name: '评价优秀：优秀档金额 / rated excellent: excellent amount',
      date: '2024-03-15',
      facts: { ...IN, 'application.verified': true, 'application.grade': 'excellent' },
      parameters: { amount_excellent: 10_000_000, amount_good: 5_000_000 },
      expected: { eligibility: 'eligible', amountFen: 10_000_000 },
    },
    {
      name: '评价良好（边界）：良好档金额 / rated good (the boundary): good amount',
      date: '2024-03-15',
      facts: { ...IN, 'application.verified': true, 'application.grade': 'good' },
      parameters: { amount_excellent: 10_000_000, amount_good: 5_000_000 },
      expected: { eligibility: 'eligible', amountFen: 5_000_000 },
    },
    {
      name: '评价合格（良好以下）：不奖励 / rated pass (below good): no reward',
      date: '2024-03-15',
      facts: { ...IN, 'application.verified': true, 'application.grade': 'pass' },
      expected: { eligibility: 'ineligible', amountFen: 0 },
    },
    {
      name: '注册地不在县内：不奖励 / registered outside the county: no reward',
      date: '2024-03-15',
      facts: { ...OUT, 'application.verified': true, 'application.grade': 'excellent' },
      expected: { eligibility: 'ineligible', amountFen: 0 },
    },
    {
      name: '评价等次未知：待定 / evaluation grade unknown: undetermined',
      date: '2024-03-15',
      facts: { ...IN, 'application.verified': true },
      expected: { eligibility: 'undetermined' },
    },
  ],
};

const TENANT_CQ_TECH_ENTERPRISE = qualificationReward({
  code: 'tenant_cq_tech_enterprise',
  type: 'cq_tech_enterprise',
  nameZh: '入驻企业首次入库市级科技型企业奖励',
  nameEn: 'Reward for an incubator tenant first entered in the Chongqing tech-enterprise register',
  clauseRef: '第四章（二）3',
  clauseText: CLAUSE_2_3_POLICIES,
  tenant: true,
  amountFen: 1_000_000,
});

const TENANT_HIGH_TECH = qualificationReward({
  code: 'tenant_high_tech',
  type: 'high_tech',
  nameZh: '入驻企业首次通过高新技术企业认定奖励',
  nameEn: 'Reward for an incubator tenant first certified as a high-tech enterprise',
  clauseRef: '第四章（二）3',
  clauseText: CLAUSE_2_3_POLICIES,
  stackingGroup: 'high_tech_certification',
  tenant: true,
  amountFen: 15_000_000,
});

const STARTUP_COMPETITION_AWARD: SeedPolicy = {
  code: 'startup_competition_award',
  nameZh: '科技型企业获国家级创新创业大赛奖项奖励',
  nameEn: 'Reward for tech enterprises winning a prize at a national innovation and entrepreneurship competition',
  clauseRef: '第四章（二）3',
  clauseText: CLAUSE_2_3_POLICIES,
  rule: {
    trigger: { event: 'application' },
    conditions: [
      inRegion(),
      verified('award_certificate', '获奖证书经核实', 'Award certificate verified'),
      levelIn(['national'], 'award_certificate', '大赛为国家级', 'A national-level competition'),
      gradeIn(['first', 'second', 'third'], 'award_certificate', '获一、二、三等奖', 'First, second or third prize'),
    ],
    amount: {
      kind: 'table',
      fact: 'application.grade',
      params: { first: 'amount_first', second: 'amount_second', third: 'amount_third' },
    },
    ...PERIOD,
    checklist: [DOCS.awardCertificate(), DOCS.businessLicence()],
  },
  parameters: [
    money('amount_first', '国家级大赛一等奖奖励金额', 'Reward for a first prize'),
    money('amount_second', '国家级大赛二等奖奖励金额', 'Reward for a second prize'),
    money('amount_third', '国家级大赛三等奖奖励金额', 'Reward for a third prize'),
  ],
  tests: [
    {
      name: '国家级大赛二等奖：二等奖金额 / second prize at a national competition: second-prize amount',
      date: '2023-10-20',
      facts: { ...IN, 'application.verified': true, 'application.level': 'national', 'application.grade': 'second' },
      parameters: { amount_first: 20_000_000, amount_second: 10_000_000, amount_third: 5_000_000 },
      expected: { eligibility: 'eligible', amountFen: 10_000_000 },
    },
    {
      name: '市级大赛获奖：不在本条范围 / prize at a municipal competition: not covered',
      date: '2023-10-20',
      facts: { ...IN, 'application.verified': true, 'application.level': 'municipal', 'application.grade': 'first' },
      expected: { eligibility: 'ineligible', amountFen: 0 },
    },
    {
      name: '注册地不在县内：不奖励 / registered outside the county: no reward',
      date: '2023-10-20',
      facts: { ...OUT, 'application.verified': true, 'application.level': 'national', 'application.grade': 'first' },
      expected: { eligibility: 'ineligible', amountFen: 0 },
    },
    {
      name: '奖项等次未知：待定 / prize grade unknown: undetermined',
      date: '2023-10-20',
      facts: { ...IN, 'application.verified': true, 'application.level': 'national' },
      expected: { eligibility: 'undetermined' },
    },
  ],
};

const PLATFORM_FIRST_RECOGNITION: SeedPolicy = {
  code: 'platform_first_recognition',
  nameZh: '首次获得国家和市级认定的技术创新平台经费奖励',
  nameEn: 'Reward for an enterprise’s first nationally or municipally recognised technology innovation platform',
  clauseRef: '第四章（二）4',
  clauseText: CLAUSE_2_4_FIRST_PLATFORM,
  rule: {
    trigger: {
      event: 'platform.recognized',
      match: {
        // 产业技术研究院 → new_rd_institution; 协同创新中心 has no register type (apply under innovation_organization).
        'event.platformType': ['new_rd_institution', 'engineering_center', 'key_lab', 'testing_center'],
        'event.level': ['national', 'municipal'],
      },
    },
    conditions: [inRegion(), firstOfKind()],
    amount: { kind: 'table', fact: 'event.level', params: { national: 'amount_national', municipal: 'amount_municipal' } },
    stackingGroup: 'platform_recognition',
    ...PERIOD,
    checklist: [DOCS.platformRecognition()],
  },
  parameters: byLevel({ zh: '技术创新平台首次认定', en: 'first technology innovation platform' }, ['national', 'municipal']),
  tests: [
    {
      name: '首次获国家级工程技术研究中心：国家级金额 / first national engineering research centre: national amount',
      date: '2025-06-30',
      facts: { ...IN, 'event.platformType': 'engineering_center', 'event.level': 'national', 'event.firstOfKind': true },
      parameters: { amount_national: 100_000_000, amount_municipal: 30_000_000 },
      expected: { eligibility: 'eligible', amountFen: 100_000_000 },
    },
    {
      name: '首次获市级检验检测中心：市级金额 / first municipal testing centre: municipal amount',
      date: '2025-06-30',
      facts: { ...IN, 'event.platformType': 'testing_center', 'event.level': 'municipal', 'event.firstOfKind': true },
      parameters: { amount_national: 100_000_000, amount_municipal: 30_000_000 },
      expected: { eligibility: 'eligible', amountFen: 30_000_000 },
    },
    {
      name: '县级认定：不在本条范围 / county-level recognition: not covered',
      date: '2025-06-30',
      facts: { ...IN, 'event.platformType': 'key_lab', 'event.level': 'county', 'event.firstOfKind': true },
      expected: { eligibility: 'ineligible', amountFen: 0 },
    },
    {
      name: '非首次：不奖励 / not the first: no reward',
      date: '2025-06-30',
      facts: { ...IN, 'event.platformType': 'key_lab', 'event.level': 'municipal', 'event.firstOfKind': false },
      expected: { eligibility: 'ineligible', amountFen: 0 },
    },
    {
      name: '是否首次未知：待定 / first or not unknown: undetermined',
      date: '2025-06-30',
      facts: { ...IN, 'event.platformType': 'key_lab', 'event.level': 'national' },
      expected: { eligibility: 'undetermined' },
    },
  ],
};

const INNOVATION_ORGANIZATION: SeedPolicy = {
  code: 'innovation_organization',
  nameZh: '经国家、市级认定的创新组织立项资金支持',
  nameEn: 'Project funding for innovation organisations recognised at national or municipal level',
  clauseRef: '第四章（二）4',
  clauseText: CLAUSE_2_4_ORGANIZATION,
  rule: {
    trigger: { event: 'application' },
    conditions: [
      inRegion(),
      verified(
        'recognition_document',
        '创新组织（产业技术创新联盟、公共技术服务平台、成果转化基地、技术转移机构等）认定文件经核实',
        'Recognition of the innovation organisation (industry alliance, public technology service platform, transfer base, technology transfer institution…) verified',
      ),
      levelIn(['national', 'municipal'], 'recognition_document', '经国家或市级认定', 'Recognised at national or municipal level'),
    ],
    amount: { kind: 'table', fact: 'application.level', params: { national: 'amount_national', municipal: 'amount_municipal' } },
    stackingGroup: 'platform_recognition',
    ...PERIOD,
    checklist: [
      DOCS.recognitionDocument(),
      item('organization_charter', '创新组织章程或共建协议', 'Charter or cooperation agreement of the innovation organisation'),
    ],
  },
  parameters: byLevel({ zh: '创新组织立项资金', en: 'innovation organisation project funding' }, ['national', 'municipal']),
  tests: [
    {
      name: '市级认定的产业技术创新联盟：市级金额 / industry alliance recognised by Chongqing: municipal amount',
      date: '2022-07-01',
      facts: { ...IN, 'application.verified': true, 'application.level': 'municipal' },
      parameters: { amount_national: 50_000_000, amount_municipal: 20_000_000 },
      expected: { eligibility: 'eligible', amountFen: 20_000_000 },
    },
    {
      name: '县级认定：不在本条范围 / county-level recognition: not covered',
      date: '2022-07-01',
      facts: { ...IN, 'application.verified': true, 'application.level': 'county' },
      expected: { eligibility: 'ineligible', amountFen: 0 },
    },
    {
      name: '注册地不在县内：不支持 / registered outside the county: no funding',
      date: '2022-07-01',
      facts: { ...OUT, 'application.verified': true, 'application.level': 'national' },
      expected: { eligibility: 'ineligible', amountFen: 0 },
    },
    {
      name: '认定级别未知：待定 / recognition level unknown: undetermined',
      date: '2022-07-01',
      facts: { ...IN, 'application.verified': true },
      expected: { eligibility: 'undetermined' },
    },
  ],
};

const RD_PLATFORM_NEW: SeedPolicy = {
  code: 'rd_platform_new',
  nameZh: '新认定国家级、市级、县级科技创新（研发）平台奖励',
  nameEn: 'Reward for newly recognised national, municipal and county R&D platforms',
  clauseRef: '第四章（二）4',
  clauseText: CLAUSE_2_4_NEW_PLATFORM,
  rule: {
    trigger: {
      event: 'platform.recognized',
      match: {
        // 企业技术中心/技术研发中心/企业研发中心 → enterprise_tech_center; 工程研究中心 → engineering_center;
        // 县级独立法人性质研发机构 → new_rd_institution; 技术创新中心 has no register type.
        'event.platformType': ['enterprise_tech_center', 'key_lab', 'engineering_center', 'new_rd_institution'],
        'event.level': ['national', 'municipal', 'county'],
      },
    },
    conditions: [inRegion(), firstOfKind()],
    amount: {
      kind: 'table',
      fact: 'event.level',
      params: { national: 'amount_national', municipal: 'amount_municipal', county: 'amount_county' },
    },
    stackingGroup: 'platform_recognition',
    ...PERIOD,
    checklist: [DOCS.platformRecognition()],
  },
  parameters: byLevel({ zh: '研发平台新认定', en: 'new R&D platform' }, ['national', 'municipal', 'county']),
  tests: [
    {
      name: '新认定国家级企业技术中心：国家级金额 / new national enterprise technology centre: national amount',
      date: '2021-12-20',
      facts: { ...IN, 'event.platformType': 'enterprise_tech_center', 'event.level': 'national', 'event.firstOfKind': true },
      parameters: { amount_national: 100_000_000, amount_municipal: 20_000_000, amount_county: 5_000_000 },
      expected: { eligibility: 'eligible', amountFen: 100_000_000 },
    },
    {
      name: '新认定县级企业研发中心：县级金额 / new county enterprise R&D centre: county amount',
      date: '2021-12-20',
      facts: { ...IN, 'event.platformType': 'enterprise_tech_center', 'event.level': 'county', 'event.firstOfKind': true },
      parameters: { amount_national: 100_000_000, amount_municipal: 20_000_000, amount_county: 5_000_000 },
      expected: { eligibility: 'eligible', amountFen: 5_000_000 },
    },
    {
      name: '非首次（同级同类已有）：不奖励 / already has one of this type and level: no reward',
      date: '2021-12-20',
      facts: { ...IN, 'event.platformType': 'key_lab', 'event.level': 'municipal', 'event.firstOfKind': false },
      expected: { eligibility: 'ineligible', amountFen: 0 },
    },
    {
      name: '科普基地不触发 / a popular-science base does not trigger',
      date: '2021-12-20',
      facts: { ...IN, 'event.platformType': 'popsci_base', 'event.level': 'municipal', 'event.firstOfKind': true },
      expected: { eligibility: 'ineligible', amountFen: 0 },
    },
    {
      name: '注册地未知：待定 / registration place unknown: undetermined',
      date: '2021-12-20',
      facts: { 'event.platformType': 'key_lab', 'event.level': 'municipal', 'event.firstOfKind': true },
      expected: { eligibility: 'undetermined' },
    },
  ],
};

const RD_INSTITUTION_CASE_BY_CASE = shareOfBaseAmount({
  code: 'rd_institution_case_by_case',
  nameZh: '独立法人研发机构及高校院所分院分所“一事一议”资助',
  nameEn: 'Case-by-case support for independent R&D institutions and local branches of universities and research institutes',
  clauseRef: '第四章（二）4',
  clauseText: CLAUSE_2_4_CASE_BY_CASE,
  mainDocument: item(
    'institution_operation_report',
    '法人登记证书（或分院分所设立文件）及运行情况报告',
    'Legal-entity registration (or the branch’s founding document) and an operating report',
  ),
  verifiedZh: '为运行稳定的独立法人研发机构或高校、科研院所在县分院分所，经“一事一议”审定',
  verifiedEn: 'A stably operating independent R&D institution or local branch, approved case by case',
  baseDocument: item('construction_investment_audit', '建设投入专项审计报告', 'Special audit report on the construction investment'),
  baseZh: '经审计的建设投入（万元）大于 0',
  baseEn: 'Audited construction investment (10 000 yuan) above 0',
  rateZh: '建设投入资助比例',
  rateEn: 'Support rate on the construction investment',
  capZh: '单个机构资助封顶金额',
  capEn: 'Maximum support per institution',
});

const HIGH_TECH_PRODUCT_NEW: SeedPolicy = {
  code: 'high_tech_product_new',
  nameZh: '新认定高新技术产品或重点新产品经费支持',
  nameEn: 'Funding for newly certified high-tech products or key new products',
  clauseRef: '第四章（二）5',
  clauseText: CLAUSE_2_5_PRODUCT,
  rule: {
    trigger: { event: 'application' },
    conditions: [
      inRegion(),
      verified(
        'product_certificate',
        '高新技术产品或重点新产品认定证书经核实',
        'High-tech product or key new product certificate verified',
      ),
      levelIn(
        ['national', 'municipal'],
        'product_certificate',
        '由市级以上科技行政主管部门新认定',
        'Newly certified by a municipal or higher S&T authority',
      ),
    ],
    amount: { kind: 'table', fact: 'application.level', params: { national: 'amount_national', municipal: 'amount_municipal' } },
    ...PERIOD,
    checklist: [
      item('product_certificate', '高新技术产品或重点新产品认定证书复印件', 'Copy of the high-tech product or key new product certificate'),
    ],
  },
  parameters: byLevel({ zh: '高新技术产品（重点新产品）', en: 'high-tech or key new product' }, ['national', 'municipal']),
  tests: [
    {
      name: '市级新认定高新技术产品：市级金额 / municipal high-tech product: municipal amount',
      date: '2024-07-01',
      facts: { ...IN, 'application.verified': true, 'application.level': 'municipal' },
      parameters: { amount_national: 10_000_000, amount_municipal: 3_000_000 },
      expected: { eligibility: 'eligible', amountFen: 3_000_000 },
    },
    {
      name: '县级认定（市级以下）：不支持 / county certification (below municipal): no funding',
      date: '2024-07-01',
      facts: { ...IN, 'application.verified': true, 'application.level': 'county' },
      expected: { eligibility: 'ineligible', amountFen: 0 },
    },
    {
      name: '注册地不在县内：不支持 / registered outside the county: no funding',
      date: '2024-07-01',
      facts: { ...OUT, 'application.verified': true, 'application.level': 'national' },
      expected: { eligibility: 'ineligible', amountFen: 0 },
    },
    {
      name: '证书未核实：待定 / certificate not yet checked: undetermined',
      date: '2024-07-01',
      facts: { ...IN, 'application.level': 'municipal' },
      expected: { eligibility: 'undetermined' },
    },
  ],
};

const CHONGQING_BRAND_FIRST = verifiedFixedReward({
  code: 'chongqing_brand_first',
  nameZh: '首次认定重庆名牌奖励',
  nameEn: 'Reward for a product first recognised as a Chongqing famous brand',
  clauseRef: '第四章（二）5',
  clauseText: CLAUSE_2_5_BRAND,
  document: item('brand_certificate', '重庆名牌认定证书或文件复印件', 'Copy of the Chongqing famous brand certificate or notice'),
  verifiedZh: '首次认定为重庆名牌，经核实',
  verifiedEn: 'First recognised as a Chongqing famous brand, verified',
  amountFen: 5_000_000,
});

/** An award by grade, applied for with the award certificate. */
function awardReward(opts: {
  code: string;
  nameZh: string;
  nameEn: string;
  awardZh: string;
  awardEn: string;
  grades: [string, string, string][];
}): SeedPolicy {
  const params = Object.fromEntries(opts.grades.map(([g]) => [g, `amount_${g}`]));
  // Test amounts: 10 万元 for the lowest grade, 10 万元 more for each grade above it.
  const fenOf = (i: number) => (opts.grades.length - i) * 10_000_000;
  const overrides: Record<string, number> = Object.fromEntries(opts.grades.map(([g], i) => [`amount_${g}`, fenOf(i)]));
  const top = opts.grades[0]!;
  const bottom = opts.grades[opts.grades.length - 1]!;
  return {
    code: opts.code,
    nameZh: opts.nameZh,
    nameEn: opts.nameEn,
    clauseRef: '第四章（四）3',
    clauseText: CLAUSE_4_3,
    rule: {
      trigger: { event: 'application' },
      conditions: [
        inRegion(),
        verified('award_certificate', `获${opts.awardZh}，获奖证书经核实`, `${opts.awardEn} won, certificate verified`),
        gradeIn(
          opts.grades.map(([g]) => g),
          'award_certificate',
          `获奖等次：${opts.grades.map(([, zh]) => zh).join('、')}`,
          `Prize grade: ${opts.grades.map(([, , en]) => en).join(', ')}`,
        ),
      ],
      amount: { kind: 'table', fact: 'application.grade', params },
      ...PERIOD,
      checklist: [
        DOCS.awardCertificate(),
        item(
          'transfer_evidence',
          '获奖成果在秀山产生并转化的证明材料',
          'Evidence that the awarded achievement was produced and put to use in Xiushan',
        ),
      ],
    },
    parameters: opts.grades.map(([g, zh, en]) => money(`amount_${g}`, `${opts.awardZh}${zh}奖励金额`, `${opts.awardEn}, ${en}: reward`)),
    tests: [
      {
        name: `${top[1]}：对应金额 / ${top[2]}: its amount`,
        date: '2022-02-28',
        facts: { ...IN, 'application.verified': true, 'application.grade': top[0] },
        parameters: overrides,
        expected: { eligibility: 'eligible', amountFen: fenOf(0) },
      },
      {
        name: `${bottom[1]}：对应金额 / ${bottom[2]}: its amount`,
        date: '2025-12-31',
        facts: { ...IN, 'application.verified': true, 'application.grade': bottom[0] },
        parameters: overrides,
        expected: { eligibility: 'eligible', amountFen: fenOf(opts.grades.length - 1) },
      },
      {
        name: '不在奖励等次内：不奖励 / grade not rewarded: no reward',
        date: '2022-02-28',
        facts: { ...IN, 'application.verified': true, 'application.grade': 'honourable_mention' },
        expected: { eligibility: 'ineligible', amountFen: 0 },
      },
      {
        name: '注册地不在县内：不奖励 / registered outside the county: no reward',
        date: '2022-02-28',
        facts: { ...OUT, 'application.verified': true, 'application.grade': top[0] },
        expected: { eligibility: 'ineligible', amountFen: 0 },
      },
      {
        name: '获奖证书未核实：待定 / certificate not yet checked: undetermined',
        date: '2022-02-28',
        facts: { ...IN, 'application.grade': top[0] },
        expected: { eligibility: 'undetermined' },
      },
    ],
  };
}

const NATIONAL_STI_AWARD = awardReward({
  code: 'national_sti_award',
  nameZh: '国家科学技术进步奖奖励',
  nameEn: 'Reward for the National Science and Technology Progress Award',
  awardZh: '国家科学技术进步奖',
  awardEn: 'National S&T Progress Award',
  grades: [
    ['special', '特等奖', 'special prize'],
    ['first', '一等奖', 'first prize'],
    ['second', '二等奖', 'second prize'],
  ],
});

const CQ_STI_AWARD = awardReward({
  code: 'cq_sti_award',
  nameZh: '重庆市科学技术奖奖励',
  nameEn: 'Reward for the Chongqing Science and Technology Award',
  awardZh: '重庆市科学技术奖',
  awardEn: 'Chongqing S&T Award',
  grades: [
    ['first', '一等奖', 'first prize'],
    ['second', '二等奖', 'second prize'],
    ['third', '三等奖', 'third prize'],
  ],
});

const CQ_ENTERPRISE_INNOVATION_AWARD = verifiedFixedReward({
  code: 'cq_enterprise_innovation_award',
  nameZh: '重庆市企业技术创新奖奖励',
  nameEn: 'Reward for the Chongqing Enterprise Technological Innovation Award',
  clauseRef: '第四章（四）3',
  clauseText: CLAUSE_4_3,
  document: DOCS.awardCertificate(),
  verifiedZh: '获重庆市企业技术创新奖，获奖证书经核实',
  verifiedEn: 'Chongqing Enterprise Technological Innovation Award won, certificate verified',
  amountFen: 10_000_000,
});

const PATENT_GRANT: SeedPolicy = {
  code: 'patent_grant',
  nameZh: '授权专利奖励',
  nameEn: 'Reward for granted patents',
  clauseRef: '第四章（四）3',
  clauseText: CLAUSE_4_3,
  rule: {
    trigger: { event: 'patent.granted', match: { 'event.patentType': ['invention', 'utility_model', 'design'] } },
    conditions: [inRegion()],
    amount: {
      kind: 'table',
      fact: 'event.patentType',
      params: { invention: 'amount_invention', utility_model: 'amount_utility_model', design: 'amount_design' },
    },
    yearlyCapParam: 'yearly_cap',
    ...PERIOD,
    checklist: [DOCS.patentCertificate()],
  },
  parameters: [
    money('amount_invention', '发明专利每件奖励金额', 'Reward per invention patent'),
    money('amount_utility_model', '实用新型专利每件奖励金额', 'Reward per utility model patent'),
    money('amount_design', '外观设计专利每件奖励金额', 'Reward per design patent'),
    yearlyCap(),
  ],
  tests: [
    {
      name: '发明专利授权：发明档金额 / invention patent granted: invention amount',
      date: '2023-03-03',
      facts: { ...IN, 'event.patentType': 'invention' },
      parameters: { amount_invention: 1_000_000, amount_utility_model: 200_000, amount_design: 100_000, yearly_cap: 20_000_000 },
      expected: { eligibility: 'eligible', amountFen: 1_000_000 },
    },
    {
      name: '实用新型专利授权：实用新型档金额 / utility model granted: utility model amount',
      date: '2023-03-03',
      facts: { ...IN, 'event.patentType': 'utility_model' },
      parameters: { amount_invention: 1_000_000, amount_utility_model: 200_000, amount_design: 100_000, yearly_cap: 20_000_000 },
      expected: { eligibility: 'eligible', amountFen: 200_000 },
    },
    {
      name: '注册地不在县内：不奖励 / registered outside the county: no reward',
      date: '2023-03-03',
      facts: { ...OUT, 'event.patentType': 'invention' },
      expected: { eligibility: 'ineligible', amountFen: 0 },
    },
    {
      name: '规划期前授权（2020 年）：不在有效期 / granted before the plan period (2020): outside the validity dates',
      date: '2020-12-31',
      facts: { ...IN, 'event.patentType': 'design' },
      expected: { eligibility: 'ineligible', amountFen: 0 },
    },
    {
      name: '注册地未知：待定 / registration place unknown: undetermined',
      date: '2023-03-03',
      facts: { 'event.patentType': 'design' },
      expected: { eligibility: 'undetermined' },
    },
  ],
};

const ACHIEVEMENT_TRANSFER = shareOfBaseAmount({
  code: 'achievement_transfer',
  nameZh: '企业转化发明专利和市级以上科技成果补助',
  nameEn: 'Subsidy for enterprises putting invention patents and municipal-or-higher S&T achievements to use',
  clauseRef: '第四章（四）3',
  clauseText: CLAUSE_4_3,
  mainDocument: item(
    'technology_contract',
    '经登记的技术合同（专利转让、许可或成果转化合同）及发明专利证书或市级以上成果登记证明',
    'Registered technology contract (patent assignment, licence or transfer) with the invention patent certificate or the municipal-or-higher achievement registration',
  ),
  verifiedZh: '转化的为发明专利或市级以上科技成果，经核实',
  verifiedEn: 'What was put to use is an invention patent or a municipal-or-higher S&T achievement, verified',
  baseDocument: item('payment_voucher', '技术交易付款凭证及发票', 'Payment vouchers and invoices for the technology transaction'),
  baseZh: '技术合同实际成交额（万元）大于 0',
  baseEn: 'Amount actually paid under the technology contract (10 000 yuan) above 0',
  rateZh: '成交额补助比例',
  rateEn: 'Subsidy rate on the contract amount',
  capZh: '单项成果补助封顶金额',
  capEn: 'Maximum subsidy per achievement',
});

const CORE_TECH_PRODUCT = verifiedFixedReward({
  code: 'core_tech_product',
  nameZh: '主营产品（服务）发挥核心技术作用奖励',
  nameEn: 'Reward where core technology drives the main product or service',
  clauseRef: '第四章（四）3',
  clauseText: CLAUSE_4_3,
  document: item(
    'core_technology_evidence',
    '核心技术说明及自主知识产权证明、主营产品（服务）销售收入证明',
    'Description of the core technology with proof of own IP, and proof of main product (service) revenue',
  ),
  verifiedZh: '核心技术在主营产品（服务）中发挥作用，经核实',
  verifiedEn: 'Core technology shown to drive the main product or service, verified',
  extraChecklist: [DOCS.financialAuditReport()],
  amountFen: 5_000_000,
});

const TECH_ACQUISITION = shareOfBaseAmount({
  code: 'tech_acquisition',
  nameZh: '企业自主研发、购买（引进）先进技术成果补助',
  nameEn: 'Subsidy for developing, buying or bringing in advanced technology',
  clauseRef: '第四章（四）3',
  clauseText: CLAUSE_4_3,
  mainDocument: item(
    'technology_purchase_contract',
    '技术成果研发立项资料或购买（引进）合同（经技术合同登记）',
    'R&D project records, or the (registered) contract for buying or bringing in the technology',
  ),
  verifiedZh: '自主研发或购买（引进）的技术成果为先进技术成果，经核实',
  verifiedEn: 'The developed, bought or imported technology is advanced, verified',
  baseDocument: item(
    'payment_voucher',
    '研发支出或技术购买（引进）付款凭证及发票',
    'Payment vouchers and invoices for the R&D or the technology purchase',
  ),
  baseZh: '实际研发支出或技术购买（引进）费用（万元）大于 0',
  baseEn: 'R&D spent or price actually paid for the technology (10 000 yuan) above 0',
  rateZh: '技术成果费用补助比例',
  rateEn: 'Subsidy rate on the technology cost',
  capZh: '单项技术成果补助封顶金额',
  capEn: 'Maximum subsidy per technology',
});

/** In the plan's order. */
export const POLICY_CATALOGUE: SeedPolicy[] = [
  // 第四章（二）1
  RD_INCREMENT,
  // 第四章（二）2
  MAJOR_NEW_PRODUCT_RD_COST,
  NEW_PRODUCT_MUNICIPAL,
  FIRST_SET_EQUIPMENT,
  INNOVATION_PRODUCT_INSURANCE,
  // 第四章（二）3
  HIGH_TECH_NEW,
  INNOVATION_DEMO_NEW,
  HIGH_GROWTH_NEW,
  SPECIALIZED_NEW,
  LITTLE_GIANT_NEW,
  HIDDEN_CHAMPION_NEW,
  INCUBATOR_RECOGNITION,
  INCUBATOR_PERFORMANCE,
  TENANT_CQ_TECH_ENTERPRISE,
  TENANT_HIGH_TECH,
  STARTUP_COMPETITION_AWARD,
  // 第四章（二）4
  PLATFORM_FIRST_RECOGNITION,
  INNOVATION_ORGANIZATION,
  RD_PLATFORM_NEW,
  RD_INSTITUTION_CASE_BY_CASE,
  // 第四章（二）5
  HIGH_TECH_PRODUCT_NEW,
  CHONGQING_BRAND_FIRST,
  // 第四章（四）3
  NATIONAL_STI_AWARD,
  CQ_STI_AWARD,
  CQ_ENTERPRISE_INNOVATION_AWARD,
  PATENT_GRANT,
  ACHIEVEMENT_TRANSFER,
  CORE_TECH_PRODUCT,
  TECH_ACQUISITION,
];
