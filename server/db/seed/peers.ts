import { readFileSync } from 'node:fs';
import path from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import { insertOfficialValues } from '../../modules/datavalues/index.js';
import { listUnits, resolveAmong } from '../../modules/orgunits/index.js';
import { systemContext } from '../../platform/audit.js';
import { PROJECT_ROOT } from '../../platform/config.js';
import { bumpRevision } from '../../platform/revision.js';
import type { Db } from '../../platform/db.js';
import { benchmarkIndicators, dataElements, dataValues, peerGroups } from '../schema/index.js';

/**
 * Peer statistics from the plan's own tables (2020 GDP of the 38 districts, R&D by district, enterprise R&D
 * by district), copied verbatim with the names as written there (`九龙坡`, `忠 县`, `秀山县`) and resolved
 * through the org-unit resolver. Stored as official data values with their table as the source.
 */
export const PEERS_FILE = path.join(PROJECT_ROOT, 'server', 'db', 'seed', 'data', 'chongqing-2020-districts.tsv');

export const PEER_DATA_ELEMENTS: (typeof dataElements.$inferInsert)[] = [
  ['gdp_nominal_growth', '地区生产总值名义增速', 'GDP nominal growth', '%', 'none', '（本年 − 上年）÷ 上年 × 100，现价'],
  ['resident_population', '常住人口', 'Resident population', '万人', 'sum', '年末常住人口'],
  ['rd_intensity_published', 'R&D 经费投入强度（公布值）', 'R&D intensity (published)', '%', 'none', '统计公报公布的 R&D 经费 ÷ GDP'],
  [
    'rd_intensity_rank_published',
    'R&D 经费投入强度全市排名（公布）',
    'R&D intensity rank in Chongqing (published)',
    '位',
    'none',
    '规划正文所述名次',
  ],
  ['enterprise_rd_industrial', '规上工业企业 R&D 经费', 'R&D of industrial enterprises above designated size', '万元', 'sum', ''],
  ['enterprise_rd_nonindustrial', '规上非工业企业 R&D 经费', 'R&D of non-industrial enterprises above designated size', '万元', 'sum', ''],
  ['st_competitiveness_score', '科技竞争力得分（公布）', 'S&T competitiveness score (published)', '分', 'none', '重庆市区县科技竞争力评价'],
  ['st_competitiveness_rank', '科技竞争力全市排名（公布）', 'S&T competitiveness rank in Chongqing (published)', '位', 'none', ''],
].map(([code, nameZh, nameEn, unit, aggregation, definitionZh]) => ({
  code: code!,
  nameZh: nameZh!,
  nameEn: nameEn!,
  unit: unit!,
  aggregation: aggregation!,
  definitionZh: definitionZh!,
}));

