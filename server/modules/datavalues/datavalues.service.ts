import type { DataElementView, DataValueView, ValueInput } from '../../../common/contracts/datavalues.js';
import type { Aggregation } from '../../../common/aggregation.js';
import { isSignedElement, plausibleRange } from '../../../common/units.js';
import { audit, type RequestContext } from '../../platform/audit.js';
import type { Db } from '../../platform/db.js';
import { AppError, type Problem } from '../../platform/errors.js';
import { bumpRevision } from '../../platform/revision.js';
import { plausibilityWarnings } from './datavalues.plausibility.js';
import * as repo from './datavalues.repo.js';
import type { DataElementRow, DataValueRow, Key } from './datavalues.repo.js';

export const keyString = (k: Key) => `${k.dataElement}|${k.orgUnit}|${k.period}`;
const rowKey = (r: DataValueRow): Key => ({ dataElement: r.dataElementCode, orgUnit: r.orgUnitCode, period: r.period });

export function presentValue(r: DataValueRow): DataValueView {
  return {
    id: String(r.id),
    dataElementCode: r.dataElementCode,
    orgUnitCode: r.orgUnitCode,
    period: r.period,
    value: r.value,
    version: r.version,
    current: r.isCurrent,
    status: r.status as DataValueView['status'],
    source: r.source as DataValueView['source'],
    sourceNote: r.sourceNote,
    reason: r.reason,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    approvedBy: r.approvedBy,
    approvedAt: r.approvedAt ? r.approvedAt.toISOString() : null,
  };
}

export function presentDataElement(d: DataElementRow): DataElementView {
  const range = effectiveRange(d);
  return {
    code: d.code,
    nameZh: d.nameZh,
    nameEn: d.nameEn,
    unit: d.unit,
    aggregation: d.aggregation as Aggregation,
    definitionZh: d.definitionZh,
    minValue: range.min,
    maxValue: range.max,
  };
}

/**
 * The range a figure of a data element must lie in: its declared bounds (min_value, max_value) where set,
 * otherwise the bounds its unit implies (common/units.ts plausibleRange: amounts, counts and people never
 * negative, shares 0–100, magnitudes bounded for the unit; growth rates and changes may be negative).
 */
export function effectiveRange(d: Pick<DataElementRow, 'code' | 'minValue' | 'maxValue' | 'unit'>): { min: number; max: number } {
  const derived = plausibleRange(d.unit, { signed: isSignedElement(d.code) });
  return { min: d.minValue ?? derived.min, max: d.maxValue ?? derived.max };
}

export function rangeProblem(
  d: Pick<DataElementRow, 'code' | 'minValue' | 'maxValue' | 'unit'>,
  value: number,
): Record<string, unknown> | null {
  const { min, max } = effectiveRange(d);
  if (Number.isFinite(value) && value >= min && value <= max) return null;
  return { value, range: `${min} ~ ${max} ${d.unit}` };
}

/** Who may write or approve values of a unit (given its materialised path). */
export interface ValueActor {
  /** Without a data element: whether the user may write anything at that unit. */
  canWrite: (path: string, dataElement?: string) => boolean;
  canApprove: (path: string) => boolean;
}

/** Whether the approver of a value must differ from everyone who entered, changed or submitted it (the installation's setting). */
export interface ApproveOptions {
  fourEyes: boolean;
}

export interface SaveOptions {
  action: 'save' | 'submit';
  source: 'manual' | 'import';
  /** Prefix of the field names in errors: 'values' for the API, 'rows' for imports. */
  fieldPrefix?: string;
  /** Row numbers to report instead of array indexes (imports report spreadsheet rows). */
  rowLabels?: number[];
  /** Save values with plausibility warnings (the caller has shown them); otherwise such a batch is refused (409). */
  confirmWarnings?: boolean;
}

/**
 * Saves a batch all-or-nothing. Every change is a new version; an approved value is only replaced by a
 * correction that states its reason. Problems are collected for every row before anything is written.
 */
