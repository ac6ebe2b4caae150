import type { industryTags, platformTypes, qualificationTypes } from '../schema/index.js';

/** Industry tags named by the plan's key task 1 (强化科技引领，助推产业结构转型升级). */
export const INDUSTRY_TAGS: (typeof industryTags.$inferInsert)[] = [
  ['tcm', '中医药', 'Traditional Chinese medicine'],
  ['food', '食品加工', 'Food processing'],
  ['electronics', '电子信息', 'Electronics and information'],
  ['new_materials', '新材料', 'New materials'],
  ['auto_parts', '汽摩配件', 'Auto and motorcycle parts'],
  ['electro_mineral', '电矿/硅', 'Electrolytic manganese and silicon'],
  ['eco_building', '环保建材', 'Green building materials'],
  ['digital', '数字经济', 'Digital economy'],
  ['agriculture', '现代农业', 'Modern agriculture'],
  ['tourism', '文化旅游', 'Culture and tourism'],
  ['ecommerce', '电子商务', 'E-commerce'],
].map(([code, nameZh, nameEn], i) => ({ code: code!, nameZh: nameZh!, nameEn: nameEn!, sortOrder: i }));

export const QUALIFICATION_TYPES: (typeof qualificationTypes.$inferInsert)[] = [
  ['high_tech', '高新技术企业', 'High-tech enterprise', 'years:3'],
  ['tech_sme', '科技型中小企业', 'Tech-based SME', 'calendar_year'],
  ['cq_tech_enterprise', '重庆市科技型企业', 'Chongqing tech enterprise', 'open'],
  ['specialized', '专精特新企业', 'Specialised and innovative SME', 'years:3'],
  ['little_giant', '专精特新“小巨人”企业', '“Little giant” enterprise', 'years:3'],
  ['ip_advantage', '知识产权优势企业', 'IP advantage enterprise', 'years:3'],
  ['innovation_demo', '技术创新示范企业', 'Technological innovation demonstration enterprise', 'years:3'],
  ['high_growth', '高成长科技企业', 'High-growth tech enterprise', 'years:3'],
].map(([code, nameZh, nameEn, validity], i) => ({ code: code!, nameZh: nameZh!, nameEn: nameEn!, validity: validity!, sortOrder: i }));

export const PLATFORM_TYPES: (typeof platformTypes.$inferInsert)[] = (
  [
    ['engineering_center', '工程技术研究中心', 'Engineering technology research centre', 'rd', false],
    ['enterprise_tech_center', '企业技术中心', 'Enterprise technology centre', 'rd', false],
    ['key_lab', '重点实验室', 'Key laboratory', 'rd', false],
    ['new_rd_institution', '新型研发机构', 'New-type R&D institution', 'rd', false],
    ['academician_station', '院士工作站', 'Academician workstation', 'rd', false],
    ['postdoc_station', '博士后（博士）工作站', 'Postdoctoral / doctoral workstation', 'rd', false],
    ['incubator', '科技企业孵化器', 'Tech business incubator', 'service', true],
    ['maker_space', '众创空间', 'Maker space', 'service', true],
    ['star_space', '星创天地', 'Rural maker space (星创天地)', 'service', true],
    ['popsci_base', '科普基地', 'Science popularisation base', 'service', false],
    ['expert_yard', '专家大院', 'Expert courtyard', 'service', false],
    ['testing_center', '检验检测中心', 'Testing and inspection centre', 'service', false],
    ['tech_transfer', '技术转移机构', 'Technology transfer institution', 'service', false],
    ['productivity_center', '生产力促进中心', 'Productivity promotion centre', 'service', false],
  ] as const
).map(([code, nameZh, nameEn, category, incubator], i) => ({ code, nameZh, nameEn, category, incubator, sortOrder: i }));
