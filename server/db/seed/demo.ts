import { eq, sql } from 'drizzle-orm';
import { creditCodeCheckChar, patentCheckChar, patentExpiry, termEnd, type PatentType } from '../../../common/registry/index.js';
import { addDays } from '../../../common/clock.js';
import { audit, systemContext } from '../../platform/audit.js';
import { rowsOf, type Db } from '../../platform/db.js';
import { bumpRevision } from '../../platform/revision.js';
import {
  enterpriseStats,
  enterprises,
  orgUnits,
  parkMemberships,
  patentOwners,
  patents,
  platforms,
  qualifications,
  talents,
} from '../schema/index.js';

/**
 * A synthetic but plausible Xiushan register, the same on every run (seeded): consistent with the plan's
 * 2020 facts (212 tech enterprises, 8 high-tech enterprises, 10 R&D and 7 service institutions, 20 000 m²
 * of incubation space, 120 patents granted, 30 % tech enterprises among park enterprises) and a growth
 * path since. Every record is flagged is_demo and the web shows it as demo data.
 */
const YEARS = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];
// Counts at 31 December of each year above.
const TECH = [90, 120, 150, 180, 212, 246, 279, 311, 342, 371];
const HIGH_TECH = [3, 4, 5, 6, 8, 12, 16, 22, 28, 35];
const TECH_IN_PARK = [18, 24, 30, 37, 45, 58, 72, 85, 98, 110];
const OTHER_IN_PARK = [80, 88, 95, 100, 105, 105, 105, 105, 105, 105];
const RD = [5, 6, 7, 9, 10, 12, 14, 16, 18, 20];
const SERVICE_OTHER = [3, 3, 3, 3, 3, 5, 7, 8, 9, 11]; // besides the incubators below
const INCUBATORS: [number, string, string, number][] = [
  [2017, 'incubator', '秀山县科技企业孵化器', 8000],
  [2018, 'maker_space', '秀山电商众创空间', 5000],
  [2019, 'star_space', '秀山金银花星创天地', 3000],
  [2020, 'maker_space', '武陵山青年创业众创空间', 4000],
  [2022, 'incubator', '秀山工业园区科技孵化中心', 9000],
  [2024, 'maker_space', '秀山数字经济众创空间', 6000],
];
const GRANTED = [60, 75, 90, 105, 120, 132, 141, 155, 166, 178];

const PLACES = [
  '武陵',
  '梵净',
  '边城',
  '凤凰',
  '清溪',
  '龙凤',
  '洪安',
  '石堤',
  '溪口',
  '钟灵',
  '平凯',
  '乌杨',
  '官庄',
  '峨溶',
  '隘口',
  '雅江',
  '涌洞',
  '中和',
  '梅江',
  '孝溪',
  '宋农',
  '兰桥',
  '膏田',
  '里仁',
];
const LINES: Record<string, string[]> = {
  tcm: ['中药材', '生物医药', '金银花制品', '药业'],
  food: ['食品', '茶业', '农产品加工', '粮油'],
  electronics: ['电子科技', '智能装备', '信息技术'],
  new_materials: ['新材料', '锰业新材料', '硅材料'],
  auto_parts: ['汽摩配件', '机械制造'],
  eco_building: ['环保建材', '建材科技'],
  digital: ['数字科技', '软件'],
  agriculture: ['生态农业', '现代农业科技'],
  ecommerce: ['电子商务', '网络科技'],
};
const SUFFIXES = ['有限公司', '有限责任公司', '股份有限公司'];
const RD_TYPES = [
  'enterprise_tech_center',
  'engineering_center',
  'new_rd_institution',
  'key_lab',
  'academician_station',
  'postdoc_station',
];
const SERVICE_TYPES = ['testing_center', 'tech_transfer', 'productivity_center', 'popsci_base', 'expert_yard'];
const TALENT_CATEGORIES = ['创新创业领军人才', '急需紧缺人才', '博士', '正高级职称', '乡村振兴科技特派员'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚';
const GIVEN = '明华强伟芳娜敏静丽军杰磊涛斌超勇艳秀英霞平刚桂兰玉萍红梅鹏飞海燕宇航';

function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    /** UUIDs from the same stream, so two runs give the same records. */
    uuid: () => {
      const h = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16));
      h[12] = '4';
      h[16] = '89ab'[Math.floor(next() * 4)]!;
      const x = h.join('');
      return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
    },
    date: (year: number) => addDays(`${year}-01-01`, Math.floor(next() * 364)),
  };
}

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function creditCode(i: number): string {
  let n = i + 31 ** 5;
  let body = '';
  for (let k = 0; k < 7; k++) {
    body = ALPHABET[n % 31]! + body;
    n = Math.floor(n / 31);
  }
  const first17 = `91500241MA${body}`;
  return first17 + creditCodeCheckChar(first17);
}