export async function saveValues(db: Db, ctx: RequestContext, actor: ValueActor, inputs: ValueInput[], opts: SaveOptions) {
  const prefix = opts.fieldPrefix ?? 'values';
  const label = (i: number) => `${prefix}.${(opts.rowLabels?.[i] ?? i + 1) - 1}`;
  return db.transaction(async (tx) => {
    const problems: Problem[] = [];
    const des = new Map((await repo.findDataElements(tx, [...new Set(inputs.map((v) => v.dataElement))])).map((d) => [d.code, d]));
    const units = new Map((await repo.unitPaths(tx, [...new Set(inputs.map((v) => v.orgUnit))])).map((u) => [u.code, u]));
    const seen = new Map<string, number>();
    inputs.forEach((v, i) => {
      const de = des.get(v.dataElement);
      const unit = units.get(v.orgUnit);
      if (!de) problems.push({ field: `${label(i)}.dataElement`, code: 'dv_unknown_data_element', params: { code: v.dataElement } });
      if (!unit) problems.push({ field: `${label(i)}.orgUnit`, code: 'unknown_org_unit', params: { code: v.orgUnit } });
      else if (!actor.canWrite(unit.path, v.dataElement))
        throw new AppError(403, 'forbidden_scope', { unit: `${unit.name} · ${v.dataElement}` });
      const k = keyString(v);
      const other = seen.get(k);
      if (other !== undefined)
        problems.push({ field: label(i), code: 'dv_duplicate', params: { other: opts.rowLabels?.[other] ?? other + 1 } });
      seen.set(k, i);
      const range = de ? rangeProblem(de, v.value) : null;
      if (range) problems.push({ field: `${label(i)}.value`, code: 'dv_out_of_range', params: range });
    });
    const current = new Map((await repo.lockCurrent(tx, inputs)).map((r) => [keyString(rowKey(r)), r]));
    const targetStatus = opts.action === 'submit' ? 'submitted' : 'draft';
    const changes: { input: ValueInput; cur: DataValueRow | undefined; index: number }[] = [];
    let unchanged = 0;
    inputs.forEach((v, i) => {
      const cur = current.get(keyString(v));
      if (
        cur &&
        cur.value === v.value &&
        (cur.status === 'approved' || cur.status === targetStatus || (cur.status === 'submitted' && targetStatus === 'draft'))
      ) {
        unchanged += 1;
        return;
      }
      if (cur?.status === 'approved' && cur.value !== v.value && !v.reason) {
        problems.push({ field: `${label(i)}.reason`, code: 'dv_locked', params: { current: cur.value } });
      }
      changes.push({ input: v, cur, index: i });
    });
    if (problems.length) throw new AppError(400, problems[0]!.code, problems[0]!.params, problems[0]!.field, problems);
    if (changes.length === 0) return { saved: 0, unchanged, values: [] as DataValueView[] };
    // Plausibility: a change beyond the installation's factor, or typical of another unit, is saved only when confirmed.
    const changed = changes.map((c) => ({ input: c.input, index: c.index, field: `${label(c.index)}.value` }));
    const warnings = await plausibilityWarnings(tx, changed, des, targetStatus);
    if (warnings.length > 0 && !opts.confirmWarnings)
      throw new AppError(409, 'dv_implausible', { count: warnings.length }, undefined, { warnings });

    await repo.retire(
      tx,
      changes.flatMap((c) => (c.cur ? [c.cur.id] : [])),
    );
    const now = new Date();
    const inserted = await repo.insertVersions(
      tx,
      changes.map(({ input, cur }) => ({
        dataElementCode: input.dataElement,
        orgUnitCode: input.orgUnit,
        period: input.period,
        value: input.value,
        version: (cur?.version ?? 0) + 1,
        isCurrent: true,
        status: targetStatus,
        source: input.source ?? opts.source,
        sourceNote: input.sourceNote ?? null,
        reason: input.reason ?? null,
        createdBy: ctx.userId,
        createdAt: now,
        ...(targetStatus === 'submitted' ? { submittedBy: ctx.userId, submittedAt: now } : {}),
      })),
    );
    await bumpRevision(tx);
    for (const [n, row] of inserted.entries()) {
      const cur = changes[n]!.cur;
      await audit(tx, ctx, {
        action: cur?.status === 'approved' ? 'correct' : 'save',
        entity: 'data_value',
        entityId: keyString(rowKey(row)),
        orgUnit: row.orgUnitCode,
        before: cur ? { value: cur.value, status: cur.status, version: cur.version } : null,
        after: { value: row.value, status: row.status, version: row.version, source: row.source, reason: row.reason },
      });
    }
    return { saved: inserted.length, unchanged, values: inserted.map(presentValue) };
  });
}

