import { VALUE_APPROVERS } from '../../../common/access.js';
import type { Db } from '../../platform/db.js';
import { readSetting, SETTING_KEYS } from '../../platform/settings.js';
import { usersWithRoleOver } from '../accounts/index.js';
import {
  currentValues,
  earlierValuesOf,
  editorsSinceApproval,
  keyString,
  presentDataElement,
  presentValue,
  type ValueActor,
} from '../datavalues/index.js';
import type { OrgUnitRow } from '../orgunits/index.js';
import { planDataElements } from './dataentry.service.js';

/** Who may approve the unit's figures: active users with an approving role on it or above, once each. */
async function approversOf(db: Db, unit: OrgUnitRow): Promise<{ id: string; displayName: string }[]> {
  const byId = new Map<string, { id: string; displayName: string }>();
  for (const role of VALUE_APPROVERS) for (const u of await usersWithRoleOver(db, role, unit.path)) byId.set(u.id, u);
  return [...byId.values()];
}

/**
 * The entry grid of one unit and year: every data element of the plan with its current value, its 上年值 (the
 * latest earlier year's value), and whether the caller may edit or approve it. Under four eyes (the
 * installation's setting) a value the caller entered, changed or submitted since its last approval is theirs
 * (`mine`) and not approvable by them.
 */
export async function grid(db: Db, actor: ValueActor, userId: string | null, planId: string, unit: OrgUnitRow, year: number) {
  const des = await planDataElements(db, planId);
  const keys = des.map((d) => ({ dataElement: d.code, orgUnit: unit.code, period: String(year) }));
  const [values, earlier, editors, fourEyesSetting, approvers] = await Promise.all([
    currentValues(db, { orgUnits: [unit.code], periods: [String(year)], dataElements: des.map((d) => d.code) }),
    earlierValuesOf(db, keys),
    editorsSinceApproval(db, keys),
    readSetting(db, SETTING_KEYS.fourEyesValues),
    approversOf(db, unit),
  ]);
  const fourEyes = fourEyesSetting !== 0;
  const canApprove = actor.canApprove(unit.path);
  return {
    orgUnit: { code: unit.code, name: unit.name },
    year,
    canApprove,
    fourEyes,
    approvers,
    rows: des.map((d, i) => {
      const key = keyString(keys[i]!);
      const cur = values.find((v) => v.dataElementCode === d.code);
      const mine = Boolean(userId && cur && cur.status !== 'approved' && editors.get(key)?.has(userId));
      return {
        dataElement: presentDataElement(d),
        current: cur ? presentValue(cur) : null,
        previous: earlier.get(key) ?? null,
        editable: actor.canWrite(unit.path, d.code),
        mine,
        approvable: canApprove && cur?.status === 'submitted' && !(fourEyes && mine),
      };
    }),
  };
}
