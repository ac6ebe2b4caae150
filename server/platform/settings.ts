import { eq } from 'drizzle-orm';
import { kcSettings } from '../db/schema/settings.js';
import type { Db } from './db.js';

/**
 * The installation's settings that the database's own rules read too (kc_settings, migrations 0014 and 0016):
 * the server writes them at start from its configuration, and reads them where a rule in code needs the same
 * figure. One table, owned here; modules use these two functions, never the table.
 */
export const SETTING_KEYS = {
  /** Above this amount (fen) a claim is approved by none of those who reviewed or changed it (trigger of 0014). */
  claimFourEyesAboveFen: 'claim_four_eyes_above_fen',
  /** 1: a data value's approver is not its last editor (trigger of 0016); 0: one person may do both. */
  fourEyesValues: 'four_eyes_values',
  /** A data value beyond this factor of the previous year's needs a confirmation (KECHUANG_PLAUSIBILITY_FACTOR). */
  plausibilityFactor: 'plausibility_factor',
} as const;

export type SettingKey = (typeof SETTING_KEYS)[keyof typeof SETTING_KEYS];

/** The stored value, or undefined when the installation has not written one. */
export async function readSetting(db: Db, key: SettingKey): Promise<number | undefined> {
  const [row] = await db.select({ value: kcSettings.value }).from(kcSettings).where(eq(kcSettings.key, key));
  return row?.value;
}

/** Stores the value (inserted, or replaced). */
export async function writeSetting(db: Db, key: SettingKey, value: number): Promise<void> {
  await db
    .insert(kcSettings)
    .values({ key, value })
    .onConflictDoUpdate({ target: kcSettings.key, set: { value, updatedAt: new Date() } });
}