export const BENCHMARK_INDICATORS: (typeof benchmarkIndicators.$inferInsert)[] = [
  {
    code: 'gdp',
    nameZh: '地区生产总值',
    nameEn: 'GDP',
    unit: '亿元',
    decimals: 2,
    direction: 1,
    expression: '#{gdp}',
    publishedRankElement: 'gdp_rank_chongqing',
  },
  {
    code: 'gdp_nominal_growth',
    nameZh: 'GDP 名义增速',
    nameEn: 'GDP nominal growth',
    unit: '%',
    decimals: 1,
    direction: 1,
    expression: '#{gdp_nominal_growth}',
  },
  {
    code: 'gdp_per_capita',
    nameZh: '人均地区生产总值',
    nameEn: 'GDP per capita',
    unit: '万元',
    decimals: 2,
    direction: 1,
    expression: '#{gdp_per_capita}',
  },
  {
    code: 'resident_population',
    nameZh: '常住人口',
    nameEn: 'Resident population',
    unit: '万人',
    decimals: 2,
    direction: 1,
    expression: '#{resident_population}',
  },
  {
    code: 'rd_expenditure',
    nameZh: 'R&D 经费',
    nameEn: 'R&D expenditure',
    unit: '万元',
    decimals: 0,
    direction: 1,
    expression: '#{rd_expenditure}',
  },
  {
    code: 'rd_intensity',
    nameZh: 'R&D 经费投入强度',
    nameEn: 'R&D intensity',
    unit: '%',
    decimals: 2,
    direction: 1,
    expression: '#{rd_expenditure} / (#{gdp} * 10000) * 100',
    publishedValueElement: 'rd_intensity_published',
    publishedRankElement: 'rd_intensity_rank_published',
  },
  {
    code: 'enterprise_rd',
    nameZh: '规上企业 R&D 经费',
    nameEn: 'R&D of enterprises above designated size',
    unit: '万元',
    decimals: 0,
    direction: 1,
    expression: '#{enterprise_rd_industrial} + #{enterprise_rd_nonindustrial}',
  },
  {
    code: 'enterprise_rd_share',
    nameZh: '企业 R&D 占全社会 R&D 比重',
    nameEn: 'Enterprise share of R&D',
    unit: '%',
    decimals: 1,
    direction: 1,
    expression: '(#{enterprise_rd_industrial} + #{enterprise_rd_nonindustrial}) / #{rd_expenditure} * 100',
  },
  {
    code: 'st_competitiveness',
    nameZh: '科技竞争力得分',
    nameEn: 'S&T competitiveness score',
    unit: '分',
    decimals: 1,
    direction: 1,
    expression: '#{st_competitiveness_score}',
    publishedRankElement: 'st_competitiveness_rank',
  },
].map((x, i) => ({ ...x, direction: x.direction as 1 | -1, sortOrder: i }));

const YUDONGNAN = ['黔江区', '武隆区', '石柱县', '秀山县', '酉阳县', '彭水县'];

/** Published figures the plan states in its prose (section, clause) beside the tables. */
const PROSE: { element: string; unit: string; value: number; section: string; clause: string }[] = [
  {
    element: 'rd_intensity_rank_published',
    unit: '秀山县',
    value: 36,
    section: '第二章（六）秀山县科技创新的主要问题',
    clause: '2020 年全县研究与试验发展（R&D）经费支出占地区生产总值比重为 0.1%，在全市排第 36 位',
  },
  ...(
    [
      ['武隆区', 56.3, 20],
      ['黔江区', 53.51, 25],
      ['石柱县', 51.7, 30],
      ['秀山县', 43.8, 38],
    ] as const
  ).flatMap(([unit, score, rank]) => [
    {
      element: 'st_competitiveness_score',
      unit,
      value: score,
      section: '第二章（六）秀山县科技创新的主要问题',
      clause:
        '渝东南武陵山区城镇群中科技竞争力排名前 3 位的区县分别为武隆区、黔江区、石柱县，其中武隆区科技竞争力为 56.3，在全市排名第 20 位……黔江区（53.51）、石柱县（51.7）……秀山县（43.8）科技竞争力水平为全市最低，排名第 38 位',
    },
    { element: 'st_competitiveness_rank', unit, value: rank, section: '第二章（六）秀山县科技创新的主要问题', clause: '同上 / as above' },
  ]),
];

interface Table {
  key: string;
  section: string;
  title: string;
  rows: string[][];
}

export function parsePeerTables(text: string): Table[] {
  const tables: Table[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('# ') || !line.trim()) continue;
    if (line.startsWith('## ')) {
      const [key, section, title] = line.slice(3).split(' | ');
      tables.push({ key: key!, section: section!, title: title!, rows: [] });
      continue;
    }
    tables.at(-1)?.rows.push(line.split('\t').map((c) => c.trim()));
  }
  return tables;
}

const num = (s: string) => Number(s.replace(/[%,\s]/g, ''));

