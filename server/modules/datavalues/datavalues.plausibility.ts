import type { EarlierValue, PlausibilityWarning, ValueInput } from '../../../common/contracts/datavalues.js';
import { DEFAULT_PLAUSIBILITY_FACTOR, latestEarlier, plausibility } from '../../../common/plausibility.js';
import type { ValueStatus } from '../../../common/values/plans.js';
import type { Db } from '../../platform/db.js';
import { readSetting, SETTING_KEYS, writeSetting } from '../../platform/settings.js';
import * as repo from './datavalues.repo.js';
import type { DataElementRow, Key } from './datavalues.repo.js';

const pairOf = (k: Key) => `${k.dataElement}|${k.orgUnit}`;
const keyOf = (k: Key) => `${k.dataElement}|${k.orgUnit}|${k.period}`;

/** The installation's plausibility factor (kc_settings plausibility_factor, written at start from KECHUANG_PLAUSIBILITY_FACTOR). */
export async function plausibilityFactor(db: Db): Promise<number> {
  return (await readSetting(db, SETTING_KEYS.plausibilityFactor)) ?? DEFAULT_PLAUSIBILITY_FACTOR;
}

/** Writes the configured factor where plausibilityFactor reads it (only when it differs). */
export async function syncPlausibilityFactor(db: Db, factor: number): Promise<void> {
  if ((await readSetting(db, SETTING_KEYS.plausibilityFactor)) === factor) return;
  await writeSetting(db, SETTING_KEYS.plausibilityFactor, factor);
}

/**
 * For each key, the value it is compared with: the same period of the latest earlier year that has a current
 * value of the same data element and unit (the 上年值; for 2025Q3 the latest earlier Q3). `alongside` are
 * values being saved in the same batch, which count as earlier values of the later keys.
 */
export async function earlierValuesOf(
  db: Db,
  keys: Key[],
  alongside: (Key & { value: number; status: ValueStatus })[] = [],
): Promise<Map<string, EarlierValue>> {
  const out = new Map<string, EarlierValue>();
  if (keys.length === 0) return out;
  const byPair = new Map<string, EarlierValue[]>();
  const add = (k: Key, v: EarlierValue) => {
    const list = byPair.get(pairOf(k)) ?? [];
    list.push(v);
    byPair.set(pairOf(k), list);
  };
  const fresh = new Set(alongside.map(keyOf));
  for (const r of await repo.valuesOfPairs(db, keys)) {
    const k = { dataElement: r.dataElementCode, orgUnit: r.orgUnitCode, period: r.period };
    if (!fresh.has(keyOf(k))) add(k, { period: r.period, value: r.value, status: r.status as ValueStatus });
  }
  for (const a of alongside) add(a, { period: a.period, value: a.value, status: a.status });
  for (const k of keys) {
    const found = latestEarlier(k.period, byPair.get(pairOf(k)) ?? []);
    if (found) out.set(keyOf(k), { period: found.period, value: found.value, status: found.status });
  }
  return out;
}

/**
 * The plausibility warnings of the values about to be saved (`changed`: their positions in the request), each
 * compared with its earlier value under the installation's factor; empty when nothing looks wrong.
 */
export async function plausibilityWarnings(
  db: Db,
  changed: { input: ValueInput; index: number; field: string }[],
  des: ReadonlyMap<string, DataElementRow>,
  status: ValueStatus,
): Promise<PlausibilityWarning[]> {
  if (changed.length === 0) return [];
  const factor = await plausibilityFactor(db);
  const earlier = await earlierValuesOf(
    db,
    changed.map((c) => c.input),
    changed.map((c) => ({ ...c.input, status })),
  );
  const out: PlausibilityWarning[] = [];
  for (const { input, index, field } of changed) {
    const unit = des.get(input.dataElement)?.unit;
    if (!unit) continue;
    const previous = earlier.get(keyOf(input)) ?? null;
    const finding = plausibility(input.value, unit, previous, factor);
    if (finding)
      out.push({
        index,
        field,
        dataElement: input.dataElement,
        orgUnit: input.orgUnit,
        period: input.period,
        value: input.value,
        unit,
        previous,
        ...finding,
      });
  }
  return out;
}

/** A number as a message shows it: up to two decimals below 100, whole above. */
const shown = (n: number) => (Math.abs(n) >= 100 ? Math.round(n) : Math.round(n * 100) / 100);

/** The parameters of a warning's message (common/messages dv_jump, dv_wrong_unit, dv_magnitude), rounded for reading. */
export function warningParams(w: PlausibilityWarning): Record<string, unknown> {
  return {
    value: w.value,
    unit: w.unit,
    previous: w.previous ? `${w.previous.value}（${w.previous.period}）` : '—',
    ...(w.ratio === undefined ? {} : { ratio: shown(w.ratio) }),
    ...(w.factor === undefined ? {} : { factor: w.factor }),
    ...(w.likelyUnit === undefined ? {} : { likelyUnit: w.likelyUnit, corrected: w.corrected }),
    ...(w.typicalMax === undefined ? {} : { typicalMax: w.typicalMax }),
  };
}
