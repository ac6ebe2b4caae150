import type { PatentView, PlatformView, StatsView, TalentView } from '../../../common/contracts/registry.js';
import type { PlatformLevel } from '../../../common/values/registry.js';
import type { Db } from '../../platform/db.js';
import * as repo from './registry.repo.js';

export function presentPlatform(r: Awaited<ReturnType<typeof repo.platformsIn>>[number]): PlatformView {
  return {
    id: r.p.id,
    name: r.p.name,
    typeCode: r.p.typeCode,
    typeName: r.typeName,
    category: r.category,
    level: r.p.level as PlatformLevel,
    hostEnterpriseId: r.p.hostEnterpriseId,
    hostName: r.p.hostName,
    orgUnitCode: r.p.orgUnitCode,
    orgUnitName: r.orgUnitName,
    recognizedOn: r.p.recognizedOn,
    revokedOn: r.p.revokedOn,
    floorArea: r.p.floorArea,
    isDemo: r.p.isDemo,
  };
}

export function presentTalent(r: Awaited<ReturnType<typeof repo.talentsIn>>[number]): TalentView {
  const t = r.t;
  return {
    id: t.id,
    name: t.name,
    category: t.category,
    employerEnterpriseId: t.employerEnterpriseId,
    employerName: t.employerName,
    orgUnitCode: t.orgUnitCode,
    fromDate: t.fromDate,
    toDate: t.toDate,
    isDemo: t.isDemo,
  };
}

export async function presentPatents(db: Db, rows: Awaited<ReturnType<typeof repo.patentsOf>>[number]['p'][]): Promise<PatentView[]> {
  const owners = await repo.ownersOf(
    db,
    rows.map((p) => p.id),
  );
  return rows.map((p) => ({
    id: p.id,
    number: p.number,
    type: p.type,
    title: p.title,
    filedOn: p.filedOn,
    grantedOn: p.grantedOn,
    status: p.status,
    lapsedOn: p.lapsedOn,
    expiresOn: p.expiresOn,
    owners: owners
      .filter((o) => o.o.patentId === p.id)
      .map((o) => ({ creditCode: o.o.creditCode, enterpriseId: o.o.enterpriseId, name: o.name })),
    isDemo: p.isDemo,
  }));
}

export function presentStats(s: repo.StatsRow): StatsView {
  const { id: _i, approvedBy: _b, approvedAt: _a, updatedAt: _u, ...rest } = s;
  return rest;
}

/** Industry tags, qualification and platform types (reference data). */
export const registryTypes = repo.registryTypes;