export async function seedPeerStatistics(db: Db): Promise<number> {
  await db.insert(dataElements).values(PEER_DATA_ELEMENTS).onConflictDoNothing();
  await db.insert(benchmarkIndicators).values(BENCHMARK_INDICATORS).onConflictDoNothing();
  const all = await listUnits(db);
  const counties = all.filter((u) => u.parentCode === '500000' && u.level === 'county');
  const unitOf = (name: string): string => {
    const r = resolveAmong(name, counties, all);
    if (r.matches.length !== 1) throw new Error(`peer statistics: cannot resolve “${name}” to one district`);
    return r.matches[0]!.code;
  };
  await db
    .insert(peerGroups)
    .values([
      {
        code: 'cq_districts',
        nameZh: '重庆市 38 个区县',
        nameEn: 'The 38 districts of Chongqing',
        members: counties.map((u) => u.code),
        builtIn: true,
        // The city's groups: read by every unit below it (shared down), changed only at the city (migration 0016).
        orgUnitCode: '500000',
      },
      {
        code: 'yudongnan',
        nameZh: '渝东南 6 区县',
        nameEn: 'South-east Chongqing (6)',
        members: YUDONGNAN.map(unitOf),
        builtIn: true,
        orgUnitCode: '500000',
      },
    ])
    .onConflictDoNothing();

  const facts: { dataElement: string; orgUnit: string; period: string; value: number; sourceNote: string }[] = [];
  const put = (dataElement: string, orgUnit: string, period: string, value: number, t: { section: string; title: string }) => {
    if (Number.isFinite(value)) facts.push({ dataElement, orgUnit, period, value, sourceNote: `${t.section}：${t.title}` });
  };
  for (const t of parsePeerTables(readFileSync(PEERS_FILE, 'utf8'))) {
    for (const r of t.rows) {
      if (t.key === 'gdp') {
        if (!/^\d+$/.test(r[0] ?? '')) continue;
        const ou = unitOf(r[1]!);
        put('gdp', ou, '2020', num(r[2]!), t);
        put('gdp', ou, '2019', num(r[3]!), t);
        put('gdp_nominal_growth', ou, '2020', num(r[5]!), t);
        put('gdp_per_capita', ou, '2020', num(r[6]!), t);
        put('resident_population', ou, '2020', num(r[7]!), t);
        put('gdp_rank_chongqing', ou, '2020', num(r[0]!), t);
      } else {
        const name = r[0]!;
        if (name.startsWith('区') || !/\d/.test(r[1] ?? '')) continue;
        const ou = name.replace(/\s/g, '') === '全市' ? '500000' : unitOf(name);
        if (t.key === 'enterprise_rd') {
          put('enterprise_rd_industrial', ou, '2020', num(r[1]!), t);
          put('enterprise_rd_nonindustrial', ou, '2020', num(r[2]!), t);
        } else {
          put('rd_expenditure', ou, '2020', num(r[1]!), t);
          put('rd_intensity_published', ou, '2020', num(r[2]!), t);
        }
      }
    }
  }
  for (const p of PROSE)
    facts.push({
      dataElement: p.element,
      orgUnit: unitOf(p.unit),
      period: '2020',
      value: p.value,
      sourceNote: `${p.section}：${p.clause}`,
    });

  // Never over a figure someone entered or imported: only where nothing is stored, or where the stored value
  // is itself an official figure (the plan's prose rounds what its tables give exactly, e.g. GDP 300 → 301.27).
  const existing = await db
    .select({ de: dataValues.dataElementCode, ou: dataValues.orgUnitCode, period: dataValues.period, source: dataValues.source })
    .from(dataValues)
    .where(and(eq(dataValues.isCurrent, true), inArray(dataValues.dataElementCode, [...new Set(facts.map((f) => f.dataElement))])));
  const kept = new Set(existing.filter((e) => e.source !== 'official').map((e) => `${e.de}|${e.ou}|${e.period}`));
  const fresh = facts.filter((f) => !kept.has(`${f.dataElement}|${f.orgUnit}|${f.period}`));
  if (fresh.length)
    await db.transaction(async (tx) => {
      await insertOfficialValues(tx, systemContext('seed'), fresh);
      await bumpRevision(tx);
    });
  return fresh.length;
}