/** Increments per year from cumulative counts. */
const increments = (xs: number[], before = 0) => xs.map((x, i) => x - (i === 0 ? before : xs[i - 1]!));

async function chunked<T>(items: T[], f: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += 400) await f(items.slice(i, i + 400));
}

/** The whole demo register as rows, from a seed and the list of towns: pure and deterministic. */
export function buildDemo(seed: number, towns: string[]) {
  const r = prng(seed);
  // The three central streets host most firms.
  const townFor = () => (r.next() < 0.55 ? towns[r.int(0, Math.min(2, towns.length - 1))]! : r.pick(towns));

  type E = typeof enterprises.$inferInsert & { techFrom?: string; parkFrom?: string };
  const ents: E[] = [];
  const names = new Set<string>();
  const newEnterprise = (foundedYear: number): E => {
    const tag = r.pick(Object.keys(LINES));
    let name = `秀山县${r.pick(PLACES)}${r.pick(LINES[tag]!)}${r.pick(SUFFIXES)}`;
    for (let tries = 0; names.has(name) && tries < 20; tries++)
      name = `秀山${r.pick(PLACES)}${r.pick(PLACES)}${r.pick(LINES[tag]!)}${r.pick(SUFFIXES)}`;
    if (names.has(name)) name = `秀山县${r.pick(PLACES)}${r.pick(LINES[tag]!)}${ents.length}${r.pick(SUFFIXES)}`;
    names.add(name);
    const e: E = {
      id: r.uuid(),
      creditCode: creditCode(ents.length),
      name,
      legalRepresentative: `${r.pick([...SURNAMES])}${r.pick([...GIVEN])}${r.next() < 0.5 ? r.pick([...GIVEN]) : ''}`,
      foundedOn: r.date(foundedYear),
      orgUnitCode: townFor(),
      tags: [tag],
      sizeClass: r.pick(['small', 'micro', 'micro', 'medium']),
      isDemo: true,
    };
    ents.push(e);
    return e;
  };

  // Tech enterprises join the Chongqing tech-enterprise register year by year; some sit in the park.
  const quals: (typeof qualifications.$inferInsert)[] = [];
  const members: (typeof parkMemberships.$inferInsert)[] = [];
  const tech: E[] = [];
  increments(TECH).forEach((n, yi) => {
    const year = YEARS[yi]!;
    const parkQuota = TECH_IN_PARK[yi]! - (yi === 0 ? 0 : TECH_IN_PARK[yi - 1]!);
    for (let k = 0; k < n; k++) {
      const e = newEnterprise(year - r.int(1, 8));
      e.techFrom = r.date(year);
      if (e.techFrom < e.foundedOn!) e.techFrom = e.foundedOn!;
      tech.push(e);
      quals.push({
        enterpriseId: e.id!,
        typeCode: 'cq_tech_enterprise',
        number: `CQKJ${year}${String(k + 1).padStart(4, '0')}`,
        issuedOn: e.techFrom,
        isDemo: true,
      });
      if (k < parkQuota) members.push({ enterpriseId: e.id!, parkCode: '500241P01', fromDate: e.techFrom });
    }
  });
  increments(OTHER_IN_PARK).forEach((n, yi) => {
    for (let k = 0; k < n; k++) {
      const e = newEnterprise(YEARS[yi]! - r.int(0, 5));
      const joined = r.date(YEARS[yi]!);
      members.push({ enterpriseId: e.id!, parkCode: '500241P01', fromDate: joined > e.foundedOn! ? joined : e.foundedOn! });
    }
  });

  // High-tech certificates: three years each, renewed on the anniversary, so the count at each year end holds.
  increments(HIGH_TECH).forEach((n, yi) => {
    const candidates = tech.filter(
      (e) => e.techFrom! <= `${YEARS[yi]}-06-30` && !quals.some((q) => q.enterpriseId === e.id && q.typeCode === 'high_tech'),
    );
    for (let k = 0; k < n; k++) {
      const e = candidates[k];
      if (!e) break;
      let issued = `${YEARS[yi]}-${String(r.int(1, 11)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
      while (Number(issued.slice(0, 4)) <= 2025) {
        quals.push({
          enterpriseId: e.id!,
          typeCode: 'high_tech',
          number: `GR${issued.slice(0, 4)}5500${String(quals.length).padStart(4, '0')}`,
          issuedOn: issued,
          validUntil: termEnd(issued, 3),
          isDemo: true,
        });
        issued = `${Number(issued.slice(0, 4)) + 3}${issued.slice(4)}`;
      }
    }
  });
  // Tech-based SME registrations: a yearly number, valid for its calendar year.
  for (const year of YEARS.slice(3)) {
    for (const e of tech.filter((x) => x.techFrom! <= `${year}-03-31`).slice(0, 40 + (year - 2019) * 12)) {
      quals.push({
        enterpriseId: e.id!,
        typeCode: 'tech_sme',
        number: `${year}500241A${String(quals.length).padStart(5, '0')}`,
        issuedOn: `${year}-04-15`,
        validUntil: `${year}-12-31`,
        isDemo: true,
      });
    }
  }

  // Platforms: R&D institutions, service institutions and incubators.
  const plats: (typeof platforms.$inferInsert)[] = [];
  const hostFor = (year: number) => r.pick(tech.filter((e) => e.techFrom! <= `${year}-12-31`));
  increments(RD).forEach((n, yi) => {
    for (let k = 0; k < n; k++) {
      const host = hostFor(YEARS[yi]!);
      const type = r.pick(RD_TYPES);
      plats.push({
        name: `${host.name.replace(/(股份)?有限(责任)?公司$/, '')}${type === 'academician_station' ? '院士工作站' : type === 'postdoc_station' ? '博士工作站' : '研发中心'}`,
        typeCode: type,
        level: r.next() < 0.2 ? 'municipal' : 'county',
        hostEnterpriseId: host.id!,
        hostName: host.name,
        orgUnitCode: host.orgUnitCode,
        recognizedOn: r.date(YEARS[yi]!),
        isDemo: true,
      });
    }
  });
  increments(SERVICE_OTHER).forEach((n, yi) => {
    for (let k = 0; k < n; k++) {
      const type = r.pick(SERVICE_TYPES);
      plats.push({
        name: `秀山县${r.pick(PLACES)}${type === 'testing_center' ? '检验检测中心' : type === 'tech_transfer' ? '技术转移服务站' : type === 'popsci_base' ? '科普基地' : type === 'expert_yard' ? '专家大院' : '生产力促进中心'}`,
        typeCode: type,
        level: 'county',
        orgUnitCode: townFor(),
        recognizedOn: r.date(YEARS[yi]!),
        isDemo: true,
      });
    }
  });
  for (const [year, type, name, area] of INCUBATORS) {
    plats.push({
      name,
      typeCode: type,
      level: year < 2020 ? 'municipal' : 'county',
      orgUnitCode: name.includes('园区') ? '500241P01' : towns[0]!,
      recognizedOn: `${year}-05-20`,
      floorArea: area,
      isDemo: true,
    });
  }

  // Patents granted each year, owned by tech enterprises of the time.
  const pats: (typeof patents.$inferInsert)[] = [];
  const owners: (typeof patentOwners.$inferInsert)[] = [];
  const TITLES = [
    '一种金银花烘干装置',
    '一种茶叶揉捻机',
    '一种中药材切片设备',
    '一种电解锰渣处理方法',
    '一种汽车配件冲压模具',
    '一种环保砖成型机',
    '一种土鸡养殖监测系统',
    '一种农产品冷链箱',
    '一种硅锰合金冶炼炉',
    '一种电商物流分拣装置',
  ];
  let serial = 0;
  GRANTED.forEach((n, yi) => {
    const year = YEARS[yi]!;
    for (let k = 0; k < n; k++) {
      const x = r.next();
      const type: PatentType = x < 0.12 ? 'invention' : x < 0.72 ? 'utility_model' : 'design';
      const filedYear = year - (type === 'invention' ? r.int(2, 3) : 1);
      const body = `${filedYear}${type === 'invention' ? '1' : type === 'utility_model' ? '2' : '3'}${String(100000 + serial++).padStart(7, '0')}`;
      const filedOn = r.date(filedYear);
      const grantedOn = r.date(year);
      const owner = hostFor(Math.max(year, 2016));
      const id = r.uuid();
      pats.push({
        id,
        number: `${body}.${patentCheckChar(body)}`,
        type,
        title: r.pick(TITLES),
        filedOn,
        grantedOn: grantedOn < filedOn ? filedOn : grantedOn,
        status: 'granted',
        expiresOn: patentExpiry(type, filedOn),
        isDemo: true,
      });
      owners.push({ patentId: id, creditCode: owner.creditCode, enterpriseId: owner.id! });
    }
  });

  // Annual statistics (万元) of the larger tech enterprises, approved: new-product sales share ≈ 20 % in 2020, rising.
  const stats: (typeof enterpriseStats.$inferInsert)[] = [];
  for (const e of tech.slice(0, 60)) {
    let sales = r.int(800, 9000);
    for (const year of [2019, 2020, 2021, 2022, 2023, 2024, 2025]) {
      if (e.techFrom! > `${year}-12-31`) continue;
      sales = Math.round(sales * (1 + r.next() * 0.18));
      const share = 0.15 + (year - 2019) * 0.015 + r.next() * 0.08;
      const employees = Math.round(sales / 60) + r.int(10, 40);
      const rd = Math.round(sales * (0.02 + r.next() * 0.05));
      stats.push({
        enterpriseId: e.id!,
        year,
        avgEmployees: employees,
        stStaff: Math.round(employees * (0.06 + r.next() * 0.14)),
        revenue: sales,
        productSales: Math.round(sales * 0.92),
        newProductSales: Math.round(sales * 0.92 * share),
        highTechRevenue: Math.round(sales * (0.3 + r.next() * 0.5)),
        rdExpense: rd,
        rdExpenseDomestic: rd,
        totalCost: Math.round(sales * 0.85),
        netAssets: Math.round(sales * 0.6),
        totalAssets: Math.round(sales * 1.3),
        status: 'approved',
        isDemo: true,
      });
    }
  }

  const people: (typeof talents.$inferInsert)[] = Array.from({ length: 36 }, () => {
    const employer = hostFor(2023);
    return {
      name: `${r.pick([...SURNAMES])}${r.pick([...GIVEN])}${r.pick([...GIVEN])}`,
      category: r.pick(TALENT_CATEGORIES),
      employerEnterpriseId: employer.id!,
      employerName: employer.name,
      orgUnitCode: employer.orgUnitCode,
      fromDate: r.date(r.int(2017, 2025)),
      isDemo: true,
    };
  });

  return { ents, members, quals, plats, pats, owners, stats, people };
}

/** Loads the demo register into an empty register (Xiushan's towns must exist); a filled one is left alone. */
export async function loadDemoData(db: Db, seed = 2022): Promise<Record<string, number> | null> {
  const [existing] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from enterprises`));
  if ((existing?.n ?? 0) > 0) return null;
  const towns = (await db.select({ code: orgUnits.code }).from(orgUnits).where(eq(orgUnits.parentCode, '500241')))
    .map((u) => u.code)
    .filter((c) => /^\d{9}$/.test(c))
    .sort();
  if (towns.length === 0) return null;
  const { ents, members, quals, plats, pats, owners, stats, people } = buildDemo(seed, towns);
  await db.transaction(async (tx) => {
    await chunked(
      ents.map(({ techFrom: _t, parkFrom: _p, ...e }) => e),
      (c) => tx.insert(enterprises).values(c),
    );
    await chunked(members, (c) => tx.insert(parkMemberships).values(c));
    await chunked(quals, (c) => tx.insert(qualifications).values(c));
    await chunked(plats, (c) => tx.insert(platforms).values(c));
    await chunked(pats, (c) => tx.insert(patents).values(c));
    await chunked(owners, (c) => tx.insert(patentOwners).values(c));
    await chunked(stats, (c) => tx.insert(enterpriseStats).values(c));
    await chunked(people, (c) => tx.insert(talents).values(c));
    await bumpRevision(tx);
    const counts = {
      enterprises: ents.length,
      qualifications: quals.length,
      platforms: plats.length,
      patents: pats.length,
      stats: stats.length,
      talents: people.length,
    };
    await audit(tx, systemContext('demo'), { action: 'load_demo', entity: 'registry', entityId: 'demo', after: counts });
  });
  return {
    enterprises: ents.length,
    qualifications: quals.length,
    platforms: plats.length,
    patents: pats.length,
    stats: stats.length,
    talents: people.length,
  };
}
