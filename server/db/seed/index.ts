import { countUnits, insertUnits } from '../../modules/orgunits/index.js';
import type { Db } from '../../platform/db.js';
import { chongqingOrgUnits } from './orgunits.js';

/** Loads reference data into an empty database; a database that has it is left alone. */
export async function seedReferenceData(db: Db): Promise<{ orgUnits: number }> {
  let orgUnits = 0;
  if ((await countUnits(db)) === 0) {
    const rows = chongqingOrgUnits();
    await db.transaction(async (tx) => insertUnits(tx, rows));
    orgUnits = rows.length;
  }
  return { orgUnits };
}