/** draft → submitted, or draft/submitted → approved; every key must be in a state the step applies to. */
export async function transition(
  db: Db,
  ctx: RequestContext,
  actor: ValueActor,
  keys: Key[],
  step: 'submit' | 'approve',
  opts: ApproveOptions = { fourEyes: true },
): Promise<number> {
  return db.transaction(async (tx) => {
    const units = new Map((await repo.unitPaths(tx, [...new Set(keys.map((k) => k.orgUnit))])).map((u) => [u.code, u]));
    const current = new Map((await repo.lockCurrent(tx, keys)).map((r) => [keyString(rowKey(r)), r]));
    // Four eyes: everyone who entered, changed or submitted a version since the last approved one.
    const editors = step === 'approve' && opts.fourEyes ? await repo.editorsSinceApproval(tx, keys) : new Map<string, Set<string>>();
    const problems: Problem[] = [];
    const rows: DataValueRow[] = [];
    keys.forEach((k, i) => {
      const unit = units.get(k.orgUnit);
      if (!unit) return problems.push({ field: `keys.${i}.orgUnit`, code: 'unknown_org_unit', params: { code: k.orgUnit } });
      const allowed = step === 'approve' ? actor.canApprove(unit.path) : actor.canWrite(unit.path, k.dataElement);
      if (!allowed) throw new AppError(403, 'forbidden_scope', { unit: unit.name });
      const cur = current.get(keyString(k));
      if (!cur) return problems.push({ field: `keys.${i}`, code: 'dv_not_found', params: {} });
      const ok = step === 'submit' ? cur.status === 'draft' : cur.status !== 'approved';
      if (!ok) return problems.push({ field: `keys.${i}`, code: 'dv_bad_status', params: { status: cur.status } });
      if (ctx.userId && editors.get(keyString(k))?.has(ctx.userId))
        throw new AppError(403, 'dv_four_eyes', { unit: unit.name, dataElement: k.dataElement, period: k.period }, `keys.${i}`);
      rows.push(cur);
    });
    if (problems.length) throw new AppError(400, problems[0]!.code, problems[0]!.params, problems[0]!.field, problems);
    const now = new Date();
    await repo.setStatus(
      tx,
      rows.map((r) => r.id),
      step === 'submit'
        ? { status: 'submitted', submittedBy: ctx.userId, submittedAt: now }
        : { status: 'approved', approvedBy: ctx.userId, approvedAt: now },
    );
    await bumpRevision(tx);
    for (const r of rows) {
      await audit(tx, ctx, {
        action: step,
        entity: 'data_value',
        entityId: keyString(rowKey(r)),
        orgUnit: r.orgUnitCode,
        before: { status: r.status },
        after: { status: step === 'submit' ? 'submitted' : 'approved', version: r.version },
      });
    }
    return rows.length;
  });
}

/**
 * Figures from an authoritative source (a plan document, a statistical bulletin), cited by their source note.
 * Loaded by the system (seed, start-up: no user) they are approved on arrival; brought in by a person (the plan
 * import, the statistics importer) they are submitted, and another person approves them (four eyes). A person
 * never replaces an approved figure this way (that is a correction, with a reason, through data entry): such a
 * row is refused (409 naming it). A changed value retires the current version and becomes the next one (with
 * `reason`); an unchanged one is skipped. Returns what was written, each with the value it replaced.
 */
export async function insertSourcedValues<F extends Key & { value: number; sourceNote: string }>(
  db: Db,
  ctx: RequestContext,
  facts: F[],
  opts: { source: 'official' | 'import'; reason: string },
): Promise<{ fact: F; previous: number | null }[]> {
  const written: { fact: F; previous: number | null }[] = [];
  const now = new Date();
  const byPerson = ctx.userId !== null;
  // In slices: PGlite 0.5 fails ("bad buffer ID") on a few hundred keys in one lookup.
  for (let i = 0; i < facts.length; i += 100) {
    const slice = facts.slice(i, i + 100);
    const current = new Map((await repo.lockCurrent(db, slice)).map((r) => [keyString(rowKey(r)), r]));
    const fresh = slice.filter((f) => current.get(keyString(f))?.value !== f.value);
    if (fresh.length === 0) continue;
    if (byPerson) {
      const locked = fresh.find((f) => current.get(keyString(f))?.status === 'approved');
      if (locked)
        throw new AppError(409, 'dv_approved_not_replaced', {
          key: keyString(locked),
          current: current.get(keyString(locked))!.value,
        });
    }
    await repo.retire(
      db,
      fresh.flatMap((f) => {
        const c = current.get(keyString(f));
        return c ? [c.id] : [];
      }),
    );
    await repo.insertVersions(
      db,
      fresh.map((f) => ({
        dataElementCode: f.dataElement,
        orgUnitCode: f.orgUnit,
        period: f.period,
        value: f.value,
        version: (current.get(keyString(f))?.version ?? 0) + 1,
        status: byPerson ? 'submitted' : 'approved',
        source: opts.source,
        sourceNote: f.sourceNote,
        reason: current.has(keyString(f)) ? opts.reason : null,
        createdBy: ctx.userId,
        createdAt: now,
        ...(byPerson ? { submittedBy: ctx.userId, submittedAt: now } : { approvedBy: null, approvedAt: now }),
      })),
    );
    for (const f of fresh) written.push({ fact: f, previous: current.get(keyString(f))?.value ?? null });
  }
  return written;
}

/** Official figures from a plan document, cited by their clause (approved on arrival only when the system loads them). */
export async function insertOfficialValues(
  db: Db,
  ctx: RequestContext,
  facts: (Key & { value: number; sourceNote: string })[],
): Promise<void> {
  await insertSourcedValues(db, ctx, facts, { source: 'official', reason: 'plan import' });
}

export async function historyOf(db: Db, k: Key): Promise<DataValueView[]> {
  return (await repo.history(db, k)).map(presentValue);
}
